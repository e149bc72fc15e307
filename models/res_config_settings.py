from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    civil_max_complexity_coefficient = fields.Float(
        related="company_id.civil_max_complexity_coefficient",
        readonly=False,
    )
    civil_diary_max_daily_hours = fields.Float(related="company_id.civil_diary_max_daily_hours", readonly=False)
    civil_diary_backdate_days = fields.Integer(related="company_id.civil_diary_backdate_days", readonly=False)
    civil_diary_padding_ratio = fields.Float(related="company_id.civil_diary_padding_ratio", readonly=False)
    civil_diary_month_close_day = fields.Integer(related="company_id.civil_diary_month_close_day", readonly=False)
    civil_diary_lead_factor = fields.Float(related="company_id.civil_diary_lead_factor", readonly=False)
    civil_diary_support_factor = fields.Float(related="company_id.civil_diary_support_factor", readonly=False)
    civil_diary_late_entry_days = fields.Integer(related="company_id.civil_diary_late_entry_days", readonly=False)
    civil_diary_approval_reminder_days = fields.Integer(
        related="company_id.civil_diary_approval_reminder_days", readonly=False
    )
    civil_diary_underdeclared_share = fields.Float(related="company_id.civil_diary_underdeclared_share", readonly=False)
    civil_diary_overload_ratio = fields.Float(related="company_id.civil_diary_overload_ratio", readonly=False)
    civil_diary_underload_ratio = fields.Float(related="company_id.civil_diary_underload_ratio", readonly=False)
    civil_special_nature = fields.Boolean(related="company_id.civil_special_nature", readonly=False)
    civil_appeal_days = fields.Integer(related="company_id.civil_appeal_days", readonly=False)
