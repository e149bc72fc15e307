from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    civil_max_complexity_coefficient = fields.Float(
        related="company_id.civil_max_complexity_coefficient",
        readonly=False,
    )
