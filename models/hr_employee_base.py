from odoo import api, fields, models


class HrEmployeeBase(models.AbstractModel):
    _inherit = "hr.employee.base"

    civil_rank_id = fields.Many2one(
        "hr.civil.rank",
        string="Rank",
        compute="_compute_civil_rank_id",
        store=True,
        readonly=False,
        help="Rank (ngạch) the employee holds; defaults to the rank of their position.",
    )
    civil_position_group = fields.Selection(string="Position Group", related="job_id.civil_position_group")

    @api.depends("job_id")
    def _compute_civil_rank_id(self):
        for employee in self:
            employee.civil_rank_id = employee.civil_rank_id or employee.job_id.civil_rank_id
