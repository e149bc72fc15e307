from odoo import fields, models


class HrDepartment(models.Model):
    """The emulation history of a unit: its collective titles, commendations and its initiatives."""

    _inherit = "hr.department"

    emulation_title_count = fields.Integer(compute="_compute_emulation_counts", string="Titles")
    commendation_count = fields.Integer(compute="_compute_emulation_counts", string="Commendations")
    initiative_count = fields.Integer(compute="_compute_emulation_counts", string="Initiatives")

    def _compute_emulation_counts(self):
        env = self.env
        registrations = dict(
            env["hr.emulation.registration"]._read_group(
                [("department_id", "in", self.ids), ("employee_id", "=", False), ("state", "=", "approved")],
                ["department_id"],
                ["__count"],
            )
        )
        commendations = dict(
            env["hr.commendation.recipient"]._read_group(
                [("department_id", "in", self.ids), ("employee_id", "=", False), ("state", "=", "decided")],
                ["department_id"],
                ["__count"],
            )
        )
        initiatives = dict(
            env["hr.initiative"]._read_group([("department_id", "in", self.ids)], ["department_id"], ["__count"])
        )
        for department in self:
            department.emulation_title_count = registrations.get(department, 0)
            department.commendation_count = commendations.get(department, 0)
            department.initiative_count = initiatives.get(department, 0)

    def _emulation_action(self, xmlid, domain):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = {}
        return action

    def action_view_emulation_titles(self):
        self.ensure_one()
        return self._emulation_action(
            "hr_civil_service.hr_emulation_registration_action",
            [("department_id", "=", self.id), ("employee_id", "=", False)],
        )

    def action_view_commendations(self):
        self.ensure_one()
        return self._emulation_action(
            "hr_civil_service.hr_commendation_action",
            [("recipient_ids", "any", [("department_id", "=", self.id), ("employee_id", "=", False)])],
        )

    def action_view_initiatives(self):
        self.ensure_one()
        return self._emulation_action("hr_civil_service.hr_initiative_action", [("department_id", "=", self.id)])
