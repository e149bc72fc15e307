from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    civil_max_complexity_coefficient = fields.Float(
        string="Maximum Complexity Coefficient",
        default=3.0,
        help="Highest complexity coefficient a standard task may carry in this agency. "
        "There is no national table of coefficients: each agency sets its own.",
    )
