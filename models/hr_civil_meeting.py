from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

MEETING_STATES = [
    ("draft", "Draft"),
    ("scheduled", "Scheduled"),
    ("held", "Held"),
    ("approved", "Minutes Approved"),
    ("cancelled", "Cancelled"),
]
LOCKED_FIELDS = {
    "minutes",
    "resolution",
    "vote_for",
    "vote_against",
    "vote_abstain",
    "attendee_ids",
    "date_start",
    "duration",
    "chair_id",
    "secretary_id",
}
# a change of these fields moves the calendar event and its invitations along
CALENDAR_FIELDS = {"name", "date_start", "duration", "location"}


class HrCivilMeeting(models.Model):
    """A meeting: weekly briefing, Party cell regular or thematic meeting, union, review or other."""

    _name = "hr.civil.meeting"
    _description = "Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    type_id = fields.Many2one("hr.civil.meeting.type", required=True, tracking=True)
    kind = fields.Selection(related="type_id.kind", store=True)
    series_id = fields.Many2one("hr.civil.meeting.series", index=True, check_company=True, ondelete="set null")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    date_start = fields.Datetime(string="Start", required=True, tracking=True, index=True)
    duration = fields.Float(
        string="Duration (h)", compute="_compute_duration", store=True, readonly=False, precompute=True
    )
    date_end = fields.Datetime(string="End", compute="_compute_date_end", store=True)
    location = fields.Char()
    chair_id = fields.Many2one("hr.employee", check_company=True, tracking=True)
    secretary_id = fields.Many2one("hr.employee", check_company=True, tracking=True)
    department_ids = fields.Many2many("hr.department", string="Units", check_company=True)
    cell_id = fields.Many2one("hr.civil.party.cell", string="Party Cell", check_company=True, index=True)
    has_thematic_part = fields.Boolean(
        string="With a Thematic Part", help="A regular cell meeting that also holds a thematic part (≥ 120 minutes)."
    )
    topic = fields.Char(help="Topic of a thematic meeting.")
    presenter_id = fields.Many2one("hr.employee", check_company=True)
    prepared_report_ids = fields.Many2many("ir.attachment", "hr_civil_meeting_prepared_report_rel")
    guest_names = fields.Text(string="Guests")
    agenda = fields.Html()
    attendee_ids = fields.One2many("hr.civil.meeting.attendee", "meeting_id", string="Attendance", copy=True)
    state = fields.Selection(MEETING_STATES, default="draft", required=True, tracking=True, copy=False)
    calendar_event_id = fields.Many2one("calendar.event", copy=False, readonly=True)
    minutes = fields.Html(copy=False)
    resolution = fields.Html(copy=False)
    vote_for = fields.Integer(string="Votes For", copy=False)
    vote_against = fields.Integer(string="Votes Against", copy=False)
    vote_abstain = fields.Integer(string="Abstentions", copy=False)
    official_member_count = fields.Integer(
        compute="_compute_official_member_count",
        store=True,
        help="Official members of the cell on the meeting day: a resolution needs more than half of them.",
    )
    resolution_adopted = fields.Boolean(compute="_compute_resolution_adopted", store=True)
    revision_ids = fields.One2many("hr.civil.meeting.revision", "meeting_id", string="Approved Minutes", readonly=True)
    report_ids = fields.One2many("hr.civil.meeting.report", "meeting_id", string="Reports")
    directive_ids = fields.One2many("hr.civil.action.item", "source_meeting_id", string="Directives")
    discussed_item_ids = fields.Many2many(
        "hr.civil.action.item",
        "hr_civil_action_item_meeting_rel",
        "meeting_id",
        "item_id",
        string="Items Followed Up",
        help="Action items discussed at this meeting: its own directives and the open items carried over.",
    )
    duration_warning = fields.Char(compute="_compute_duration_warning")
    report_count = fields.Integer(compute="_compute_counts")
    directive_count = fields.Integer(compute="_compute_counts")

    # ------------------------------------------------------------------
    @api.depends("type_id")
    def _compute_duration(self):
        for meeting in self:
            if not meeting.duration:
                meeting.duration = meeting.type_id.default_duration or 1.0

    @api.depends("date_start", "duration")
    def _compute_date_end(self):
        for meeting in self:
            meeting.date_end = meeting.date_start and meeting.date_start + timedelta(hours=meeting.duration)

    @api.depends(
        "cell_id.member_ids.member_type", "cell_id.member_ids.date_joined", "cell_id.member_ids.date_left", "date_start"
    )
    def _compute_official_member_count(self):
        for meeting in self:
            if meeting.cell_id and meeting.date_start:
                day = meeting.date_start.date()
                meeting.official_member_count = len(meeting.cell_id._members_on(day, official_only=True))
            else:
                meeting.official_member_count = 0

    @api.depends("vote_for", "official_member_count")
    def _compute_resolution_adopted(self):
        for meeting in self:
            meeting.resolution_adopted = bool(
                meeting.official_member_count and meeting.vote_for * 2 > meeting.official_member_count
            )

    @api.depends("type_id", "duration", "has_thematic_part")
    def _compute_duration_warning(self):
        for meeting in self:
            kind, warning = meeting.type_id, False
            minimum = kind.min_duration_combined if meeting.has_thematic_part else kind.min_duration
            if kind.max_duration and meeting.duration > kind.max_duration:
                warning = self.env._(
                    "%(hours)s h is longer than the %(max)s h expected for this kind of meeting (half a working day).",
                    hours=round(meeting.duration, 2),
                    max=kind.max_duration,
                )
            elif minimum and meeting.duration < minimum:
                warning = self.env._(
                    "%(minutes)s minutes is shorter than the %(min)s minutes a Party cell meeting needs.",
                    minutes=round(meeting.duration * 60),
                    min=round(minimum * 60),
                )
            meeting.duration_warning = warning

    @api.depends("report_ids", "directive_ids")
    def _compute_counts(self):
        for meeting in self:
            meeting.report_count = len(meeting.report_ids)
            meeting.directive_count = len(meeting.directive_ids)

    # ------------------------------------------------------------------
    @api.constrains("vote_for", "vote_against", "vote_abstain", "official_member_count")
    def _check_votes(self):
        # approved minutes were checked when approved: a later change of the membership list does not block
        for meeting in self.filtered(lambda m: m.state != "approved"):
            votes = meeting.vote_for + meeting.vote_against + meeting.vote_abstain
            if min(meeting.vote_for, meeting.vote_against, meeting.vote_abstain) < 0:
                raise ValidationError(self.env._("Vote counts cannot be negative."))
            if meeting.cell_id and votes > meeting.official_member_count:
                raise ValidationError(
                    self.env._(
                        "%(votes)s votes were counted but the cell has %(members)s official members.",
                        votes=votes,
                        members=meeting.official_member_count,
                    )
                )

    @api.constrains("type_id", "cell_id")
    def _check_cell(self):
        """The visibility rules hide a meeting from non-members through its cell: a cell meeting needs one."""
        for meeting in self:
            if meeting.type_id.is_party_cell and not meeting.cell_id:
                raise ValidationError(
                    self.env._("%(meeting)s is a Party cell meeting: choose its cell.", meeting=meeting.display_name)
                )

    @api.constrains("duration")
    def _check_duration(self):
        for meeting in self:
            if meeting.duration <= 0 or meeting.duration > 24:
                raise ValidationError(self.env._("A meeting lasts more than 0 and at most 24 hours."))

    @api.depends("name", "date_start")
    @api.depends_context("tz")
    def _compute_display_name(self):
        for meeting in self:
            if meeting.date_start:
                day = fields.Datetime.context_timestamp(meeting, meeting.date_start).strftime("%d/%m/%Y")
                meeting.display_name = f"{meeting.name} – {day}"
            else:
                meeting.display_name = meeting.name

    def write(self, vals):
        if LOCKED_FIELDS.intersection(vals) and not self.env.context.get("civil_meeting_workflow"):
            for meeting in self:
                if meeting.state == "approved":
                    raise UserError(
                        self.env._(
                            "The minutes of %(meeting)s are approved and locked; a Leader may reopen them.",
                            meeting=meeting.display_name,
                        )
                    )
        result = super().write(vals)
        if CALENDAR_FIELDS.intersection(vals):
            self._sync_calendar_event()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        for meeting in self:
            if meeting.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._("%(meeting)s has been scheduled: cancel it instead.", meeting=meeting.display_name)
                )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _default_participants(self):
        """The series' participants, else the employees of the units, else the cell's current members."""
        self.ensure_one()
        if self.series_id.participant_ids:
            return self.series_id.participant_ids
        if self.cell_id:
            return self.cell_id._members_on(self.date_start.date()).employee_id
        if self.department_ids:
            return self.env["hr.employee"].search([("department_id", "child_of", self.department_ids.ids)])
        return self.env["hr.employee"]

    def action_schedule(self):
        for meeting in self:
            if meeting.state != "draft":
                raise UserError(self.env._("Only a draft meeting can be scheduled."))
            if not meeting.attendee_ids:
                meeting.attendee_ids = [
                    Command.create({"employee_id": employee.id}) for employee in meeting._default_participants()
                ]
            # the chair and the secretary sit in the meeting, whether or not their unit is invited
            missing = (meeting.chair_id | meeting.secretary_id) - meeting.attendee_ids.employee_id
            if missing:
                meeting.attendee_ids = [Command.create({"employee_id": employee.id}) for employee in missing]
            meeting._mark_roles()
            meeting._create_calendar_event()
            if meeting.type_id.needs_reports:
                meeting._create_reports()
            meeting._carry_open_items()
        self.write({"state": "scheduled"})
        return True

    def _mark_roles(self):
        for attendee in self.attendee_ids:
            if attendee.employee_id == self.chair_id:
                attendee.role = "chair"
            elif attendee.employee_id == self.secretary_id:
                attendee.role = "secretary"

    def _attendee_partners(self):
        self.ensure_one()
        employees = self.attendee_ids.employee_id
        return employees.work_contact_id | employees.user_id.partner_id

    def _create_calendar_event(self):
        """The calendar event and its invitations, as Odoo's calendar sends them."""
        self.ensure_one()
        partners = self._attendee_partners()
        event = (
            self.env["calendar.event"]
            .sudo()
            .create(
                {
                    "name": self.name,
                    "start": self.date_start,
                    "stop": self.date_end,
                    "duration": self.duration,
                    "location": self.location,
                    "partner_ids": [Command.set(partners.ids)],
                    "user_id": self.chair_id.user_id.id or self.env.uid,
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": self.id,
                    # a Party cell's meeting shows as busy time to those who are not invited
                    **({"privacy": "private"} if self.cell_id else {}),
                }
            )
        )
        self.calendar_event_id = event

    def _sync_calendar_event(self):
        """A rescheduled meeting moves its calendar event: the invitations follow, as in Odoo's calendar."""
        for meeting in self.filtered("calendar_event_id"):
            meeting.calendar_event_id.sudo().write(
                {
                    "name": meeting.name,
                    "start": meeting.date_start,
                    "stop": meeting.date_end,
                    "location": meeting.location,
                }
            )

    def _sync_calendar_partners(self):
        """People added to or removed from the attendance of a scheduled meeting are invited or uninvited."""
        for meeting in self.filtered("calendar_event_id"):
            partners = meeting._attendee_partners()
            if partners != meeting.calendar_event_id.sudo().partner_ids:
                meeting.calendar_event_id.sudo().partner_ids = [Command.set(partners.ids)]

    def _create_reports(self):
        self.ensure_one()
        existing = self.report_ids.employee_id
        self.env["hr.civil.meeting.report"].create(
            [
                {"meeting_id": self.id, "employee_id": attendee.employee_id.id}
                for attendee in self.attendee_ids
                if attendee.employee_id not in existing and attendee.role != "guest"
            ]
        )

    def _previous_in_series(self):
        self.ensure_one()
        if not self.series_id:
            return self.browse()
        return self.search(
            [
                ("series_id", "=", self.series_id.id),
                ("date_start", "<", self.date_start),
                ("state", "!=", "cancelled"),
                ("id", "!=", self.id),
            ],
            order="date_start desc",
            limit=1,
        )

    def _next_in_series(self):
        self.ensure_one()
        if not self.series_id:
            return self.browse()
        return self.search(
            [
                ("series_id", "=", self.series_id.id),
                ("date_start", ">", self.date_start),
                ("state", "in", ("draft", "scheduled")),
            ],
            order="date_start",
            limit=1,
        )

    def _carry_open_items(self, previous=None):
        """Open or overdue items of the previous meeting of the series are followed up at this one."""
        self.ensure_one()
        previous = previous if previous is not None else self._previous_in_series()
        items = (previous.directive_ids | previous.discussed_item_ids).filtered(
            lambda item: item.state in ("open", "in_progress")
        )
        if items:
            self.discussed_item_ids = [Command.link(item.id) for item in items]

    def action_hold(self):
        for meeting in self:
            if meeting.state != "scheduled":
                raise UserError(self.env._("Only a scheduled meeting can be marked as held."))
            missing = meeting.attendee_ids.filtered(
                lambda attendee: attendee.attendance == "excused" and not attendee.reason
            )
            if missing:
                raise UserError(
                    self.env._(
                        "Give the reason of %(person)s's absence, or mark it as without reason.",
                        person=missing[0].employee_id.name,
                    )
                )
        self.write({"state": "held"})
        self._check_striking_off()
        for meeting in self:  # what is still open goes on the agenda of the next meeting of the series
            following = meeting._next_in_series()
            if following:
                following._carry_open_items(previous=meeting)
        return True

    def action_approve_minutes(self):
        for meeting in self:
            if meeting.state != "held":
                raise UserError(self.env._("Only the minutes of a held meeting can be approved."))
            if not meeting.secretary_id:
                raise UserError(self.env._("Name the secretary who took the minutes before approving them."))
            if not (meeting.minutes and str(meeting.minutes).strip()):
                raise UserError(self.env._("Write the minutes before approving them."))
            self.env["hr.civil.meeting.revision"].create(
                {
                    "meeting_id": meeting.id,
                    "minutes": meeting.minutes,
                    "resolution": meeting.resolution,
                    "vote_for": meeting.vote_for,
                    "vote_against": meeting.vote_against,
                    "vote_abstain": meeting.vote_abstain,
                    "official_member_count": meeting.official_member_count,
                    "resolution_adopted": meeting.resolution_adopted,
                }
            )
        self.with_context(civil_meeting_workflow=True).write({"state": "approved"})
        return True

    def action_reopen_minutes(self, reason=None):
        if not self.env.user.has_group("hr_civil_service.group_leader"):
            raise UserError(self.env._("Only a Leader may reopen approved minutes."))
        if not reason or not reason.strip():
            raise UserError(self.env._("Say why the approved minutes are reopened."))
        for meeting in self.filtered(lambda m: m.state == "approved"):
            meeting.with_context(civil_meeting_workflow=True).state = "held"
            meeting.message_post(body=self.env._("Minutes reopened: %(reason)s", reason=reason.strip()))
        return True

    def action_cancel(self):
        for meeting in self:
            if meeting.state in ("held", "approved"):
                raise UserError(self.env._("A meeting that was held cannot be cancelled."))
        self.calendar_event_id.sudo().unlink()
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        self.filtered(lambda m: m.state == "cancelled").write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Party cell rules
    # ------------------------------------------------------------------
    def _check_striking_off(self):
        """A member absent without reason three times in a calendar year: an activity for the cell committee
        (Điều lệ Đảng, art. 8(1): considered for striking off)."""
        Attendee = self.env["hr.civil.meeting.attendee"].sudo()
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for meeting in self.filtered(lambda m: m.cell_id):
            year = meeting.date_start.year
            start, end = fields.Datetime.to_datetime(f"{year}-01-01"), fields.Datetime.to_datetime(f"{year + 1}-01-01")
            for attendee in meeting.attendee_ids.filtered(lambda a: a.attendance == "unexcused"):
                count = Attendee.search_count(
                    [
                        ("employee_id", "=", attendee.employee_id.id),
                        ("attendance", "=", "unexcused"),
                        ("meeting_id.cell_id", "=", meeting.cell_id.id),
                        ("meeting_id.state", "in", ("held", "approved")),
                        ("meeting_id.date_start", ">=", start),
                        ("meeting_id.date_start", "<", end),
                    ]
                )
                if count < 3:
                    continue
                summary = self.env._(
                    "%(member)s: absent without reason 3 times in %(year)s",
                    member=attendee.employee_id.name,
                    year=year,
                )
                cell = meeting.cell_id.sudo()
                # the open reminder of this member and year, whatever language its summary was written in
                name, year_text = attendee.employee_id.name, str(year)
                if cell.activity_ids.filtered(
                    lambda a, n=name, y=year_text: a.summary and n in a.summary and y in a.summary
                ):
                    continue
                for user in cell.committee_user_ids or cell.secretary_id.user_id:
                    cell.activity_schedule(
                        activity_type_id=activity_type.id,
                        user_id=user.id,
                        summary=summary,
                        note=self.env._(
                            "Consider the case of %(member)s under art. 8(1) of the Party Charter: absent without "
                            "reason from %(count)s cell meetings in %(year)s.",
                            member=attendee.employee_id.name,
                            count=count,
                            year=year,
                        ),
                    )

    @api.model
    def _cron_remind_thematic(self):
        """A cell with no thematic meeting within its type's period gets a reminder for its committee."""
        thematic = self.env.ref("hr_civil_service.meeting_type_cell_thematic", raise_if_not_found=False)
        months = thematic.thematic_every_months if thematic else 3
        if not months:
            return
        since = fields.Datetime.now() - timedelta(days=months * 31)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        cells = self.env["hr.civil.party.cell"].search(
            ["|", ("committee_user_ids", "!=", False), ("secretary_id.user_id", "!=", False)]
        )
        for cell in cells:  # the cells that have someone to remind
            held = self.search_count(
                [
                    ("cell_id", "=", cell.id),
                    ("state", "in", ("held", "approved")),
                    ("date_start", ">=", since),
                    "|",
                    ("kind", "=", "cell_thematic"),
                    ("has_thematic_part", "=", True),
                ]
            )
            if held:
                continue
            summary = self.env._("No thematic meeting for %(months)s months", months=months)
            if cell.activity_ids.filtered(lambda a, s=summary: a.summary == s):
                continue
            for user in cell.committee_user_ids or cell.secretary_id.user_id:
                cell.activity_schedule(activity_type_id=activity_type.id, user_id=user.id, summary=summary)

    # ------------------------------------------------------------------
    def action_open_reports(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reports of %(meeting)s", meeting=self.name),
            "res_model": "hr.civil.meeting.report",
            "view_mode": "list,form",
            "domain": [("meeting_id", "=", self.id)],
            "context": {"group_by": ["department_id"], "default_meeting_id": self.id, "create": False},
        }


class HrCivilMeetingAttendee(models.Model):
    _name = "hr.civil.meeting.attendee"
    _description = "Meeting Attendance"
    _order = "meeting_id, role, employee_id"

    meeting_id = fields.Many2one("hr.civil.meeting", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    role = fields.Selection(
        [("chair", "Chair"), ("secretary", "Secretary"), ("member", "Participant"), ("guest", "Guest")],
        required=True,
        default="member",
    )
    attendance = fields.Selection(
        [("present", "Present"), ("excused", "Absent with Reason"), ("unexcused", "Absent without Reason")],
        required=True,
        default="present",
    )
    reason = fields.Char()

    _sql_constraints = [
        ("meeting_employee_uniq", "unique(meeting_id, employee_id)", "A person is listed once per meeting."),
    ]

    def _check_meeting_not_approved(self, meetings):
        if not self.env.context.get("civil_meeting_workflow") and any(m.state == "approved" for m in meetings):
            raise UserError(self.env._("The minutes are approved: the attendance is locked."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_meeting_not_approved(
            self.env["hr.civil.meeting"].browse([vals["meeting_id"] for vals in vals_list if vals.get("meeting_id")])
        )
        attendees = super().create(vals_list)
        attendees.meeting_id._sync_calendar_partners()
        return attendees

    def write(self, vals):
        self._check_meeting_not_approved(self.meeting_id)
        result = super().write(vals)
        if "employee_id" in vals:
            self.meeting_id._sync_calendar_partners()
        if "attendance" in vals:  # attendance corrected after the meeting: the striking-off rule looks again
            self.meeting_id.filtered(lambda m: m.state in ("held", "approved"))._check_striking_off()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_not_approved(self):
        self._check_meeting_not_approved(self.meeting_id)

    def unlink(self):
        meetings = self.meeting_id
        result = super().unlink()
        meetings.exists()._sync_calendar_partners()
        return result


class HrCivilMeetingRevision(models.Model):
    """The approved minutes, kept as they were approved."""

    _name = "hr.civil.meeting.revision"
    _description = "Approved Minutes Revision"
    _order = "meeting_id, id desc"

    meeting_id = fields.Many2one("hr.civil.meeting", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    minutes = fields.Html(readonly=True, sanitize=False)
    resolution = fields.Html(readonly=True, sanitize=False)
    vote_for = fields.Integer(readonly=True)
    vote_against = fields.Integer(readonly=True)
    vote_abstain = fields.Integer(readonly=True)
    official_member_count = fields.Integer(readonly=True)
    resolution_adopted = fields.Boolean(readonly=True)
    create_uid = fields.Many2one("res.users", string="Approved by", readonly=True)
    create_date = fields.Datetime(string="Approved on", readonly=True)
