import calendar
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

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
    year = fields.Integer(aggregator=False, required=True, default=lambda self: fields.Date.context_today(self).year)
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
    quota_html = fields.Html(compute="_compute_quota_html", sanitize=False, string="Excellent Quota")

    @api.depends("line_ids.final_level", "line_ids.proposed_level", "line_ids.quota_group")
    def _compute_quota_html(self):
        for evaluation in self:
            rows = evaluation._quota_status() if evaluation.line_ids else []
            evaluation.quota_html = (
                self.env["ir.qweb"]._render("hr_civil_service.hr_civil_evaluation_quota_table", {"rows": rows})
                if rows
                else False
            )

    _sql_constraints = [
        ("month_range", "CHECK(year > 1990)", "The year of an evaluation is not valid."),
    ]

    @api.depends("period_type", "year", "month", "quarter")
    def _compute_name(self):
        for evaluation in self:
            if evaluation.period_type == "month" and evaluation.month:
                evaluation.name = self.env._("Month %(month)s/%(year)s", month=evaluation.month, year=evaluation.year)
            elif evaluation.period_type == "quarter" and evaluation.quarter:
                evaluation.name = self.env._(
                    "Quarter %(quarter)s/%(year)s", quarter=evaluation.quarter, year=evaluation.year
                )
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
            evaluation.is_late = (
                evaluation.period_type == "year" and bool(evaluation.deadline) and end > evaluation.deadline
            )

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

    # ------------------------------------------------------------------
    # Lines
    # ------------------------------------------------------------------
    def _employees_in_scope(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id), ("active", "=", True)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return self.env["hr.employee"].sudo().search(domain)

    def _populate(self):
        """Create the missing lines of the officials in scope and refresh every line's figures. Running it again
        refreshes the figures and never overwrites what people typed. Returns the employees skipped for want
        of a scheme."""
        self.ensure_one()
        if self.state == "final":
            raise UserError(
                self.env._("The evaluation %(name)s is finalised: its figures are kept as decided.", name=self.name)
            )
        employees = self._employees_in_scope()
        Scheme = self.env["hr.civil.evaluation.scheme"]
        if self.scheme_id:
            schemes = {
                employee.id: self.scheme_id if employee.civil_staff_type_id in self.scheme_id.staff_type_ids else Scheme
                for employee in employees
            }
        else:
            schemes = Scheme._for_employees(employees, self.date_from, self.date_to)
        skipped = employees.filtered(lambda employee: not schemes[employee.id])
        employees -= skipped
        existing = {line.employee_id.id: line for line in self.line_ids}
        heads = set(self.env["hr.department"].sudo().search([("manager_id", "in", employees.ids)]).manager_id.ids)
        with_reports = {
            parent.id
            for (parent,) in self.env["hr.employee"]
            .sudo()
            ._read_group([("parent_id", "in", employees.ids), ("active", "=", True)], ["parent_id"])
        }
        new_vals, structural = [], {}
        for employee in employees:
            vals = {
                "department_id": employee.department_id.id,
                "job_id": employee.job_id.id,
                "parent_id": employee.parent_id.id,
                "scheme_id": schemes[employee.id].id,
                "staff_type_id": employee.civil_staff_type_id.id,
                "is_leader": employee.id in heads or employee.id in with_reports,
            }
            line = existing.get(employee.id)
            if line:
                if line.state in ("draft", "self", "proposed"):
                    structural[line] = vals
            else:
                new_vals.append(
                    {
                        **vals,
                        "evaluation_id": self.id,
                        "employee_id": employee.id,
                        "quota_group": employee.job_id.civil_position_group or "other",
                    }
                )
        Line = self.env["hr.civil.evaluation.line"].with_context(civil_evaluation_workflow=True, tracking_disable=True)
        Line.create(new_vals)
        for line, vals in structural.items():
            line.with_context(civil_evaluation_workflow=True).write(vals)
        self.line_ids.filtered(lambda line: line.state != "final")._refresh_kpi()
        return skipped

    def action_refresh(self):
        for evaluation in self:
            evaluation._populate()
        return True

    # ------------------------------------------------------------------
    # Quota and finalisation
    # ------------------------------------------------------------------
    def _quota_status(self, lines=None):
        """The excellent quota within the agency and within each group with similar tasks (ND 335/2025 Art. 20(5)).

        Returns a list of dicts: scope, good, excellent, allowed, excess (excess > 0 means exceeded), from the
        final levels (or, before a decision, the proposed ones)."""
        self.ensure_one()
        lines = (lines or self.line_ids).filtered(lambda line: not line.not_rated)
        scheme = self.scheme_id or lines.scheme_id[:1]
        if not scheme:
            return []
        labels = dict(self.env["hr.civil.evaluation.line"]._fields["quota_group"]._description_selection(self.env))
        scopes = [(False, self.env._("Whole agency"), lines)]
        for group in sorted(set(lines.mapped("quota_group")) - {False}):
            scopes.append((group, labels[group], lines.filtered(lambda line, g=group: line.quota_group == g)))
        status = []
        for key, scope, members in scopes:
            levels = [line.final_level or line.proposed_level for line in members]
            good, excellent = levels.count("good"), levels.count("excellent")
            allowed = scheme._quota_allowed(good)
            status.append(
                {
                    "key": key,
                    "scope": scope,
                    "good": good,
                    "excellent": excellent,
                    "allowed": allowed,
                    "excess": max(0, excellent - allowed),
                    "count": len(members),
                }
            )
        return status

    def _check_quota(self, lines):
        for evaluation in self:
            exceeded = [row for row in evaluation._quota_status(lines) if row["excess"]]
            if exceeded:
                raise ValidationError(
                    self.env._(
                        "The excellent quota is exceeded: %(details)s. At most %(percent)s %% of those rated 'Good' "
                        "may be rated 'Excellent'.",
                        details="; ".join(
                            self.env._(
                                "%(scope)s: %(excellent)s excellent for %(good)s good, %(allowed)s allowed, "
                                "%(excess)s too many",
                                **row,
                            )
                            for row in exceeded
                        ),
                        percent=(evaluation.scheme_id or evaluation.line_ids.scheme_id[:1]).quota_percent,
                    )
                )

    def action_finalise(self):
        if not self.env["hr.civil.evaluation.line"]._is_leader_user():
            raise AccessError(self.env._("Only a Leader or an Organisation officer finalises an evaluation."))
        today = fields.Date.context_today(self)
        for evaluation in self:
            if evaluation.state == "final":
                raise UserError(self.env._("The evaluation %(name)s is already finalised.", name=evaluation.name))
            if not evaluation.line_ids:
                raise UserError(
                    self.env._("The evaluation %(name)s has no lines: run the evaluation wizard.", name=evaluation.name)
                )
            undecided = evaluation.line_ids.filtered(lambda line: line.state != "decided")
            if undecided:
                raise UserError(
                    self.env._(
                        "%(count)s officials are not decided yet: %(names)s.",
                        count=len(undecided),
                        names=", ".join(undecided[:10].employee_id.mapped("name")),
                    )
                )
            evaluation.line_ids._check_final_level()
            evaluation._check_quota(evaluation.line_ids)
            deadline = evaluation._appeal_deadline(today)
            late = evaluation.period_type == "year" and today > evaluation.deadline
            for line in evaluation.line_ids:
                line.with_context(civil_evaluation_workflow=True).write(
                    {"state": "final", "notified_date": today, "appeal_deadline": deadline, "is_late": late}
                )
                line._notify_rating()
            failed = evaluation.line_ids.filtered(lambda line: line.final_level == "fail" and line.discipline_ids)
            failed.discipline_ids.filtered(lambda d: not d.counted_year).sudo().write({"counted_year": evaluation.year})
            evaluation.write({"state": "final", "finalised_date": today})
        return True

    def _appeal_deadline(self, start):
        self.ensure_one()
        days = self.company_id.civil_appeal_days or 7
        calendar_ = self.company_id.resource_calendar_id
        if calendar_:
            planned = calendar_.plan_days(days + 1, fields.Datetime.to_datetime(start), compute_leaves=True)
            if planned:
                return planned.date()
        return start + timedelta(days=days)

    def action_open_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "hr.civil.evaluation.line",
            "view_mode": "list,form,pivot,graph",
            "domain": [("evaluation_id", "=", self.id)],
            "context": {"search_default_group_department": 1},
        }

    def action_decide_all(self):
        """The leader accepts every proposal at once (the supervisor's level, or the proposed one)."""
        lines = self.line_ids.filtered(lambda line: line.state in ("draft", "self", "proposed"))
        lines.action_decide()
        return True
