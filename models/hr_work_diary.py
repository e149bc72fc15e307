from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, format_date


class SharedValues(dict):
    """What the flag rules of one run share (hashable by identity, so that it travels in the context)."""

    __hash__ = object.__hash__

    def __eq__(self, other):
        return self is other


DIARY_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("returned", "Returned"),
]


class HrWorkDiary(models.Model):
    _name = "hr.work.diary"
    _description = "Work Diary Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "date desc, employee_id"
    _check_company_auto = True
    _rec_names_search = ["employee_id.name"]

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        default=lambda self: self.env.user.employee_id,
        tracking=True,
    )
    date = fields.Date(required=True, index=True, default=fields.Date.context_today, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_from_employee",
        store=True,
        precompute=True,
        readonly=False,
    )
    department_id = fields.Many2one(
        "hr.department",
        index=True,
        compute="_compute_from_employee",
        store=True,
        precompute=True,
        readonly=False,
    )
    job_id = fields.Many2one(
        "hr.job",
        string="Position",
        compute="_compute_from_employee",
        store=True,
        precompute=True,
        readonly=False,
    )
    user_id = fields.Many2one(related="employee_id.user_id")
    approver_id = fields.Many2one(
        "res.users",
        compute="_compute_approver_id",
        store=True,
        index=True,
        help="The employee's manager, else the department manager. Sheets of an employee with neither "
        "(the head of the agency) are approved by the Leader group.",
    )
    state = fields.Selection(DIARY_STATES, default="draft", required=True, tracking=True, index=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    reopen_reason = fields.Text(readonly=True, copy=False)
    line_ids = fields.One2many("hr.work.diary.line", "diary_id", string="Tasks", copy=True)
    flag_ids = fields.One2many("hr.work.diary.flag", "diary_id", string="Flags", readonly=True)
    flag_count = fields.Integer(compute="_compute_flag_count", store=True)
    flag_summary = fields.Char(
        string="Flag Reasons", compute="_compute_flag_summary", help="Why the sheet is flagged, for the approver."
    )
    total_claimed_hours = fields.Float(
        string="Claimed Hours",
        compute="_compute_totals",
        store=True,
        aggregator="sum",
        digits=(6, 2),
    )
    total_converted_hours = fields.Float(
        string="Converted Hours",
        compute="_compute_totals",
        store=True,
        aggregator="sum",
        digits=(6, 2),
    )
    submitted_date = fields.Datetime(readonly=True, copy=False)
    approval_reminded_date = fields.Date(readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_late = fields.Boolean(
        string="Late for KPI",
        readonly=True,
        copy=False,
        index=True,
        help="Not approved before the month's close day: counted as late in the KPI.",
    )
    can_edit = fields.Boolean(compute="_compute_can_edit")
    can_approve = fields.Boolean(compute="_compute_can_approve")

    _sql_constraints = [
        ("employee_date_uniq", "unique(employee_id, date)", "An employee has one diary sheet per day."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("employee_id")
    def _compute_from_employee(self):
        for diary in self:
            diary.company_id = diary.employee_id.company_id or diary.company_id or self.env.company
            diary.department_id = diary.employee_id.department_id
            diary.job_id = diary.employee_id.job_id

    @api.depends(
        "employee_id.parent_id.user_id",
        "employee_id.department_id.manager_id.user_id",
        "employee_id.department_id.parent_id.manager_id.user_id",
    )
    def _compute_approver_id(self):
        for diary in self:
            employee = diary.employee_id
            manager = employee.parent_id
            if not manager or manager == employee:
                manager = employee.department_id.manager_id
                if manager == employee:
                    manager = employee.department_id.parent_id.manager_id
            diary.approver_id = manager.user_id if manager and manager != employee else False

    @api.depends("flag_ids")
    def _compute_flag_count(self):
        for diary in self:
            diary.flag_count = len(diary.flag_ids)

    @api.depends("flag_ids.explanation", "flag_ids.rule_id")
    def _compute_flag_summary(self):
        for diary in self:
            diary.flag_summary = " · ".join(f"{flag.rule_id.name}: {flag.explanation}" for flag in diary.flag_ids)

    @api.depends("line_ids.claimed_hours", "line_ids.converted_hours")
    def _compute_totals(self):
        for diary in self:
            diary.total_claimed_hours = sum(diary.line_ids.mapped("claimed_hours"))
            diary.total_converted_hours = sum(diary.line_ids.mapped("converted_hours"))

    @api.depends_context("uid")
    @api.depends("state", "employee_id")
    def _compute_can_edit(self):
        for diary in self:
            diary.can_edit = diary.state in ("draft", "returned")

    @api.depends_context("uid")
    @api.depends("state", "approver_id")
    def _compute_can_approve(self):
        for diary in self:
            diary.can_approve = diary.state == "submitted" and diary._is_approver()

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for diary in self:
            diary.access_url = f"/my/work-diary/{diary.id}"

    @api.depends("employee_id", "date")
    def _compute_display_name(self):
        for diary in self:
            diary.display_name = (
                f"{diary.employee_id.name or ''} – {diary.date and diary.date.strftime('%d/%m/%Y') or ''}"
            )

    # ------------------------------------------------------------------
    # Who may do what
    # ------------------------------------------------------------------
    def _is_approver(self, user=None):
        """The approver of the sheet, a Leader when it has none, or a Manager of the application."""
        self.ensure_one()
        user = user or self.env.user
        if self.employee_id.user_id == user:
            return False  # nobody approves their own day
        if user.has_group("hr_civil_service.group_manager"):
            return True
        if self.approver_id:
            return (
                self.approver_id == user
                or user.has_group("hr_civil_service.group_leader")
                and self.employee_id.user_id != user
            )
        return user.has_group("hr_civil_service.group_leader") and self.employee_id.user_id != user

    def _is_supervisor_of(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        if user.has_group("hr_civil_service.group_leader"):
            return True
        if not user.has_group("hr_civil_service.group_supervisor"):
            return False
        managed = self.env["hr.employee"].sudo().search([("id", "child_of", user.employee_ids.ids)])
        return self.employee_id in managed - user.employee_ids or self.approver_id == user

    # ------------------------------------------------------------------
    # Blocking rules
    # ------------------------------------------------------------------
    def _check_date_allowed(self):
        for diary in self:
            today = fields.Date.context_today(diary)
            if diary.date > today:
                raise ValidationError(
                    self.env._(
                        "The diary of %(date)s is in the future: log a day once it has been worked.",
                        date=diary.date.strftime("%d/%m/%Y"),
                    )
                )
            window = diary.company_id.civil_diary_backdate_days
            if window and diary.date < today - timedelta(days=window) and not diary._is_supervisor_of():
                raise ValidationError(
                    self.env._(
                        "The day %(date)s is older than the %(days)s-day backdating window: ask your supervisor "
                        "to enter it.",
                        date=diary.date.strftime("%d/%m/%Y"),
                        days=window,
                    )
                )

    def _check_daily_total(self):
        for diary in self:
            maximum = diary.company_id.civil_diary_max_daily_hours
            if maximum and float_compare(diary.total_claimed_hours, maximum, precision_digits=2) > 0:
                raise ValidationError(
                    self.env._(
                        "%(employee)s claims %(total)s hours on %(date)s, above the daily maximum of %(max)s hours.",
                        employee=diary.employee_id.name,
                        total=round(diary.total_claimed_hours, 2),
                        date=diary.date.strftime("%d/%m/%Y"),
                        max=maximum,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.context.get("civil_diary_workflow"):
            for vals in vals_list:
                if vals.get("state", "draft") != "draft" or vals.get("approved_by_id") or vals.get("is_late"):
                    raise UserError(self.env._("A new diary starts as a draft."))
        full_vals = map(self._add_missing_default_values, vals_list)  # the New button leaves employee and date out
        keys = [(vals.get("employee_id"), vals.get("date")) for vals in full_vals if vals.get("employee_id")]
        self._check_one_sheet_a_day(keys)
        diaries = super().create(vals_list)
        diaries._check_date_allowed()
        diaries._check_daily_total()
        return diaries

    def _check_one_sheet_a_day(self, keys):
        """A clear message before the insert; the unique index settles concurrent creations."""
        if not keys:
            return
        seen = set()
        for key in keys:
            if key in seen:
                raise ValidationError(self.env._("An employee has one diary sheet per day."))
            seen.add(key)
        employees = {employee for employee, _date in keys}
        dates = {fields.Date.to_date(date) for _employee, date in keys if date}
        existing = self.sudo().search_fetch(
            [("employee_id", "in", list(employees)), ("date", "in", list(dates))], ["employee_id", "date"]
        )
        for diary in existing:
            if (diary.employee_id.id, diary.date) in {(e, fields.Date.to_date(d)) for e, d in keys}:
                raise ValidationError(
                    self.env._(
                        "%(employee)s already has a diary sheet for %(date)s.",
                        employee=diary.employee_id.name,
                        date=diary.date.strftime("%d/%m/%Y"),
                    )
                )

    def write(self, vals):
        if not self.env.context.get("civil_diary_workflow"):
            workflow_fields = {
                "state",
                "submitted_date",
                "approved_date",
                "approved_by_id",
                "return_reason",
                "reopen_reason",
                "is_late",
                "approval_reminded_date",
            }
            if workflow_fields.intersection(vals) and not self.env.su:
                raise UserError(
                    self.env._(
                        "The status of a diary changes only through its Submit, Approve, Return and Reopen buttons."
                    )
                )
            protected = {"employee_id", "date", "line_ids", "company_id"}
            if protected.intersection(vals):
                self._check_editable()
            if {"employee_id", "date"}.intersection(vals):
                for diary in self:
                    diary._check_one_sheet_a_day(
                        [(vals.get("employee_id", diary.employee_id.id), vals.get("date", diary.date))]
                    )
        result = super().write(vals)
        if {"date", "employee_id"}.intersection(vals):
            self._check_date_allowed()
        if "line_ids" in vals:
            self._check_daily_total()
        return result

    def _check_editable(self):
        for diary in self:
            if diary.state == "approved":
                raise UserError(
                    self.env._(
                        "The diary of %(employee)s for %(date)s is approved and locked.",
                        employee=diary.employee_id.name,
                        date=diary.date.strftime("%d/%m/%Y"),
                    )
                )
            if diary.state == "submitted" and not diary._is_approver():
                raise UserError(
                    self.env._(
                        "The diary of %(date)s has been submitted: it can change again only if the approver "
                        "returns it.",
                        date=diary.date.strftime("%d/%m/%Y"),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        for diary in self:
            if diary.state in ("approved", "submitted"):
                raise UserError(
                    self.env._(
                        "The diary of %(employee)s for %(date)s is %(state)s: it cannot be deleted.",
                        employee=diary.employee_id.name,
                        date=diary.date.strftime("%d/%m/%Y"),
                        state=dict(diary._fields["state"]._description_selection(self.env))[diary.state],
                    )
                )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        for diary in self:
            if diary.state not in ("draft", "returned"):
                raise UserError(self.env._("Only a draft or returned diary can be submitted."))
            if not diary.line_ids:
                raise UserError(
                    self.env._(
                        "Add at least one task before submitting the diary of %(date)s.",
                        date=diary.date.strftime("%d/%m/%Y"),
                    )
                )
            if diary.employee_id.user_id != self.env.user and not diary._is_supervisor_of():
                raise AccessError(self.env._("Only the employee or their supervisor may submit this diary."))
        self._check_date_allowed()
        self._check_daily_total()
        self.with_context(civil_diary_workflow=True).write(
            {"state": "submitted", "submitted_date": fields.Datetime.now(), "return_reason": False}
        )
        self._raise_flags()
        self.line_ids.action_item_id._close_finished_activities()
        for diary in self:
            diary._notify_approver()
        return True

    def _notify_approver(self):
        self.ensure_one()
        users = self.approver_id or self._fallback_approvers()[:1]
        if users:
            # No assignment e-mail per sheet (an approver gets dozens a day): the activity shows in their
            # systray and the reminder cron chases what waits too long.
            self.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                "hr_civil_service.mail_activity_type_diary_approval",
                user_id=users.id,
                note=self.env._(
                    "Diary of %(employee)s for %(date)s to approve.",
                    employee=self.employee_id.name,
                    date=self.date.strftime("%d/%m/%Y"),
                ),
            )

    def _fallback_approvers(self):
        """Leaders of the sheet's company, the ones who are not also application managers first."""
        self.ensure_one()
        leaders = (
            self.env.ref("hr_civil_service.group_leader")
            .sudo()
            .users.filtered(lambda u: self.company_id in u.company_ids and u != self.employee_id.user_id)
        )
        return leaders.sorted(lambda u: (u.has_group("hr_civil_service.group_manager"), u.id))

    def _check_can_approve(self):
        for diary in self:
            if diary.state != "submitted":
                raise UserError(
                    self.env._(
                        "The diary of %(employee)s for %(date)s is not waiting for approval.",
                        employee=diary.employee_id.name,
                        date=diary.date.strftime("%d/%m/%Y"),
                    )
                )
            if not diary._is_approver():
                raise AccessError(
                    self.env._(
                        "You are not the approver of the diary of %(employee)s.", employee=diary.employee_id.name
                    )
                )

    def action_approve(self):
        self._check_can_approve()
        free_text = self.line_ids.filtered(lambda line: not line.task_id and not line.approved_converted_hours_set)
        if free_text:
            raise UserError(
                self.env._(
                    "Set the converted hours of the free-text task '%(task)s' before approving.", task=free_text[0].name
                )
            )
        self.with_context(civil_diary_workflow=True).write(
            {"state": "approved", "approved_date": fields.Datetime.now(), "approved_by_id": self.env.uid}
        )
        self.activity_feedback(["hr_civil_service.mail_activity_type_diary_approval"])
        self.line_ids.action_item_id._close_finished_activities()
        for diary in self:
            diary.message_post(body=self.env._("Diary approved."), subtype_xmlid="mail.mt_note")
        return True

    def action_return(self, reason=None):
        if not reason:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Return the Diary"),
                "res_model": "hr.work.diary.return.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"active_model": self._name, "active_ids": self.ids},
            }
        reason = reason.strip()
        if not reason:
            raise UserError(self.env._("Say why the diary is returned: the employee needs the reason to correct it."))
        self._check_can_approve()
        self.with_context(civil_diary_workflow=True).write({"state": "returned", "return_reason": reason})
        self.activity_feedback(["hr_civil_service.mail_activity_type_diary_approval"])
        for diary in self:
            diary.message_post(
                body=self.env._("Diary returned: %(reason)s", reason=reason),
                partner_ids=diary.employee_id.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_reopen(self, reason=None):
        if not self.env.user.has_group("hr_civil_service.group_leader"):
            raise AccessError(self.env._("Only a Leader may reopen an approved diary."))
        if not reason or not reason.strip():
            raise UserError(self.env._("Say why the approved diary is reopened."))
        for diary in self:
            if diary.state != "approved":
                raise UserError(self.env._("Only an approved diary can be reopened."))
        self.with_context(civil_diary_workflow=True).write(
            {"state": "returned", "reopen_reason": reason.strip(), "return_reason": reason.strip()}
        )
        for diary in self:
            diary.message_post(body=self.env._("Approved diary reopened: %(reason)s", reason=reason.strip()))
        return True

    # ------------------------------------------------------------------
    # Flags
    # ------------------------------------------------------------------
    def _raise_flags(self):
        """Run every active rule of the registry; flags explain, they never block.

        The rules share what they read (the sheets around, the schedules) through ``civil_flag_shared``."""
        flagged = self.filtered("flag_count")  # stored with the sheet: no query for a sheet never flagged
        if flagged:
            self.env["hr.work.diary.flag"].sudo().search([("diary_id", "in", flagged.ids)]).unlink()
        rules = (
            self.env["hr.work.diary.flag.rule"]
            .sudo()
            .search_fetch([("active", "=", True)], ["code", "severity"])
            .with_context(civil_flag_shared=SharedValues())
        )
        vals_list = []
        for rule in rules:
            for diary, line, explanation in rule._evaluate(self):
                vals_list.append(
                    {
                        "diary_id": diary.id,
                        "line_id": line.id if line else False,
                        "rule_id": rule.id,
                        "explanation": explanation,
                    }
                )
        if vals_list:
            self.env["hr.work.diary.flag"].sudo().create(vals_list)

    # ------------------------------------------------------------------
    # Scheduled actions
    # ------------------------------------------------------------------
    @api.model
    def _previous_working_day(self, employee, today):
        """The last day before today on which the employee's schedule has hours (leaves and holidays excluded)."""
        for back in range(1, 8):
            day = today - timedelta(days=back)
            start = datetime.combine(day, time.min)
            hours = employee._list_work_time_per_day(start, datetime.combine(day, time.max)).get(employee.id, [])
            if sum(h for _day, h in hours):
                return day
        return None

    @api.model
    def _cron_remind_missing(self):
        """Staff with no submitted sheet for their previous working day get an activity and an email."""
        today = fields.Date.context_today(self)
        employees = self.env["hr.employee"].search(
            [("user_id", "!=", False), ("job_id", "!=", False), ("company_id", "in", self.env.companies.ids)]
        )
        activity_type = self.env.ref("hr_civil_service.mail_activity_type_diary_reminder")
        for employee in employees:
            day = self._previous_working_day(employee, today)
            if not day:
                continue
            done = self.search_count(
                [("employee_id", "=", employee.id), ("date", "=", day), ("state", "in", ("submitted", "approved"))]
            )
            if done:
                continue
            summary = self.env._("Work diary of %(date)s", date=day.strftime("%d/%m/%Y"))
            already = self.env["mail.activity"].search_count(
                [
                    ("res_model", "=", "hr.employee"),
                    ("res_id", "=", employee.id),
                    ("activity_type_id", "=", activity_type.id),
                    ("summary", "=", summary),
                ]
            )
            if already:
                continue
            employee.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=employee.user_id.id,
                summary=summary,
                note=self.env._(
                    "Your work diary for %(date)s has not been submitted yet.", date=day.strftime("%d/%m/%Y")
                ),
            )
            if employee.work_email:
                self.env["mail.mail"].sudo().create(
                    {
                        "subject": summary,
                        "email_to": employee.work_email,
                        "body_html": self.env._(
                            "<p>Your work diary for %(date)s has not been submitted yet.</p>",
                            date=day.strftime("%d/%m/%Y"),
                        ),
                        "auto_delete": True,
                    }
                )

    @api.model
    def _cron_remind_approvers(self):
        """Approvers of sheets waiting longer than the setting are notified once a day."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for diary in self.search([("state", "=", "submitted"), ("submitted_date", "!=", False)]):
            delay = diary.company_id.civil_diary_approval_reminder_days
            if not delay or diary.submitted_date >= now - timedelta(days=delay):
                continue
            if diary.approval_reminded_date == today:
                continue
            approvers = diary.approver_id or diary._fallback_approvers()
            if not approvers:
                continue
            diary.message_notify(
                partner_ids=approvers.partner_id.ids,
                subject=self.env._("Diary waiting for approval"),
                body=self.env._(
                    "The diary of %(employee)s for %(date)s has been waiting for your approval since %(since)s.",
                    employee=diary.employee_id.name,
                    date=diary.date.strftime("%d/%m/%Y"),
                    since=diary.submitted_date.strftime("%d/%m/%Y"),
                ),
            )
            diary.with_context(civil_diary_workflow=True).approval_reminded_date = today

    @api.model
    def _cron_close_month(self):
        """After the close day, the previous month's unapproved sheets are marked late for the KPI."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].sudo().search([("civil_diary_month_close_day", ">", 0)]):
            if today.day <= company.civil_diary_month_close_day:
                continue
            first_of_month = today.replace(day=1)
            previous_start = (first_of_month - timedelta(days=1)).replace(day=1)
            self.search(
                [
                    ("company_id", "=", company.id),
                    ("date", ">=", previous_start),
                    ("date", "<", first_of_month),
                    ("state", "!=", "approved"),
                    ("is_late", "=", False),
                ]
            ).with_context(civil_diary_workflow=True).write({"is_late": True})

    # ------------------------------------------------------------------
    # My week
    # ------------------------------------------------------------------
    @api.model
    def _civil_week_start(self, day=None):
        day = fields.Date.to_date(day) or fields.Date.context_today(self)
        return day - timedelta(days=day.weekday())

    @api.model
    def _civil_my_employee(self):
        employee = self.env.user.employee_id
        if not employee:
            raise UserError(self.env._("Your user is not linked to an employee: there is no diary to show."))
        return employee

    @api.model
    def action_open_my_week(self, week_start=None):
        """The lines of my week, editable in place and grouped by day, under a summary of the days."""
        employee = self._civil_my_employee()
        start = self._civil_week_start(week_start)
        end = start + timedelta(days=6)
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_civil_service.hr_work_diary_line_action_my_week")
        action["domain"] = [("employee_id", "=", employee.id), ("date", ">=", start), ("date", "<=", end)]
        action["context"] = {
            "civil_week_start": fields.Date.to_string(start),
            "default_employee_id": employee.id,
            "default_date": fields.Date.to_string(min(fields.Date.context_today(self), end)),
        }
        action["display_name"] = self.env._(
            "My Week %(start)s – %(end)s", start=start.strftime("%d/%m"), end=end.strftime("%d/%m/%Y")
        )
        return action

    @api.model
    @api.readonly  # only reads: served from a read-only replica when one is configured
    def get_week_summary(self, week_start=None):
        """Each day of my week with its schedule, sheet, state and totals, and the week's totals."""
        employee = self._civil_my_employee()
        start = self._civil_week_start(week_start)
        end = start + timedelta(days=6)
        schedule = employee._civil_day_schedule(start, end)[employee.id]
        sheets = {
            sheet.date: sheet
            for sheet in self.search([("employee_id", "=", employee.id), ("date", ">=", start), ("date", "<=", end)])
        }
        states = dict(self._fields["state"]._description_selection(self.env))
        statuses = {
            "work": self.env._("Working Day"),
            "leave": self.env._("On Leave"),
            "holiday": self.env._("Public Holiday"),
            "off": self.env._("Day Off"),
        }
        today = fields.Date.context_today(self)
        days = []
        for offset in range(7):
            day = start + timedelta(days=offset)
            info, sheet = schedule[day], sheets.get(day)
            if not sheet and info["status"] == "off":
                continue
            days.append(
                {
                    "date": fields.Date.to_string(day),
                    "label": format_date(self.env, day, date_format="EEE dd/MM"),
                    "status": info["status"],
                    "status_label": statuses[info["status"]],
                    "schedule_hours": info["work_hours"],
                    "sheet_id": sheet.id if sheet else False,
                    "state": sheet.state if sheet else False,
                    "state_label": states[sheet.state] if sheet else self.env._("Not entered"),
                    "claimed_hours": sheet.total_claimed_hours if sheet else 0.0,
                    "converted_hours": sheet.total_converted_hours if sheet else 0.0,
                    "flag_count": sheet.flag_count if sheet else 0,
                    "return_reason": sheet.return_reason or "" if sheet else "",
                    "can_submit": bool(sheet and sheet.can_edit and sheet.line_ids),
                    "is_future": day > today,
                }
            )
        items = self.env["hr.civil.action.item"].search(
            [("assignee_ids", "in", employee.ids), ("state", "in", ("open", "in_progress"))],
            order="deadline, id",
            limit=10,
        )
        return {
            "items": [
                {
                    "id": item.id,
                    "name": item.name,
                    "deadline": item.deadline and item.deadline.strftime("%d/%m/%Y") or "",
                    "progress": round(item.progress),
                    "is_overdue": item.is_overdue,
                }
                for item in items
            ],
            "week_start": fields.Date.to_string(start),
            "previous_week": fields.Date.to_string(start - timedelta(days=7)),
            "next_week": fields.Date.to_string(start + timedelta(days=7)),
            "is_current_week": start <= today <= end,
            "employee": employee.name,
            "days": days,
            "schedule_hours": sum(day["schedule_hours"] for day in days),
            "claimed_hours": sum(day["claimed_hours"] for day in days),
            "converted_hours": sum(day["converted_hours"] for day in days),
        }

    @api.model
    def action_copy_lines(self, mode, week_start=None):
        """Copy yesterday's lines (the last earlier sheet) into today, or last week's into this week, day by day.

        Copied lines are marked as such (the copied-standard-days flag reads it); days that are submitted,
        approved, in the future or off the schedule are left alone.
        """
        employee = self._civil_my_employee()
        today = fields.Date.context_today(self)
        if mode == "yesterday":
            source = self.search(
                [("employee_id", "=", employee.id), ("date", "<", today), ("line_ids", "!=", False)],
                order="date desc",
                limit=1,
            )
            pairs = [(source, today)] if source else []
        elif mode == "last_week":
            start = self._civil_week_start(week_start)
            sources = self.search(
                [
                    ("employee_id", "=", employee.id),
                    ("date", ">=", start - timedelta(days=7)),
                    ("date", "<", start),
                    ("line_ids", "!=", False),
                ]
            )
            schedule = employee._civil_day_schedule(start, start + timedelta(days=6))[employee.id]
            pairs = [
                (sheet, sheet.date + timedelta(days=7))
                for sheet in sources
                if sheet.date + timedelta(days=7) <= today
                and schedule[sheet.date + timedelta(days=7)]["status"] == "work"
            ]
        else:
            raise UserError(self.env._("Unknown copy mode."))
        if not pairs:
            raise UserError(self.env._("There is nothing to copy: no earlier day with tasks was found."))
        targets = {
            sheet.date: sheet
            for sheet in self.search([("employee_id", "=", employee.id), ("date", "in", [day for _s, day in pairs])])
        }
        vals_list, skipped = [], []
        for source, day in pairs:
            target = targets.get(day)
            if target and not target.can_edit:
                skipped.append(day)
                continue
            for line in source.line_ids:
                task_ok = not line.task_id or line.task_id._is_valid_on(day)
                vals_list.append(
                    {
                        "employee_id": employee.id,
                        "date": day,
                        "task_id": line.task_id.id if task_ok else False,
                        "name": line.name,
                        "role": line.role,
                        "quantity": line.quantity,
                        "claimed_hours": line.claimed_hours,
                        "is_copied": True,
                    }
                )
        if not vals_list:
            raise UserError(self.env._("There is nothing to copy: the days to fill are already submitted."))
        lines = self.env["hr.work.diary.line"].create(vals_list)
        if skipped:
            message = self.env._(
                "%(count)s task(s) copied. Skipped (already submitted): %(days)s.",
                count=len(lines),
                days=", ".join(day.strftime("%d/%m") for day in skipped),
            )
        else:
            message = self.env._("%(count)s task(s) copied.", count=len(lines))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"message": message, "type": "success", "next": {"type": "ir.actions.act_window_close"}},
        }
