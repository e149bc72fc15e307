from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .hr_civil_evaluation_scheme import LEVEL_RANK, LEVELS
from .hr_job import POSITION_GROUPS

QUOTA_GROUPS = [*POSITION_GROUPS, ("other", "Other")]

KPI_FIELDS = (
    "standard_hours",
    "converted_hours",
    "quality_hours",
    "progress_hours",
    "line_count",
    "error_count",
    "delay_count",
    "action_item_count",
    "action_item_delay_count",
    "quantity_ratio",
    "quality_ratio",
    "progress_ratio",
    "months_worked",
    "months_off",
)

LINE_STATES = [
    ("draft", "To Self-Assess"),
    ("self", "Self-Assessed"),
    ("proposed", "Proposed"),
    ("decided", "Decided"),
    ("final", "Final"),
    ("appealed", "Appealed"),
]


class HrCivilEvaluationLine(models.Model):
    """One official in one evaluation campaign: KPI snapshot, points of each actor, levels, appeal."""

    _name = "hr.civil.evaluation.line"
    _description = "Evaluation Line"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "evaluation_id desc, department_id, total_score desc, id"
    _check_company_auto = True
    _rec_name = "employee_id"

    evaluation_id = fields.Many2one(
        "hr.civil.evaluation", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)
    period_type = fields.Selection(related="evaluation_id.period_type", store=True)
    year = fields.Integer(aggregator=False, related="evaluation_id.year", store=True, index=True)
    date_from = fields.Date(related="evaluation_id.date_from", store=True)
    date_to = fields.Date(related="evaluation_id.date_to", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True, ondelete="cascade")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True, string="User")
    department_id = fields.Many2one("hr.department", index=True, check_company=True, string="Unit")
    job_id = fields.Many2one("hr.job", string="Position", check_company=True)
    parent_id = fields.Many2one("hr.employee", string="Supervisor", index=True)
    scheme_id = fields.Many2one("hr.civil.evaluation.scheme", required=True)
    staff_type_id = fields.Many2one("hr.civil.staff.type")
    is_leader = fields.Boolean(help="Heads a unit or has subordinates: the unit-results component applies.")
    quota_group = fields.Selection(
        QUOTA_GROUPS,
        string="Similar-Task Group",
        help="The excellent quota holds within the agency and within each group with similar tasks "
        "(ND 335/2025 Art. 20(5)); defaults to the position group.",
    )

    # KPI snapshot, refreshed by the wizard
    standard_hours = fields.Float(digits=(10, 2), readonly=True, help="Working days × schedule hours, minus leave.")
    converted_hours = fields.Float(digits=(10, 2), readonly=True, help="Converted hours of the approved diary.")
    quality_hours = fields.Float(digits=(10, 2), readonly=True)
    progress_hours = fields.Float(digits=(10, 2), readonly=True)
    line_count = fields.Integer(string="Products", readonly=True)
    error_count = fields.Integer(string="Major Errors", readonly=True)
    delay_count = fields.Integer(string="Delays", readonly=True)
    action_item_count = fields.Integer(string="Directives", readonly=True)
    action_item_delay_count = fields.Integer(string="Directive Delays", readonly=True)
    quantity_ratio = fields.Float(string="Quantity (%)", digits=(6, 1), readonly=True)
    quality_ratio = fields.Float(string="Quality (%)", digits=(6, 1), readonly=True)
    progress_ratio = fields.Float(string="Progress (%)", digits=(6, 1), readonly=True)
    kpi_own_points = fields.Float(digits=(6, 2), readonly=True, string="Own Task Points")
    unit_factor = fields.Float(string="Unit Results (%)", digits=(6, 1), readonly=True)
    task_points = fields.Float(digits=(6, 2), readonly=True)
    months_worked = fields.Float(digits=(4, 1), readonly=True)
    months_off = fields.Float(digits=(4, 1), readonly=True, help="Months off work, maternity leave excluded.")
    kpi_date = fields.Datetime(string="KPI Computed On", readonly=True)

    # Human input: never overwritten by a refresh
    self_assessment = fields.Text()
    self_general_points = fields.Float(digits=(5, 2), tracking=True)
    self_level = fields.Selection(LEVELS, string="Self-Proposed Level", tracking=True)
    supervisor_general_points = fields.Float(digits=(5, 2), tracking=True)
    supervisor_comment = fields.Text()
    supervisor_level = fields.Selection(LEVELS, string="Supervisor's Proposal", tracking=True)
    leader_general_points = fields.Float(digits=(5, 2), tracking=True)
    leader_comment = fields.Text()
    degradation = fields.Boolean(
        string="Concluded Degradation",
        tracking=True,
        help="Concluded degradation of political ideology, ethics or lifestyle, or breach of the Party "
        "members' prohibitions (ND 335/2025 Art. 20(4)).",
    )
    unit_corruption = fields.Boolean(
        string="Unit Handled for Corruption",
        tracking=True,
        help="For leaders: a unit under them handled for corruption or waste (ND 335/2025 Art. 20(4)).",
    )

    # Results
    general_points = fields.Float(digits=(5, 2), compute="_compute_scores", store=True)
    total_score = fields.Float(digits=(6, 2), compute="_compute_scores", store=True, aggregator="avg")
    score_level = fields.Selection(LEVELS, compute="_compute_scores", store=True, string="Level by Score")
    discipline_ids = fields.Many2many("hr.civil.discipline", string="Discipline Counted", readonly=True)
    hard_condition = fields.Char(compute="_compute_scores", store=True)
    not_rated = fields.Boolean(compute="_compute_scores", store=True, help="Fewer months worked than the minimum.")
    proposed_level = fields.Selection(LEVELS, compute="_compute_scores", store=True, tracking=True)
    final_level = fields.Selection(LEVELS, tracking=True, index=True, copy=False)
    override_reason = fields.Text(tracking=True)
    state = fields.Selection(LINE_STATES, default="draft", required=True, tracking=True, index=True, copy=False)
    notified_date = fields.Date(readonly=True, copy=False)
    appeal_deadline = fields.Date(readonly=True, copy=False)
    appeal_reason = fields.Text(copy=False)
    appeal_count = fields.Integer(readonly=True, copy=False)
    annual_source_count = fields.Integer(readonly=True, help="Monthly or quarterly results the annual score averages.")
    is_late = fields.Boolean(readonly=True, copy=False, help="Finalised after the annual deadline.")

    _sql_constraints = [
        ("employee_uniq", "unique(evaluation_id, employee_id)", "An official appears once in an evaluation."),
    ]

    annual_average = fields.Float(
        digits=(6, 2),
        readonly=True,
        help="Average of the year's final monthly or quarterly scores: the annual score (ND 335/2025 Art. 21).",
    )

    is_mine = fields.Boolean(compute="_compute_user_roles")
    can_propose = fields.Boolean(compute="_compute_user_roles")
    can_decide = fields.Boolean(compute="_compute_user_roles")

    SELF_FIELDS = frozenset({"self_assessment", "self_general_points", "self_level"})
    SUPERVISOR_FIELDS = frozenset(
        {"supervisor_general_points", "supervisor_comment", "supervisor_level", "quota_group"}
    )
    LEADER_FIELDS = frozenset(
        {"leader_general_points", "leader_comment", "final_level", "override_reason", "degradation", "unit_corruption"}
    )

    @api.depends_context("uid")
    def _compute_user_roles(self):
        user = self.env.user
        leader = self._is_leader_user()
        for line in self:
            line.is_mine = line.employee_id.user_id == user
            line.can_decide = leader
            line.can_propose = leader or line._is_supervisor(user)

    @api.depends("employee_id", "evaluation_id.name")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.employee_id.name} — {line.evaluation_id.name}"

    @api.depends(
        "self_general_points",
        "supervisor_general_points",
        "leader_general_points",
        "task_points",
        "annual_average",
        "annual_source_count",
        "scheme_id",
        "degradation",
        "unit_corruption",
        "is_leader",
        "discipline_ids",
        "months_worked",
        "months_off",
        "standard_hours",
        "quantity_ratio",
        "quality_ratio",
        "progress_ratio",
        "unit_factor",
        "period_type",
        "converted_hours",
        "quality_hours",
        "progress_hours",
    )
    def _compute_scores(self):
        for line in self:
            scheme = line.scheme_id
            line.general_points = (
                line.leader_general_points or line.supervisor_general_points or line.self_general_points
            )
            if line.annual_source_count:
                line.total_score = line.annual_average
            else:
                line.total_score = round(line.general_points + line.task_points, 2)
            line.score_level = scheme._level_from_score(line.total_score) if scheme else False
            line.hard_condition = line._hard_condition()
            line.not_rated = line._is_not_rated()
            if line.not_rated or not scheme:
                line.proposed_level = False
            elif line.hard_condition:
                line.proposed_level = "fail"
            else:
                level = line.score_level if scheme.method == "score" else line._criteria_level()
                if line._is_capped() and LEVEL_RANK[level] > LEVEL_RANK["done"]:
                    level = "done"
                line.proposed_level = level

    def _hard_condition(self):
        """Why the official is 'Không hoàn thành nhiệm vụ' whatever the score (ND 335/2025 Art. 20(4))."""
        self.ensure_one()
        reasons = []
        if self.degradation:
            reasons.append(self.env._("concluded degradation or breach of Party rules"))
        if self.discipline_ids:
            reasons.append(
                self.env._(
                    "disciplined at reprimand or higher: %(decisions)s",
                    decisions=", ".join(self.discipline_ids.mapped(lambda d: d.decision_number or d.name)),
                )
            )
        if self.is_leader and self.unit_corruption:
            reasons.append(self.env._("a unit under them handled for corruption or waste"))
        return "; ".join(reasons) or False

    def _is_not_rated(self):
        self.ensure_one()
        if self.period_type == "year":
            return bool(self.scheme_id) and self.months_worked < self.scheme_id.min_months_rated
        return not self.standard_hours and not self.annual_source_count

    def _is_capped(self):
        """Off work from 3 to under 6 months: at most 'Hoàn thành nhiệm vụ' (ND 90/2020 Art. 2, ND 48/2023)."""
        self.ensure_one()
        return self.period_type == "year" and self.months_off >= self.scheme_id.capped_months_off

    def _criteria_level(self):
        """ND 90/2020 as amended by ND 48/2023: levels from the share of tasks done, on time and to quality."""
        self.ensure_one()
        scheme = self.scheme_id
        # Share of the products completed that passed without a major error and on time.
        done = self.converted_hours
        on_time = 100.0 * min(self.quality_hours, self.progress_hours) / done if done else 0.0
        unit_ok = not self.is_leader or self.unit_factor >= 100.0
        if self.quantity_ratio >= scheme.excellent_min_quantity and on_time >= scheme.excellent_min_on_time and unit_ok:
            return "excellent"
        if self.quantity_ratio >= scheme.good_min_quantity and on_time >= scheme.good_min_on_time and unit_ok:
            return "good"
        if self.quantity_ratio >= scheme.done_min_quantity and on_time >= scheme.done_min_on_time:
            return "done"
        return "fail"

    @api.constrains("self_general_points", "supervisor_general_points", "leader_general_points")
    def _check_general_points(self):
        for line in self:
            maximum = line.scheme_id.general_points
            for points in (line.self_general_points, line.supervisor_general_points, line.leader_general_points):
                if points < 0 or points > maximum:
                    raise ValidationError(
                        self.env._(
                            "General-criteria points of %(employee)s must be between 0 and %(maximum)s.",
                            employee=line.employee_id.name,
                            maximum=maximum,
                        )
                    )

    @api.constrains("final_level", "override_reason")
    def _check_final_level(self):
        """Checked when the level is set and again at finalisation (figures may move in between)."""
        for line in self:
            if not line.final_level:
                continue
            if line.not_rated:
                raise ValidationError(
                    self.env._(
                        "%(employee)s worked fewer months than the minimum and is not rated this year; "
                        "their self-review is kept.",
                        employee=line.employee_id.name,
                    )
                )
            if line.hard_condition and line.final_level != "fail":
                raise ValidationError(
                    self.env._(
                        "%(employee)s must be rated 'Not Completed' whatever the score: %(reason)s.",
                        employee=line.employee_id.name,
                        reason=line.hard_condition,
                    )
                )
            if line.proposed_level and line._is_capped() and LEVEL_RANK[line.final_level] > LEVEL_RANK["done"]:
                raise ValidationError(
                    self.env._(
                        "%(employee)s was off work %(months)s months this year and can be rated at most 'Completed'.",
                        employee=line.employee_id.name,
                        months=line.months_off,
                    )
                )
            if line.final_level != line.proposed_level and not (line.override_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Give the reason why %(employee)s is rated differently from the proposed level.",
                        employee=line.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Who writes what
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        """A line created by hand or by data takes the official's unit, position and supervisor, as the wizard's do."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .browse([vals["employee_id"] for vals in vals_list if vals.get("employee_id")])
        )
        by_id = {employee.id: employee for employee in employees}
        for vals in vals_list:
            employee = by_id.get(vals.get("employee_id"))
            if employee:
                vals.setdefault("department_id", employee.department_id.id)
                vals.setdefault("job_id", employee.job_id.id)
                vals.setdefault("parent_id", employee.parent_id.id)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not self.env.context.get("civil_evaluation_workflow"):
            self._check_write_rights(set(vals))
        return super().write(vals)

    def _check_write_rights(self, fnames):
        user = self.env.user
        is_leader = user.has_group("hr_civil_service.group_leader") or user.has_group(
            "hr_civil_service.group_org_officer"
        )
        for line in self:
            if line.state == "final" or line.evaluation_id.state == "final" and line.state != "appealed":
                raise UserError(
                    self.env._(
                        "The rating of %(employee)s is final; it changes only through an appeal.",
                        employee=line.employee_id.name,
                    )
                )
            allowed = set()
            if line.employee_id.user_id == user and line.state in ("draft", "self"):
                allowed |= self.SELF_FIELDS
            if line._is_supervisor(user) and line.state in ("draft", "self", "proposed"):
                allowed |= self.SUPERVISOR_FIELDS
            if is_leader:
                allowed |= self.SUPERVISOR_FIELDS | self.LEADER_FIELDS
            refused = fnames - allowed - {"message_main_attachment_id"}
            if refused:
                raise AccessError(
                    self.env._(
                        "You may not change %(fields)s of the evaluation of %(employee)s at this stage.",
                        fields=", ".join(sorted(self._fields[name].string for name in refused if name in self._fields)),
                        employee=line.employee_id.name,
                    )
                )

    def _is_supervisor(self, user):
        self.ensure_one()
        if not user.has_group("hr_civil_service.group_supervisor"):
            return False
        mine = user.employee_ids
        employee = self.employee_id.sudo()
        if employee.parent_id in mine:
            return True
        department = self.department_id.sudo()
        while department:
            if department.manager_id in mine and employee not in mine:
                return True
            department = department.parent_id
        return False

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_self_submit(self):
        for line in self:
            if line.employee_id.user_id != self.env.user and not self.env.su:
                raise AccessError(
                    self.env._("Only %(employee)s can submit their self-assessment.", employee=line.employee_id.name)
                )
            if line.state not in ("draft", "self"):
                raise UserError(
                    self.env._("The self-assessment can no longer be changed: the supervisor has proposed.")
                )
            if not (line.self_assessment or "").strip():
                raise UserError(self.env._("Write your self-assessment before submitting it."))
        self.with_context(civil_evaluation_workflow=True).write({"state": "self"})
        for line in self:
            line.message_post(body=self.env._("Self-assessment submitted."))
        return True

    def action_propose(self):
        for line in self:
            if not (line._is_supervisor(self.env.user) or self._is_leader_user()):
                raise AccessError(
                    self.env._(
                        "Only the supervisor of %(employee)s proposes their level.", employee=line.employee_id.name
                    )
                )
            if line.state not in ("draft", "self", "proposed"):
                raise UserError(
                    self.env._("The level of %(employee)s is already decided.", employee=line.employee_id.name)
                )
        for line in self:
            vals = {"state": "proposed"}
            if not line.supervisor_level:
                vals["supervisor_level"] = line.proposed_level
            line.with_context(civil_evaluation_workflow=True).write(vals)
        return True

    def action_decide(self):
        if not self._is_leader_user():
            raise AccessError(self.env._("Only a Leader or an Organisation officer decides the level."))
        for line in self:
            if line.state in ("final",):
                raise UserError(self.env._("The rating of %(employee)s is final.", employee=line.employee_id.name))
            if line.not_rated:
                line.with_context(civil_evaluation_workflow=True).write({"state": "decided", "final_level": False})
                continue
            vals = {"state": "decided"}
            if not line.final_level:
                vals["final_level"] = "fail" if line.hard_condition else (line.supervisor_level or line.proposed_level)
                if vals["final_level"] != line.proposed_level and not line.override_reason:
                    vals["override_reason"] = self.env._(
                        "Supervisor's proposal: %(comment)s", comment=line.supervisor_comment or "-"
                    )
            line.with_context(civil_evaluation_workflow=True).write(vals)
        self.evaluation_id.line_ids._update_unit_factors()
        return True

    def action_appeal(self, reason):
        """The official appeals a final rating within the appeal window: the line reopens for a re-decision."""
        today = fields.Date.context_today(self)
        if not reason or not reason.strip():
            raise UserError(self.env._("Say why you appeal the rating."))
        for line in self:
            if line.employee_id.user_id != self.env.user and not self.env.su:
                raise AccessError(
                    self.env._("Only %(employee)s can appeal their rating.", employee=line.employee_id.name)
                )
            if line.state != "final":
                raise UserError(self.env._("Only a final rating can be appealed."))
            if line.appeal_deadline and today > line.appeal_deadline:
                raise UserError(
                    self.env._("The appeal window closed on %(date)s.", date=line.appeal_deadline.strftime("%d/%m/%Y"))
                )
        for line in self:
            line.sudo().with_context(civil_evaluation_workflow=True).write(
                {"state": "appealed", "appeal_reason": reason.strip(), "appeal_count": line.appeal_count + 1}
            )
            line.sudo().message_post(body=self.env._("Appeal: %(reason)s", reason=reason.strip()))
            deciders = line.evaluation_id.create_uid | line.evaluation_id.write_uid
            for user in deciders.filtered(
                lambda u: (
                    u.has_group("hr_civil_service.group_leader") or u.has_group("hr_civil_service.group_org_officer")
                )
            )[:1]:
                line.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.env._("Re-decide the appealed rating"),
                    note=reason.strip(),
                )
        return True

    def action_redecide(self, level, reason):
        """The leader's logged re-decision of an appealed line; the quota is checked again."""
        if not self._is_leader_user():
            raise AccessError(self.env._("Only a Leader or an Organisation officer decides the level."))
        if not reason or not reason.strip():
            raise UserError(self.env._("Give the reason of the re-decision."))
        for line in self:
            if line.state != "appealed":
                raise UserError(self.env._("Only an appealed rating can be decided again."))
            old = dict(self._fields["final_level"].selection).get(line.final_level)
            vals = {"final_level": level, "state": "final"}
            if level != line.proposed_level:
                vals["override_reason"] = reason.strip()
            line.with_context(civil_evaluation_workflow=True).write(vals)
            line.activity_unlink(["mail.mail_activity_data_todo"])
            line.message_post(
                body=self.env._(
                    "Re-decision after appeal: %(old)s → %(new)s. %(reason)s",
                    old=old,
                    new=dict(self._fields["final_level"].selection).get(level),
                    reason=reason.strip(),
                ),
                partner_ids=line.employee_id.user_id.partner_id.ids,
            )
        self.evaluation_id._check_quota(self.evaluation_id.line_ids)
        return True

    @api.model
    def _is_leader_user(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("hr_civil_service.group_leader")
            or user.has_group("hr_civil_service.group_org_officer")
        )

    # ------------------------------------------------------------------
    # KPI snapshot
    # ------------------------------------------------------------------
    def _refresh_kpi(self):
        """Refresh the figures of the lines (never what people typed): one KPI call per period."""
        by_period = defaultdict(lambda: self.browse())
        for line in self:
            by_period[(line.date_from, line.date_to, line.period_type, line.year)] += line
        now = fields.Datetime.now()
        for (date_from, date_to, period_type, year), lines in by_period.items():
            employees = lines.employee_id
            schemes = {line.employee_id.id: line.scheme_id for line in lines}
            # A period still running is measured to date: the days to come are not assigned yet.
            today = fields.Date.context_today(self)
            until = min(date_to, today) if date_from <= today else date_to
            kpi = self.env["hr.civil.kpi"].compute(employees, date_from, until, schemes)
            disciplines = self.env["hr.civil.discipline"]._serious_for_year(employees, year)
            annual = lines._annual_sources() if period_type == "year" else {}
            for line in lines:
                values = kpi[line.employee_id.id]
                counted = disciplines.get(line.employee_id.id, self.env["hr.civil.discipline"])
                if period_type != "year":
                    counted = counted.filtered(lambda d, a=date_from, b=date_to: a <= d.decision_date <= b)
                sources = annual.get(line.employee_id.id, [])
                line.with_context(civil_evaluation_workflow=True).write(
                    {
                        **{name: values[name] for name in KPI_FIELDS},
                        "kpi_own_points": values["own_task_points"],
                        "task_points": values["own_task_points"],
                        "kpi_date": now,
                        "discipline_ids": [Command.set(counted.ids)],
                        "annual_source_count": len(sources),
                        "annual_average": round(sum(sources) / len(sources), 2) if sources else 0.0,
                    }
                )
        self._update_unit_factors()

    def _annual_sources(self):
        """Final monthly (or, failing those, quarterly) scores of the same year, per employee: the annual score
        is their average (ND 335/2025 Art. 21). Periods not rated (leave with good reason) are left out, so
        the average is over the time actually worked."""
        groups = (
            self.env["hr.civil.evaluation.line"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("year", "in", list(set(self.mapped("year")))),
                    ("period_type", "in", ("month", "quarter")),
                    ("state", "=", "final"),
                    ("not_rated", "=", False),
                    ("company_id", "in", self.company_id.ids),
                ],
                ["employee_id", "period_type"],
                ["total_score:array_agg"],
            )
        )
        by_employee = defaultdict(dict)
        for employee, period_type, scores in groups:
            by_employee[employee.id][period_type] = scores
        return {
            employee_id: periods.get("month") or periods.get("quarter") or []
            for employee_id, periods in by_employee.items()
        }

    def _subordinates_by_leader(self):
        """Employee ids under each leader line: their reports (recursively) and the people of the units they head
        (sub-units included). Three queries for every leader of the campaign, however many they are."""
        Employee, Department = self.env["hr.employee"].sudo(), self.env["hr.department"].sudo()
        companies = self.company_id.ids
        people = Employee.search_fetch([("company_id", "in", companies)], ["parent_id", "department_id"])
        departments = Department.search_fetch(
            [("company_id", "in", [*companies, False])], ["parent_path", "manager_id"]
        )
        children, headed = defaultdict(list), defaultdict(list)
        for person in people:
            children[person.parent_id.id].append(person.id)
        for department in departments:
            if department.manager_id:
                headed[department.manager_id.id].append(department.parent_path)
        path = {department.id: department.parent_path or "" for department in departments}
        result = {}
        for line in self:
            me = line.employee_id.id
            found, todo = set(), [me]
            while todo:  # child_of on parent_id
                for child in children[todo.pop()]:
                    if child not in found:
                        found.add(child)
                        todo.append(child)
            prefixes = tuple(headed[me])  # department_id child_of the units they head
            if prefixes:
                found |= {person.id for person in people if path.get(person.department_id.id, "").startswith(prefixes)}
            found.discard(me)
            result[line.id] = found
        return result

    def _subordinate_lines(self, lines):
        """Lines of ``lines`` under this leader: their reports (recursively) and the people of the units they head."""
        self.ensure_one()
        subordinates = self._subordinates_by_leader()[self.id]
        return lines.filtered(lambda line: line.employee_id.id in subordinates)

    def _update_unit_factors(self):
        """Leaders' unit component: 100 % when every subordinate is at least 'Hoàn thành nhiệm vụ', the scheme's
        partial share otherwise (ND 335/2025 Art. 14). Deepest leaders first, since a deputy's own level
        depends on their unit. The queries do not grow with the number of leaders."""
        leaders = self.filtered("is_leader")
        if not leaders:
            return
        subordinates = leaders._subordinates_by_leader()
        leaders.discipline_ids.mapped("decision_number")  # prefetched: each leader's level is recomputed below
        by_employee = defaultdict(dict)  # evaluation id → employee id → line
        for line in leaders.evaluation_id.line_ids:
            by_employee[line.evaluation_id.id][line.employee_id.id] = line
        people = (
            self.env["hr.employee"].sudo().search_fetch([("company_id", "in", leaders.company_id.ids)], ["parent_id"])
        )
        parents = {person.id: person.parent_id.id for person in people}
        depth = {}
        for line in leaders:
            employee_id, level = line.employee_id.id, 0
            while parents.get(employee_id) and level < 20:
                employee_id, level = parents[employee_id], level + 1
            depth[line.id] = level
        for line in leaders.sorted(lambda item: -depth[item.id]):
            lines_of = by_employee[line.evaluation_id.id]
            levels = [
                sub.final_level or sub.proposed_level
                for sub in (lines_of[employee_id] for employee_id in subordinates[line.id] if employee_id in lines_of)
                if not sub.not_rated
            ]
            scheme = line.scheme_id
            factor = scheme.leader_unit_partial if "fail" in levels else 100.0
            share = scheme.leader_unit_share / 100.0
            own = line.kpi_own_points
            before = line.proposed_level
            line.with_context(civil_evaluation_workflow=True).write(
                {
                    "unit_factor": factor,
                    "task_points": round(own * (1 - share) + scheme.task_points * share * factor / 100.0, 2),
                }
            )
            # A decision that only followed the proposal follows it still; a reasoned override stays.
            if line.state != "final" and line.proposed_level != before:
                vals = {}
                if line.final_level == before and not line.override_reason:
                    vals["final_level"] = line.proposed_level
                if line.supervisor_level == before:
                    vals["supervisor_level"] = line.proposed_level
                if vals:
                    line.with_context(civil_evaluation_workflow=True).write(vals)

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for line in self:
            line.access_url = f"/my/evaluations/{line.id}"

    def _notify_rating(self):
        levels = dict(self._fields["final_level"]._description_selection(self.env))
        for line in self:
            partner = line.employee_id.user_id.partner_id
            if line.not_rated:
                body = self.env._(
                    "Evaluation %(period)s: not rated (fewer months worked than the minimum).",
                    period=line.evaluation_id.name,
                )
            else:
                score = ("%.2f" % line.total_score).replace(".", ",")
                body = self.env._(
                    "Evaluation %(period)s: %(score)s points, rated %(level)s. You may appeal until %(date)s.",
                    period=line.evaluation_id.name,
                    score=score,
                    level=levels.get(line.final_level, ""),
                    date=line.appeal_deadline.strftime("%d/%m/%Y"),
                )
            line.message_post(body=body, partner_ids=partner.ids, subtype_xmlid="mail.mt_comment")

    def _open_appeal_wizard(self, mode):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Appeal the Rating") if mode == "appeal" else self.env._("Re-decide the Rating"),
            "res_model": "hr.civil.evaluation.appeal",
            "view_mode": "form",
            "target": "new",
            "context": {"default_line_id": self.id, "default_mode": mode, "default_level": self.final_level},
        }

    def action_open_appeal(self):
        return self._open_appeal_wizard("appeal")

    def action_open_redecide(self):
        return self._open_appeal_wizard("redecide")
