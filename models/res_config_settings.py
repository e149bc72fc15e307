from odoo import _, api, models, fields
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    civil_max_complexity_coefficient = fields.Float(
        related="company_id.civil_max_complexity_coefficient",
        readonly=False,
    )

    @api.constrains("civil_max_complexity_coefficient")
    def _check_civil_max_complexity_coefficient(self):
        for settings in self:
            if settings.civil_max_complexity_coefficient <= 0:
                raise ValidationError(_("The maximum complexity coefficient must be greater than zero."))
