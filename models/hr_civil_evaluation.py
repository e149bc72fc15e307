import calendar
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PERIOD_TYPES = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]


class HrCivilEvaluation(models.Model):
    """An evaluation campaign: one period of one agency, with one line per official in scope."""

    _name = "hr.civil.evaluation"
    _description = "Evaluation Campaign"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="month")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    month = fields.Selection([(str(m), str(m)) for m in range(1, 13)])
    quarter = fields.Selection([("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")])
    date_from = fields.Date(compute="_compute_dates", store=True, index=True)
    date_to = fields.Date(compute="_compute_dates", store=True, index=True)
    department_ids = fields.Many2many(
        "hr.department", string="Units", check_company=True, help="Leave empty for the whole agency."
    )
    scheme_id = fields.Many2one(
        "hr.civil.evaluation.scheme",
        help="Leave empty: each official gets the scheme of their staff type for the period.",
    )
    state = fields.Selection(
        [("open", "Open"), ("final", "Finalised")], default="open", required=True, tracking=True, index=True
    )
    line_ids = fields.One2many("hr.civil.evaluation.line", "evaluation_id", string="Lines")
    line_count = fields.Integer(compute="_compute_counts")
    scored_count = fields.Integer(compute="_compute_counts", string="Decided")
    deadline = fields.Date(compute="_compute_dates", store=True)
    is_late = fields.Boolean(compute="_compute_is_late", string="Late")
    finalised_date = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        ("month_range", "CHECK(year > 1990)", "The year of an evaluation is not valid."),
    ]

    @api.depends("period_type", "year", "month", "quarter")
    def _compute_name(self):
        for evaluation in self:
            if evaluation.period_type == "month" and evaluation.month:
                evaluation.name = self.env._("Month %(month)s/%(year)s", month=evaluation.month, year=evaluation.year)
            elif evaluation.period_type == "quarter" and evaluation.quarter:
                evaluation.name = self.env._("Quarter %(quarter)s/%(year)s", quarter=evaluation.quarter,
                                             year=evaluation.year)
            else:
                evaluation.name = self.env._("Year %(year)s", year=evaluation.year)

    @api.depends("period_type", "year", "month", "quarter", "company_id.civil_special_nature")
    def _compute_dates(self):
        for evaluation in self:
            date_from, date_to = evaluation._period_bounds(
                evaluation.period_type, evaluation.year, evaluation.month, evaluation.quarter
            )
            evaluation.date_from, evaluation.date_to = date_from, date_to
            if evaluation.company_id.civil_special_nature:
                evaluation.deadline = date(evaluation.year + 1, 1, 15)
            else:
                evaluation.deadline = date(evaluation.year, 12, 15)

    @api.model
    def _period_bounds(self, period_type, year, month=None, quarter=None):
        if not year or year < 1990:
            return False, False
        if period_type == "month" and month:
            first = date(year, int(month), 1)
            return first, first.replace(day=calendar.monthrange(year, int(month))[1])
        if period_type == "quarter" and quarter:
            start_month = (int(quarter) - 1) * 3 + 1
            first = date(year, start_month, 1)
            return first, date(year, start_month + 2, calendar.monthrange(year, start_month + 2)[1])
        return date(year, 1, 1), date(year, 12, 31)

    @api.depends("line_ids.state")
    def _compute_counts(self):
        for evaluation in self:
            evaluation.line_count = len(evaluation.line_ids)
            evaluation.scored_count = len(evaluation.line_ids.filtered(lambda line: line.state == "final"))

    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for evaluation in self:
            end = evaluation.finalised_date or today
            evaluation.is_late = evaluation.period_type == "year" and bool(evaluation.deadline) and end > evaluation.deadline

    @api.constrains("period_type", "month", "quarter")
    def _check_period(self):
        for evaluation in self:
            if evaluation.period_type == "month" and not evaluation.month:
                raise ValidationError(self.env._("Choose the month of a monthly evaluation."))
            if evaluation.period_type == "quarter" and not evaluation.quarter:
                raise ValidationError(self.env._("Choose the quarter of a quarterly evaluation."))

    @api.ondelete(at_uninstall=False)
    def _unlink_if_open(self):
        if any(evaluation.state == "final" for evaluation in self):
            raise UserError(self.env._("A finalised evaluation cannot be deleted."))
