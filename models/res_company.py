from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    civil_max_complexity_coefficient = fields.Float(
        string="Maximum Complexity Coefficient",
        default=3.0,
        help="Highest complexity coefficient a standard task may carry in this agency. "
        "There is no national table of coefficients: each agency sets its own.",
    )
    civil_diary_max_daily_hours = fields.Float(
        string="Maximum Hours a Day",
        default=12.0,
        help="A diary sheet whose claimed hours add up to more is refused.",
    )
    civil_diary_backdate_days = fields.Integer(
        string="Backdating Window (days)",
        default=7,
        help="Staff may not enter a day older than this; their supervisor still can.",
    )
    civil_diary_padding_ratio = fields.Float(
        string="Padding Ratio",
        default=1.5,
        help="A line claiming more than this ratio times its standard hours is flagged.",
    )
    civil_diary_month_close_day = fields.Integer(
        string="Month Close Day",
        default=25,
        help="After this day of the month, the previous month's missing or unsubmitted days are marked late "
        "for the KPI (Khánh Hòa practice: monthly KPI report due before the 25th).",
    )
    civil_diary_lead_factor = fields.Float(
        string="Lead Role Factor",
        default=1.0,
        help="Multiplier of the converted hours of a task the official leads (chủ trì).",
    )
    civil_diary_support_factor = fields.Float(
        string="Support Role Factor",
        default=0.3,
        help="Multiplier of the converted hours of a task the official supports (phối hợp).",
    )
    civil_diary_late_entry_days = fields.Integer(
        string="Late Entry After (days)",
        default=3,
        help="A sheet created more than this many days after its date is flagged.",
    )
    civil_diary_approval_reminder_days = fields.Integer(
        string="Remind Approvers After (days)",
        default=2,
        help="Approvers are reminded of sheets waiting for them longer than this.",
    )
    civil_diary_underdeclared_share = fields.Float(
        string="Under-declaration Share",
        default=0.5,
        help="A week whose claimed hours stay below this share of the schedule's hours is flagged.",
    )
    civil_diary_overload_ratio = fields.Float(
        string="Over-loaded Above",
        default=1.2,
        help="Workload balance: a person whose converted hours exceed this share of their standard hours is "
        "marked over-loaded.",
    )
    civil_diary_underload_ratio = fields.Float(
        string="Under-loaded Below",
        default=0.8,
        help="Workload balance: a person whose converted hours stay below this share of their standard hours is "
        "marked under-loaded.",
    )

    civil_special_nature = fields.Boolean(
        string="Special-Nature Body",
        help="Bodies of a special nature rate their officials by 15 January of the next year instead of "
        "15 December (ND 335/2025 Art. 21).",
    )
    civil_appeal_days = fields.Integer(
        string="Appeal Window (working days)",
        default=7,
        help="An official may appeal a finalised rating within this many working days of being notified.",
    )

    @api.constrains("civil_diary_overload_ratio", "civil_diary_underload_ratio")
    def _check_civil_diary_load_ratios(self):
        for company in self:
            if not 0 < company.civil_diary_underload_ratio < company.civil_diary_overload_ratio:
                raise ValidationError(
                    self.env._("The under-loaded share must be above zero and below the over-loaded share.")
                )

    @api.constrains("civil_max_complexity_coefficient")
    def _check_civil_max_complexity_coefficient(self):
        for company in self:
            maximum = company.civil_max_complexity_coefficient
            if maximum <= 0:
                raise ValidationError(self.env._("The maximum complexity coefficient must be greater than zero."))
            above = (
                self.env["hr.job.task"]
                .sudo()
                .with_context(active_test=False)
                .search_count([("company_id", "=", company.id), ("coefficient", ">", maximum)])
            )
            above += (
                self.env["hr.job.task.complexity"]
                .sudo()
                .with_context(active_test=False)
                .search_count([("company_id", "in", [company.id, False]), ("coefficient", ">", maximum)])
            )
            if above:
                raise ValidationError(
                    self.env._(
                        "%(count)s standard tasks or complexity levels of %(company)s carry a coefficient above "
                        "%(maximum)s: lower them before lowering the maximum.",
                        count=above,
                        company=company.name,
                        maximum=maximum,
                    )
                )
