from odoo import api, fields, models


class HrJobTaskComplexity(models.Model):
    _name = "hr.job.task.complexity"
    _description = "Task Complexity Level"
    _order = "sequence, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    coefficient = fields.Float(
        required=True,
        default=1.0,
        digits=(4, 2),
        help="Multiplier applied to a task's standard hours to obtain converted hours (giờ quy đổi).",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the level with every agency.")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A complexity level code must be unique per company."),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for level in self:
            level.display_name = f"{level.code} – {level.name}" if level.code else level.name

    @api.constrains("coefficient")
    def _check_coefficient(self):
        for level in self:
            self.env["hr.job.task"]._check_coefficient_value(level.coefficient, level.company_id or self.env.company)
