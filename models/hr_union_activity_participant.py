from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrUnionActivityParticipant(models.Model):
    """Someone who took part in a union activity: a member of the agency, or a guest named in full (a blood
    donor from a member's family, for example)."""

    _name = "hr.union.activity.participant"
    _description = "Trade Union Activity Participant"
    _order = "activity_id, id"
    _check_company_auto = True

    activity_id = fields.Many2one("hr.union.activity", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="activity_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", check_company=True, index=True)
    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True, precompute=True)
    note = fields.Char(help="e.g. the volume of blood given (350 ml) or the role in the dialogue.")

    _sql_constraints = [
        ("employee_unique", "unique(activity_id, employee_id)", "A member takes part in an activity only once."),
    ]

    @api.depends("employee_id")
    def _compute_name(self):
        for participant in self:
            if participant.employee_id:
                participant.name = participant.employee_id.name

    @api.constrains("employee_id", "name")
    def _check_someone(self):
        for participant in self:
            if not participant.employee_id and not (participant.name or "").strip():
                raise ValidationError(self.env._("A participant is a member of the agency or a named guest."))
