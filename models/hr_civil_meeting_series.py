import logging
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class HrCivilMeetingSeries(models.Model):
    """A repeating meeting, e.g. the Monday 07:30 briefing: it schedules its meetings ahead, each with its
    calendar event and invitations."""

    _name = "hr.civil.meeting.series"
    _description = "Meeting Series"
    _inherit = ["mail.thread"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    type_id = fields.Many2one("hr.civil.meeting.type", required=True)
    frequency = fields.Selection(
        [("weekly", "Every Week"), ("monthly", "Every Month")], default="weekly", required=True
    )
    weekday = fields.Selection(WEEKDAYS, default="0", required=True)
    hour = fields.Float(string="Time", default=7.5, help="Local time of the meeting, e.g. 7.5 for 07:30.")
    duration = fields.Float(string="Duration (h)", default=2.0)
    tz = fields.Selection(
        lambda self: [(tz, tz) for tz in pytz.all_timezones],
        string="Time Zone",
        default=lambda self: self.env.user.tz or "Asia/Ho_Chi_Minh",
        required=True,
    )
    date_start = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_end = fields.Date(string="Until")
    weeks_ahead = fields.Integer(default=4, help="How many weeks ahead the meetings are scheduled.")
    location = fields.Char()
    chair_id = fields.Many2one("hr.employee", check_company=True)
    secretary_id = fields.Many2one("hr.employee", check_company=True)
    department_ids = fields.Many2many("hr.department", string="Units", check_company=True)
    cell_id = fields.Many2one("hr.civil.party.cell", string="Party Cell", check_company=True)
    participant_ids = fields.Many2many("hr.employee", string="Participants", check_company=True)
    meeting_ids = fields.One2many("hr.civil.meeting", "series_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_count")

    @api.depends("meeting_ids")
    def _compute_meeting_count(self):
        for series in self:
            series.meeting_count = len(series.meeting_ids)

    @api.constrains("hour", "duration", "date_start", "date_end")
    def _check_values(self):
        for series in self:
            if not 0 <= series.hour < 24 or series.duration <= 0:
                raise ValidationError(self.env._("Give a time of day and a duration for the series."))
            if series.date_end and series.date_end < series.date_start:
                raise ValidationError(self.env._("The series ends before it starts."))

    def _occurrences(self, until):
        """Local dates of the series' meetings from its start up to ``until``."""
        self.ensure_one()
        day = self.date_start
        if self.frequency == "weekly":
            day += timedelta(days=(int(self.weekday) - day.weekday()) % 7)
            step = relativedelta(weeks=1)
        else:  # the first <weekday> of each month
            day = day.replace(day=1)
            step = relativedelta(months=1)
        last = min(until, self.date_end) if self.date_end else until
        dates = []
        while day <= last:
            if self.frequency == "monthly":
                first = day + timedelta(days=(int(self.weekday) - day.weekday()) % 7)
                if self.date_start <= first <= last:
                    dates.append(first)
            else:
                dates.append(day)
            day += step
        return dates

    def _utc_start(self, day):
        local = pytz.timezone(self.tz).localize(datetime.combine(day, time()) + timedelta(hours=self.hour))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def action_schedule_meetings(self):
        """Create and schedule the meetings of the coming weeks that do not exist yet."""
        today = fields.Date.context_today(self)
        Meeting = self.env["hr.civil.meeting"]
        created = Meeting
        for series in self:
            until = today + timedelta(weeks=series.weeks_ahead or 4)
            # every meeting of the series, cancelled ones included, whoever may read them
            existing = {meeting.date_start for meeting in series.sudo().meeting_ids}
            for day in series._occurrences(until):
                if day < today:
                    continue
                start = series._utc_start(day)
                if start in existing:
                    continue
                created |= Meeting.create(
                    {
                        "name": series.name,
                        "series_id": series.id,
                        "type_id": series.type_id.id,
                        "company_id": series.company_id.id,
                        "date_start": start,
                        "duration": series.duration,
                        "location": series.location,
                        "chair_id": series.chair_id.id,
                        "secretary_id": series.secretary_id.id,
                        "cell_id": series.cell_id.id,
                        "department_ids": [Command.set(series.department_ids.ids)],
                    }
                )
        created.sorted("date_start").action_schedule()
        return created

    @api.model
    def _cron_schedule_meetings(self):
        today = fields.Date.context_today(self)
        self.search(["|", ("date_end", "=", False), ("date_end", ">=", today)])._action_schedule_safe()

    def _action_schedule_safe(self):
        """One series that cannot be scheduled does not stop the others."""
        for series in self:
            try:
                with self.env.cr.savepoint():
                    series.action_schedule_meetings()
            except (UserError, ValidationError) as error:
                _logger.warning("Meeting series %s (id %s) not scheduled: %s", series.name, series.id, error)

    def action_open_meetings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "hr.civil.meeting",
            "view_mode": "list,form,calendar",
            "domain": [("series_id", "=", self.id)],
            "context": {"default_series_id": self.id, "default_type_id": self.type_id.id},
        }
