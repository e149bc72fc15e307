from odoo import api, fields, models


class HrJobTaskGroup(models.Model):
    _name = "hr.job.task.group"
    _description = "Task Group"
    _order = "sequence, code, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    open_to_all = fields.Boolean(
        string="Open to All",
        help="Tasks of this group may be logged by any official, whatever their position "
        "(shared professional tasks and other tasks).",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the group with every agency.")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A task group code must be unique per company."),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for group in self:
            group.display_name = f"{group.code} – {group.name}"
