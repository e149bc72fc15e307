from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrInitiativeAuthor(models.Model):
    """An author of an initiative and their share of the work (tỷ lệ đóng góp)."""

    _name = "hr.initiative.author"
    _description = "Initiative Author"
    _order = "initiative_id, share desc, id"
    _check_company_auto = True

    initiative_id = fields.Many2one("hr.initiative", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="initiative_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True)
    department_id = fields.Many2one(related="employee_id.department_id", string="Unit")
    share = fields.Float(string="Share (%)", digits=(5, 2), required=True, default=100.0)

    _sql_constraints = [
        ("author_uniq", "unique(initiative_id, employee_id)", "A person is listed once among the authors."),
    ]

    @api.constrains("share")
    def _check_share(self):
        for author in self:
            if not 0 < author.share <= 100:
                raise ValidationError(self.env._("An author's share must be above 0 and at most 100 %."))
