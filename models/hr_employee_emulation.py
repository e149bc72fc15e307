from odoo import fields, models


class HrEmployee(models.Model):
    """The emulation history of a person: titles, commendations and initiatives, as smart buttons."""

    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    emulation_title_count = fields.Integer(compute="_compute_emulation_counts", string="Titles")
    commendation_count = fields.Integer(compute="_compute_emulation_counts", string="Commendations")
    initiative_count = fields.Integer(compute="_compute_emulation_counts", string="Initiatives")

    def _compute_emulation_counts(self):
        env = self.env
        registrations = dict(
            env["hr.emulation.registration"]._read_group(
                [("employee_id", "in", self.ids), ("state", "=", "approved")], ["employee_id"], ["__count"]
            )
        )
        commendations = dict(
            env["hr.commendation.recipient"]._read_group(
                [("employee_id", "in", self.ids), ("state", "=", "decided")], ["employee_id"], ["__count"]
            )
        )
        initiatives = dict(
            env["hr.initiative.author"]._read_group([("employee_id", "in", self.ids)], ["employee_id"], ["__count"])
        )
        for employee in self:
            employee.emulation_title_count = registrations.get(employee, 0)
            employee.commendation_count = commendations.get(employee, 0)
            employee.initiative_count = initiatives.get(employee, 0)

    def _emulation_action(self, xmlid, domain):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = {}
        return action

    def action_view_emulation_titles(self):
        self.ensure_one()
        return self._emulation_action(
            "hr_civil_service.hr_emulation_registration_action", [("employee_id", "=", self.id)]
        )

    def action_view_commendations(self):
        self.ensure_one()
        return self._emulation_action(
            "hr_civil_service.hr_commendation_action", [("recipient_ids.employee_id", "=", self.id)]
        )

    def action_view_initiatives(self):
        self.ensure_one()
        return self._emulation_action(
            "hr_civil_service.hr_initiative_action", [("author_ids.employee_id", "=", self.id)]
        )
