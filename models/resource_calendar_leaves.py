from odoo import fields, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    civil_leave_kind = fields.Selection(
        [
            ("ordinary", "Ordinary Leave"),
            ("maternity", "Maternity Leave"),
            ("sick", "Sick Leave"),
            ("unpaid", "Unpaid Leave"),
        ],
        string="Leave Kind",
        default="ordinary",
        help="Maternity leave counts as time worked for the months rules of the evaluation "
        "(ND 90/2020 Art. 2, as amended by ND 48/2023).",
    )
