from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common_diary import FRIDAY, MONDAY, TODAY, HrWorkDiaryCase

NEXT_MONDAY = date(2026, 11, 23)


class MeetingCase(HrWorkDiaryCase):
    """Meetings on top of the diary case.

    - ``user_prosecutor`` (staff) is ``emp_prosecutor_1``;
    - the Party cell of the prosecution division has five official members (the head, the two prosecutors and two
      more) and one probationary member; its committee is ``head_user``. The clerk (``staff``) and the office
      head (``supervisor``) are not members.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.type_briefing = ref("hr_civil_service.meeting_type_briefing")
        cls.type_cell = ref("hr_civil_service.meeting_type_cell_regular")
        cls.type_thematic = ref("hr_civil_service.meeting_type_cell_thematic")
        cls.type_union = ref("hr_civil_service.meeting_type_union")
        cls.type_review = ref("hr_civil_service.meeting_type_review")
        cls.type_other = ref("hr_civil_service.meeting_type_other")

        cls.user_prosecutor = new_test_user(
            cls.env,
            login="hrcs_prosecutor_one",
            groups="hr_civil_service.group_staff",
            lang="en_US",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.emp_prosecutor_1.user_id = cls.user_prosecutor
        cls.emp_member_4, cls.emp_member_5, cls.emp_probationary = cls.env["hr.employee"].create(
            [
                {
                    "name": name,
                    "job_id": cls.job_prosecutor.id,
                    "department_id": cls.dept_prosecution.id,
                    "resource_calendar_id": cls.calendar.id,
                    "tz": "UTC",
                }
                for name in ("HRCS Member Four", "HRCS Member Five", "HRCS Probationary Member")
            ]
        )
        cls.officials = cls.emp_head | cls.emp_prosecutor_1 | cls.emp_prosecutor_2 | cls.emp_member_4 | cls.emp_member_5
        cls.cell = cls.env["hr.civil.party.cell"].create(
            {
                "name": "HRCS Prosecution Cell",
                "company_id": cls.company.id,
                "secretary_id": cls.emp_head.id,
                "committee_user_ids": [Command.set(cls.head_user.ids)],
                "member_ids": [Command.create({"employee_id": employee.id}) for employee in cls.officials]
                + [Command.create({"employee_id": cls.emp_probationary.id, "member_type": "probationary"})],
            }
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _meeting(self, meeting_type, start, **vals):
        return self.env["hr.civil.meeting"].create(
            {
                "name": vals.pop("name", f"HRCS {meeting_type.name}"),
                "type_id": meeting_type.id,
                "company_id": self.company.id,
                "date_start": start,
                **vals,
            }
        )

    def _cell_meeting(self, start, **vals):
        vals.setdefault("chair_id", self.emp_head.id)
        vals.setdefault("secretary_id", self.emp_prosecutor_1.id)
        return self._meeting(vals.pop("meeting_type", self.type_cell), start, cell_id=self.cell.id, **vals)

    @staticmethod
    def _attendance(meeting, employee):
        return meeting.attendee_ids.filtered(lambda attendee: attendee.employee_id == employee)

    def _hold(self, meeting, unexcused=None, excused=None):
        """Schedule the meeting if needed, mark the absences and hold it."""
        if meeting.state == "draft":
            meeting.action_schedule()
        for employee in unexcused or self.env["hr.employee"]:
            self._attendance(meeting, employee).attendance = "unexcused"
        for employee in excused or self.env["hr.employee"]:
            self._attendance(meeting, employee).write({"attendance": "excused", "reason": "On mission"})
        meeting.action_hold()
        return meeting

    def _series(self, **vals):
        return self.env["hr.civil.meeting.series"].create(
            {
                "name": "HRCS Monday Briefing",
                "type_id": self.type_briefing.id,
                "company_id": self.company.id,
                "weekday": "0",
                "hour": 7.5,
                "duration": 2.0,
                "tz": "Asia/Ho_Chi_Minh",
                "date_start": TODAY,
                "chair_id": self.emp_office_head.id,
                "secretary_id": self.emp_clerk.id,
                "department_ids": [Command.set(self.dept_office.ids)],
                **vals,
            }
        )

    def _item(self, meeting=None, **vals):
        return self.env["hr.civil.action.item"].create(
            {
                "name": vals.pop("name", "HRCS directive"),
                "source_meeting_id": meeting.id if meeting else False,
                "company_id": self.company.id,
                **vals,
            }
        )

    def _progress_line(self, item, progress, hours=2):
        return self._task_line(self.task_hour, quantity=hours, action_item_id=item.id, action_item_progress=progress)

    def _striking_off_activities(self, cell=None):
        return (cell or self.cell).activity_ids.filtered(lambda activity: "absent without reason" in activity.summary)


@tagged("post_install", "-at_install")
class TestMeetingTypes(MeetingCase):
    def test_default_duration_per_type(self):
        start = datetime(2026, 11, 23, 0, 30)
        expected = {
            self.type_briefing: 2.0,
            self.type_cell: 2.0,
            self.type_thematic: 2.0,
            self.type_union: 1.5,
            self.type_review: 4.0,
            self.type_other: 1.0,
        }
        for meeting_type, hours in expected.items():
            meeting = self._meeting(meeting_type, start, cell_id=meeting_type.is_party_cell and self.cell.id)
            self.assertEqual(meeting.duration, hours, meeting_type.name)
            self.assertAlmostEqual((meeting.date_end - meeting.date_start).total_seconds() / 3600, hours)
        self.assertEqual(self._meeting(self.type_briefing, start, duration=3.0).duration, 3.0, "a given duration stays")

    def test_briefing_warns_above_half_a_working_day(self):
        start = datetime(2026, 11, 23, 0, 30)
        self.assertFalse(self._meeting(self.type_briefing, start, duration=4.0).duration_warning)
        long_briefing = self._meeting(self.type_briefing, start, duration=4.5)
        self.assertMentions(long_briefing.duration_warning, "4.5", "4.0")
        long_briefing.duration = 3.5
        self.assertFalse(long_briefing.duration_warning)

    def test_cell_regular_minimum_duration(self):
        start = datetime(2026, 11, 10, 8, 0)
        self.assertMentions(self._cell_meeting(start, duration=80 / 60).duration_warning, "80", "90")
        self.assertFalse(self._cell_meeting(start, duration=100 / 60).duration_warning)
        self.assertFalse(self._cell_meeting(start, duration=1.5).duration_warning, "90 minutes are enough")
        combined = self._cell_meeting(start, duration=100 / 60, has_thematic_part=True)
        self.assertMentions(combined.duration_warning, "100", "120")
        self.assertFalse(self._cell_meeting(start, duration=130 / 60, has_thematic_part=True).duration_warning)

    def test_other_types_limits(self):
        start = datetime(2026, 11, 23, 0, 30)
        self.assertFalse(self._meeting(self.type_review, start, duration=8.0).duration_warning)
        self.assertMentions(self._meeting(self.type_review, start, duration=9.0).duration_warning, "9.0", "8.0")
        self.assertMentions(self._meeting(self.type_other, start, duration=5.0).duration_warning, "5.0")
        self.assertFalse(self._meeting(self.type_union, start, duration=6.0).duration_warning, "no limit set")
        self.assertFalse(
            self._cell_meeting(start, meeting_type=self.type_thematic, duration=1.0).duration_warning, "no minimum set"
        )

    def test_cell_types_need_a_cell(self):
        with self.assertRaisesMessage(ValidationError, "cell"):
            self._meeting(self.type_thematic, datetime(2026, 11, 10, 8, 0))
        self.assertTrue(self._meeting(self.type_union, datetime(2026, 11, 10, 8, 0)))

    def test_duration_must_be_positive_and_within_a_day(self):
        start = datetime(2026, 11, 23, 0, 30)
        with self.assertRaises(ValidationError):
            self._meeting(self.type_other, start, duration=-1.0)
        with self.assertRaises(ValidationError):
            self._meeting(self.type_other, start, duration=25.0)


@tagged("post_install", "-at_install")
class TestMeetingSchedule(MeetingCase):
    def test_schedule_invites_the_units(self):
        meeting = self._meeting(
            self.type_briefing,
            datetime(2026, 11, 23, 0, 30),
            chair_id=self.emp_head.id,
            secretary_id=self.emp_prosecutor_1.id,
            department_ids=[Command.set(self.dept_prosecution.ids)],
            location="Room 1",
        )
        meeting.action_schedule()
        self.assertEqual(meeting.state, "scheduled")
        unit = self.env["hr.employee"].search([("department_id", "=", self.dept_prosecution.id)])
        self.assertEqual(meeting.attendee_ids.employee_id, unit)
        self.assertEqual(self._attendance(meeting, self.emp_head).role, "chair")
        self.assertEqual(self._attendance(meeting, self.emp_prosecutor_1).role, "secretary")
        others = meeting.attendee_ids.filtered(lambda a: a.employee_id not in self.emp_head | self.emp_prosecutor_1)
        self.assertEqual(set(others.mapped("role")), {"member"})
        self.assertEqual(set(meeting.attendee_ids.mapped("attendance")), {"present"})

        # the calendar event and its invitations (calendar.attendee), as Odoo's calendar makes them
        event = meeting.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.start, meeting.date_start)
        self.assertEqual(event.stop, datetime(2026, 11, 23, 2, 30))
        self.assertEqual(event.location, "Room 1")
        self.assertEqual((event.res_model, event.res_id), ("hr.civil.meeting", meeting.id))
        self.assertEqual(event.user_id, self.head_user, "the chair organises")
        self.assertTrue(unit.work_contact_id <= event.partner_ids)
        self.assertIn(self.user_prosecutor.partner_id, event.partner_ids)
        self.assertEqual(event.attendee_ids.partner_id, event.partner_ids, "one invitation per person")

        # a briefing: one report per participant
        self.assertEqual(meeting.report_ids.employee_id, unit)
        self.assertEqual(meeting.report_count, len(unit))
        with self.assertRaisesMessage(UserError, "draft"):
            meeting.action_schedule()

    def test_schedule_invites_the_cell_members_of_the_day(self):
        self.cell.member_ids.filtered(lambda m: m.employee_id == self.emp_member_5).date_left = date(2026, 10, 31)
        meeting = self._cell_meeting(datetime(2026, 11, 10, 8, 0))
        meeting.action_schedule()
        expected = (self.officials - self.emp_member_5) | self.emp_probationary
        self.assertEqual(meeting.attendee_ids.employee_id, expected)
        self.assertFalse(meeting.report_ids, "no reports for a cell meeting")
        self.assertEqual(meeting.calendar_event_id.privacy, "private")
        self.assertEqual(meeting.calendar_event_id.partner_ids, expected.work_contact_id | expected.user_id.partner_id)

    def test_schedule_invites_the_series_participants(self):
        series = self._series(
            type_id=self.type_union.id,
            participant_ids=[Command.set((self.emp_clerk | self.emp_prosecutor_2).ids)],
            chair_id=False,
            secretary_id=False,
        )
        meeting = self._meeting(self.type_union, datetime(2026, 11, 23, 0, 30), series_id=series.id)
        meeting.action_schedule()
        self.assertEqual(meeting.attendee_ids.employee_id, self.emp_clerk | self.emp_prosecutor_2)
        self.assertFalse(meeting.report_ids, "a union meeting asks for no reports")

    def test_chair_from_another_unit_and_guests(self):
        meeting = self._meeting(
            self.type_briefing,
            datetime(2026, 11, 23, 0, 30),
            chair_id=self.emp_head.id,
            secretary_id=self.emp_clerk.id,
            guest_names="Mr. A, inspector",
            attendee_ids=[
                Command.create({"employee_id": self.emp_clerk.id}),
                Command.create({"employee_id": self.emp_prosecutor_2.id, "role": "guest"}),
            ],
        )
        meeting.action_schedule()
        self.assertEqual(meeting.attendee_ids.employee_id, self.emp_clerk | self.emp_prosecutor_2 | self.emp_head)
        self.assertEqual(self._attendance(meeting, self.emp_head).role, "chair", "the chair is always invited")
        self.assertEqual(self._attendance(meeting, self.emp_clerk).role, "secretary")
        self.assertIn(self.head_user.partner_id, meeting.calendar_event_id.partner_ids)
        self.assertEqual(meeting.report_ids.employee_id, self.emp_clerk | self.emp_head, "guests do not report")

    def test_rescheduling_moves_the_invitations(self):
        meeting = self._meeting(
            self.type_union, datetime(2026, 11, 23, 0, 30), department_ids=[Command.set(self.dept_office.ids)]
        )
        meeting.action_schedule()
        event = meeting.calendar_event_id
        meeting.write({"date_start": datetime(2026, 11, 24, 8, 0), "duration": 1.0})
        self.assertEqual((event.start, event.stop), (datetime(2026, 11, 24, 8, 0), datetime(2026, 11, 24, 9, 0)))
        meeting.attendee_ids = [Command.create({"employee_id": self.emp_prosecutor_2.id, "role": "guest"})]
        self.assertIn(self.emp_prosecutor_2.work_contact_id, event.partner_ids)
        self.assertIn(self.emp_prosecutor_2.work_contact_id, event.attendee_ids.partner_id)
        self._attendance(meeting, self.emp_prosecutor_2).unlink()
        self.assertNotIn(self.emp_prosecutor_2.work_contact_id, event.partner_ids)
        meeting.action_cancel()
        self.assertEqual(meeting.state, "cancelled")
        self.assertFalse(event.exists(), "a cancelled meeting withdraws its invitations")

    def test_hold_requires_the_reason_of_an_excused_absence(self):
        meeting = self._meeting(
            self.type_union, datetime(2026, 11, 16, 8, 0), department_ids=[Command.set(self.dept_office.ids)]
        )
        with self.assertRaisesMessage(UserError, "scheduled"):
            meeting.action_hold()
        meeting.action_schedule()
        self._attendance(meeting, self.emp_clerk).attendance = "excused"
        with self.assertRaisesMessage(UserError, self.emp_clerk.name):
            meeting.action_hold()
        self.assertEqual(meeting.state, "scheduled")
        self._attendance(meeting, self.emp_clerk).reason = "Sick leave"
        self._attendance(meeting, self.emp_office_head).attendance = "unexcused"  # no reason needed
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        with self.assertRaisesMessage(UserError, "held"):
            meeting.action_cancel()

    def test_report_prefilled_from_last_week(self):
        self._item(name="HRCS file the statistics", assignee_ids=[Command.set(self.emp_clerk.ids)], deadline=FRIDAY)
        done = self._item(name="HRCS already done", assignee_ids=[Command.set(self.emp_clerk.ids)])
        self._approved(
            TODAY,
            lines=[
                self._task_line(
                    self.task_hour,
                    quantity=2,
                    name="HRCS received citizens",
                    product_ref="15/BB",
                    action_item_id=done.id,
                    action_item_progress=100,
                )
            ],
        )
        self.assertEqual(done.state, "done")
        self._diary(date(2026, 11, 13), [self._text_line("HRCS older work", 2)])  # the week before: left out
        meeting = self._meeting(
            self.type_briefing, datetime(2026, 11, 23, 0, 30), department_ids=[Command.set(self.dept_office.ids)]
        )
        meeting.action_schedule()
        report = meeting.report_ids.filtered(lambda r: r.employee_id == self.emp_clerk)
        self.assertEqual((report.week_start, report.week_end), (MONDAY, date(2026, 11, 22)))
        self.assertIn("18/11: HRCS received citizens (15/BB)", report.last_week_results)
        self.assertNotIn("HRCS older work", report.last_week_results)
        self.assertIn("HRCS file the statistics (20/11/2026)", report.open_items)
        self.assertNotIn("HRCS already done", report.open_items)
        head_report = meeting.report_ids.filtered(lambda r: r.employee_id == self.emp_office_head)
        self.assertFalse(head_report.last_week_results)


@tagged("post_install", "-at_install")
class TestMeetingSeries(MeetingCase):
    def test_weekly_monday_0730_in_vietnam(self):
        series = self._series(weeks_ahead=4)
        meetings = series.action_schedule_meetings()
        self.assertEqual(
            meetings.sorted("date_start").mapped("date_start"),
            [datetime(2026, 11, day, 0, 30) for day in (23, 30)] + [datetime(2026, 12, day, 0, 30) for day in (7, 14)],
            "07:30 in Hanoi is 00:30 UTC, every Monday from the start for four weeks",
        )
        self.assertEqual(set(meetings.mapped("state")), {"scheduled"})
        self.assertEqual(series.meeting_count, 4)
        for meeting in meetings:
            self.assertEqual(meeting.type_id, self.type_briefing)
            self.assertEqual(meeting.duration, 2.0)
            self.assertTrue(meeting.calendar_event_id)
            self.assertEqual(meeting.attendee_ids.employee_id, self.emp_clerk | self.emp_office_head)
            self.assertEqual(len(meeting.report_ids), 2)
        self.assertFalse(series.action_schedule_meetings(), "a second run creates nothing")
        meetings.sorted("date_start")[1].action_cancel()
        self.assertFalse(series.action_schedule_meetings(), "a cancelled meeting is not created again")
        self.assertEqual(series.meeting_count, 4)

    def test_early_briefing_reports_on_the_local_week(self):
        series = self._series(hour=6.5, weeks_ahead=1)
        meeting = series.action_schedule_meetings()
        self.assertEqual(meeting.date_start, datetime(2026, 11, 22, 23, 30), "Monday 06:30 in Hanoi, Sunday in UTC")
        for report in meeting.report_ids:
            self.assertEqual((report.week_start, report.week_end), (MONDAY, date(2026, 11, 22)))

    def test_monthly_first_weekday(self):
        series = self._series(frequency="monthly", weeks_ahead=10)
        meetings = series.action_schedule_meetings()
        # first Monday of November (the 2nd) is before the start; December 7th and January 4th follow
        self.assertEqual(
            meetings.sorted("date_start").mapped("date_start"),
            [datetime(2026, 12, 7, 0, 30), datetime(2027, 1, 4, 0, 30)],
        )

    def test_series_end_and_cron(self):
        series = self._series(date_end=date(2026, 11, 30))
        self.env["hr.civil.meeting.series"]._cron_schedule_meetings()
        self.assertEqual(
            series.meeting_ids.mapped("date_start"), [datetime(2026, 11, 30, 0, 30), datetime(2026, 11, 23, 0, 30)]
        )
        with self.assertRaises(ValidationError):
            self._series(date_end=date(2026, 11, 1))


@tagged("post_install", "-at_install")
class TestMeetingMinutes(MeetingCase):
    def test_approved_minutes_are_locked_and_kept(self):
        meeting = self._cell_meeting(datetime(2026, 11, 10, 8, 0), resolution="<p>Adopt the plan</p>")
        self._hold(meeting, unexcused=self.emp_prosecutor_2)
        meeting.write({"vote_for": 3, "vote_against": 1})
        with self.assertRaisesMessage(UserError, "minutes"):
            meeting.action_approve_minutes()
        meeting.minutes = "<p>First version</p>"
        meeting.with_user(self.head_user).action_approve_minutes()
        self.assertEqual(meeting.state, "approved")
        revision = meeting.revision_ids
        self.assertEqual(len(revision), 1)
        self.assertIn("First version", revision.minutes)
        self.assertEqual((revision.vote_for, revision.official_member_count), (3, 5))
        self.assertTrue(revision.resolution_adopted)
        self.assertEqual(revision.create_uid, self.head_user)

        attendee = self._attendance(meeting, self.emp_prosecutor_2)
        with self.assertRaisesMessage(UserError, "approved"):
            meeting.minutes = "<p>Changed</p>"
        with self.assertRaisesMessage(UserError, "approved"):
            meeting.vote_for = 4
        with self.assertRaisesMessage(UserError, "approved"):
            attendee.attendance = "present"
        with self.assertRaisesMessage(UserError, "approved"):
            meeting.write({"attendee_ids": [Command.update(attendee.id, {"attendance": "present"})]})
        with self.assertRaisesMessage(UserError, "approved"):
            self.env["hr.civil.meeting.attendee"].create({"meeting_id": meeting.id, "employee_id": self.emp_clerk.id})
        with self.assertRaisesMessage(UserError, "approved"):
            attendee.unlink()
        self.assertEqual(attendee.attendance, "unexcused")
        self.assertIn("First version", meeting.minutes)

        # only a Leader reopens, with a reason; the approved version stays
        with self.assertRaises(UserError):
            meeting.with_user(self.head_user).action_reopen_minutes("Typo")
        with self.assertRaises(UserError):
            meeting.with_user(self.leader).action_reopen_minutes(" ")
        self.assertEqual(meeting.state, "approved")
        meeting.with_user(self.leader).action_reopen_minutes("Votes miscounted")
        self.assertEqual(meeting.state, "held")
        self.assertTrue(any("Votes miscounted" in str(message.body) for message in meeting.message_ids))
        meeting.write({"minutes": "<p>Second version</p>", "vote_for": 2, "vote_against": 2})
        meeting.action_approve_minutes()
        self.assertEqual(len(meeting.revision_ids), 2)
        first, second = meeting.revision_ids.sorted("id")
        self.assertIn("First version", first.minutes)
        self.assertTrue(first.resolution_adopted)
        self.assertIn("Second version", second.minutes)
        self.assertFalse(second.resolution_adopted)

    def test_approval_needs_a_held_meeting_and_a_secretary(self):
        meeting = self._cell_meeting(datetime(2026, 11, 10, 8, 0), secretary_id=False, minutes="<p>Minutes</p>")
        meeting.action_schedule()
        with self.assertRaisesMessage(UserError, "held"):
            meeting.action_approve_minutes()
        meeting.action_hold()
        with self.assertRaisesMessage(UserError, "secretary"):
            meeting.action_approve_minutes()


@tagged("post_install", "-at_install")
class TestPartyCellRules(MeetingCase):
    def test_vote_counted_against_all_official_members(self):
        meeting = self._cell_meeting(datetime(2026, 11, 10, 8, 0))
        self.assertEqual(self.cell.member_count, 6)
        self.assertEqual(self.cell.official_member_count, 5)
        self.assertEqual(meeting.official_member_count, 5, "the probationary member does not count")
        meeting.vote_for = 3
        self.assertTrue(meeting.resolution_adopted, "3 of 5 is more than half")
        meeting.vote_for = 2
        self.assertFalse(meeting.resolution_adopted, "2 of 5 is not")
        meeting.vote_for = 2.5  # half of five cannot be counted: votes are whole
        self.assertEqual(meeting.vote_for, 2)
        self.assertFalse(meeting.resolution_adopted)
        with self.assertRaisesMessage(ValidationError, "5"):
            meeting.write({"vote_for": 4, "vote_against": 1, "vote_abstain": 1})  # 6 votes: the probationary too
        with self.assertRaises(ValidationError):
            meeting.vote_against = -1

        # with four official members on the day, exactly half is not enough
        self.cell.member_ids.filtered(lambda m: m.employee_id == self.emp_member_5).date_left = date(2026, 10, 31)
        self.assertEqual(meeting.official_member_count, 4)
        self.assertFalse(meeting.resolution_adopted, "2 of 4 is only half")
        meeting.vote_for = 3
        self.assertTrue(meeting.resolution_adopted)

    def test_vote_count_of_a_meeting_without_cell(self):
        meeting = self._meeting(self.type_union, datetime(2026, 11, 10, 8, 0), vote_for=10)
        self.assertFalse(meeting.resolution_adopted)
        self.assertEqual(meeting.official_member_count, 0)

    def test_striking_off_after_three_unexcused_absences_in_a_year(self):
        absent = self.emp_prosecutor_2
        for day in (date(2026, 2, 3), date(2026, 3, 3)):
            self._hold(self._cell_meeting(datetime.combine(day, datetime.min.time())), unexcused=absent)
        self.assertFalse(self._striking_off_activities(), "two absences are not enough")
        self._hold(self._cell_meeting(datetime(2026, 4, 7, 8, 0)), unexcused=absent)
        activity = self._striking_off_activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.head_user, "for the cell committee")
        self.assertMentions(activity.summary, absent.name, "2026")
        self._hold(self._cell_meeting(datetime(2026, 5, 5, 8, 0)), unexcused=absent)
        self.assertEqual(len(self._striking_off_activities()), 1, "not raised again at the fourth")

    def test_striking_off_counts_one_calendar_year_and_only_unexcused(self):
        absent = self.emp_prosecutor_2
        for day in (date(2025, 11, 4), date(2025, 12, 2), date(2026, 2, 3), date(2026, 3, 3)):
            self._hold(self._cell_meeting(datetime.combine(day, datetime.min.time())), unexcused=absent)
        self._hold(self._cell_meeting(datetime(2026, 4, 7, 8, 0)), excused=absent)
        other = self._meeting(
            self.type_union, datetime(2026, 4, 14, 8, 0), department_ids=[Command.set(self.dept_prosecution.ids)]
        )
        self._hold(other, unexcused=absent)  # not a meeting of the cell
        self.assertFalse(self._striking_off_activities())

    def test_striking_off_after_correcting_the_attendance(self):
        absent = self.emp_prosecutor_2
        for day in (date(2026, 2, 3), date(2026, 3, 3)):
            self._hold(self._cell_meeting(datetime.combine(day, datetime.min.time())), unexcused=absent)
        third = self._hold(self._cell_meeting(datetime(2026, 4, 7, 8, 0)))
        self.assertFalse(self._striking_off_activities())
        self._attendance(third, absent).attendance = "unexcused"
        self.assertEqual(len(self._striking_off_activities()), 1)

    def test_thematic_reminder(self):
        cell_active = self.env["hr.civil.party.cell"].create(
            {
                "name": "HRCS Office Cell",
                "company_id": self.company.id,
                "committee_user_ids": [Command.set(self.supervisor.ids)],
            }
        )
        thematic = self._meeting(
            self.type_thematic, datetime(2026, 10, 1, 8, 0), cell_id=cell_active.id, topic="Ethics"
        )
        self._hold(thematic)
        self._hold(self._cell_meeting(datetime(2026, 6, 2, 8, 0), meeting_type=self.type_thematic))  # too old
        self._hold(self._cell_meeting(datetime(2026, 10, 6, 8, 0)))  # a regular meeting, no thematic part
        Meeting = self.env["hr.civil.meeting"]
        Meeting._cron_remind_thematic()
        reminders = self.cell.activity_ids.filtered(lambda a: "thematic" in a.summary)
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.head_user)
        self.assertFalse(cell_active.activity_ids, "a thematic meeting within the quarter")
        Meeting._cron_remind_thematic()
        self.assertEqual(len(self.cell.activity_ids.filtered(lambda a: "thematic" in a.summary)), 1, "not twice")

        # a regular meeting with a thematic part counts too
        reminders.unlink()
        self._hold(self._cell_meeting(datetime(2026, 11, 10, 8, 0), has_thematic_part=True, duration=2.5))
        Meeting._cron_remind_thematic()
        self.assertFalse(self.cell.activity_ids.filtered(lambda a: "thematic" in a.summary))


@tagged("post_install", "-at_install")
class TestActionItemProgress(MeetingCase):
    def test_progress_comes_from_the_diary(self):
        meeting = self._hold(
            self._meeting(
                self.type_briefing, datetime(2026, 11, 16, 0, 30), department_ids=[Command.set(self.dept_office.ids)]
            )
        )
        item = self._item(meeting, assignee_ids=[Command.set(self.emp_clerk.ids)], deadline=FRIDAY, priority="2")
        self.assertEqual((item.state, item.progress), ("open", 0.0))
        self.assertEqual(item.meeting_ids, meeting)
        self.assertTrue(item.activity_ids.filtered(lambda a: a.user_id == self.staff), "the assignee is told")

        monday = self._diary(MONDAY, [self._progress_line(item, 50)], user=self.staff)
        self.assertEqual((item.state, item.progress), ("open", 0.0), "a draft sheet does not count")
        monday.with_user(self.staff).action_submit()
        self.assertEqual((item.state, item.progress), ("in_progress", 50.0))
        self.assertFalse(item.done_date)

        today = self._diary(TODAY, [self._progress_line(item, 100)], user=self.staff)
        self.assertEqual(item.state, "in_progress")
        today.with_user(self.staff).action_submit()
        today.with_user(self.supervisor).action_approve()
        self.assertEqual((item.state, item.progress, item.done_date), ("done", 100.0, TODAY))
        self.assertEqual(item.line_ids.diary_id, monday | today)

        today.with_user(self.leader).action_reopen("Wrong item")
        self.assertEqual((item.state, item.progress), ("in_progress", 50.0), "a returned sheet no longer counts")

    def test_progress_is_a_percentage(self):
        item = self._item(assignee_ids=[Command.set(self.emp_clerk.ids)])
        with self.assertRaises(ValidationError):
            self._diary(TODAY, [self._progress_line(item, 120)])

    def test_cancelled_item(self):
        item = self._item(assignee_ids=[Command.set(self.emp_clerk.ids)])
        with self.assertRaises(UserError):
            item.with_user(self.staff).action_cancel()
        item.with_user(self.supervisor).action_cancel()
        self.assertEqual(item.state, "cancelled")
        item.action_reopen()
        self.assertEqual(item.state, "open")

    def test_overdue(self):
        late = self._item(name="late", assignee_ids=[Command.set(self.emp_clerk.ids)], deadline=MONDAY)
        no_deadline = self._item(name="no deadline", assignee_ids=[Command.set(self.emp_clerk.ids)])
        on_time = self._item(name="on time", assignee_ids=[Command.set(self.emp_clerk.ids)], deadline=FRIDAY)
        cancelled = self._item(name="cancelled", deadline=MONDAY, cancelled=True)
        done_late = self._item(name="done late", assignee_ids=[Command.set(self.emp_clerk.ids)], deadline=MONDAY)
        self._diary(TODAY, [self._progress_line(done_late, 100)]).action_submit()
        items = late | no_deadline | on_time | cancelled | done_late

        self.assertEqual(items.filtered("is_overdue"), late)
        self.assertEqual(late.delay_days, 2)
        self.assertEqual((done_late.state, done_late.delay_days), ("done", 2), "done two days late")
        self.assertEqual((on_time.delay_days, no_deadline.delay_days, cancelled.delay_days), (0, 0, 0))

        Item = self.env["hr.civil.action.item"]
        self.assertEqual(Item.search([("id", "in", items.ids), ("is_overdue", "=", True)]), late)
        self.assertEqual(Item.search([("id", "in", items.ids), ("is_overdue", "!=", False)]), late)
        self.assertEqual(Item.search([("id", "in", items.ids), ("is_overdue", "=", False)]), items - late)
        self.assertEqual(Item.search([("id", "in", items.ids), ("is_overdue", "!=", True)]), items - late)


@tagged("post_install", "-at_install")
class TestActionItemCarryOver(MeetingCase):
    def setUp(self):
        super().setUp()
        self.series = self._series(weeks_ahead=3)
        self.m1, self.m2, self.m3 = self.series.action_schedule_meetings().sorted("date_start")

    def _done_item(self, meeting):
        item = self._item(meeting, name="done", assignee_ids=[Command.set(self.emp_clerk.ids)])
        self._diary(TODAY, [self._progress_line(item, 100)]).action_submit()
        self.assertEqual(item.state, "done")
        return item

    def test_open_items_follow_the_series(self):
        self.assertEqual(self.m2.date_start, datetime(2026, 11, 30, 0, 30))
        open_item = self._item(self.m1, name="open", assignee_ids=[Command.set(self.emp_clerk.ids)], deadline=MONDAY)
        started = self._item(self.m1, name="started", assignee_ids=[Command.set(self.emp_clerk.ids)])
        self._diary(MONDAY, [self._progress_line(started, 30)]).action_submit()
        done = self._done_item(self.m1)
        cancelled = self._item(self.m1, name="cancelled", department_id=self.dept_office.id, cancelled=True)
        self.assertEqual(self.m1.directive_ids, open_item | started | done | cancelled)
        self.assertFalse(self.m2.discussed_item_ids, "carried once the meeting is held")

        self.m1.action_hold()
        self.assertEqual(self.m2.discussed_item_ids, open_item | started, "open, overdue and started items")
        self.assertFalse(self.m3.discussed_item_ids)
        new = self._item(self.m2, name="new at the second meeting", department_id=self.dept_office.id)

        self.m2.action_hold()
        self.assertEqual(self.m3.discussed_item_ids, open_item | started | new)
        self.assertEqual(open_item.meeting_ids, self.m1 | self.m2 | self.m3, "the item's history")
        self.assertEqual(done.meeting_ids, self.m1)
        self.assertEqual(cancelled.meeting_ids, self.m1)
        self.assertEqual(new.meeting_ids, self.m2 | self.m3)

    def test_carried_when_the_next_meeting_is_scheduled(self):
        self.m2.action_cancel()
        self.m3.action_cancel()
        open_item = self._item(self.m1, name="open", assignee_ids=[Command.set(self.emp_clerk.ids)])
        self.m1.action_hold()
        self.series.weeks_ahead = 4
        m4 = self.series.action_schedule_meetings()
        self.assertEqual(m4.date_start, datetime(2026, 12, 14, 0, 30))
        self.assertEqual(m4.discussed_item_ids, open_item, "the previous meeting held is m1: cancelled ones skipped")
        self.assertEqual(open_item.meeting_ids, self.m1 | m4)

    def test_directive_entered_after_the_hold(self):
        self.m1.action_hold()
        late_entry = self._item(self.m1, name="entered afterwards", department_id=self.dept_office.id)
        self.assertEqual(self.m2.discussed_item_ids, late_entry)
        self.assertEqual(late_entry.meeting_ids, self.m1 | self.m2)

    def test_other_series_not_carried(self):
        other = self._series(name="HRCS Other Briefing", weekday="1")
        other_meetings = other.action_schedule_meetings()
        self._item(self.m1, name="open", assignee_ids=[Command.set(self.emp_clerk.ids)])
        self.m1.action_hold()
        self.assertFalse(other_meetings.discussed_item_ids)


@tagged("post_install", "-at_install")
class TestMeetingAccess(MeetingCase):
    def test_cell_meetings_visible_to_members_and_leaders(self):
        meeting = self._cell_meeting(datetime(2026, 11, 10, 8, 0), minutes="<p>Secret</p>")
        self._hold(meeting)
        briefing = self._meeting(self.type_briefing, datetime(2026, 11, 23, 0, 30))
        briefing.action_schedule()
        domain = [("id", "in", (meeting | briefing).ids)]
        for outsider in (self.staff, self.supervisor):
            Meeting = self.env["hr.civil.meeting"].with_user(outsider)
            self.assertEqual(Meeting.search(domain), briefing.with_user(outsider), outsider.login)
            with self.assertRaises(AccessError):
                meeting.with_user(outsider).read(["name", "minutes"])
            attendees = self.env["hr.civil.meeting.attendee"].with_user(outsider)
            self.assertFalse(attendees.search([("meeting_id", "=", meeting.id)]))
            with self.assertRaises(AccessError):
                self.cell.with_user(outsider).read(["name"])
            meeting.calendar_event_id.invalidate_recordset()  # the cache is shared by the users of a transaction
            event = meeting.calendar_event_id.with_user(outsider)
            shown = event.read(["name", "partner_ids"])[0]
            self.assertNotEqual(shown["name"], meeting.name, "the calendar shows busy time only")
            self.assertFalse(shown["partner_ids"])
        for insider in (self.user_prosecutor, self.head_user, self.leader):
            Meeting = self.env["hr.civil.meeting"].with_user(insider)
            self.assertEqual(Meeting.search(domain), (meeting | briefing).with_user(insider), insider.login)
            self.assertIn("Secret", meeting.with_user(insider).minutes)
            self.assertEqual(len(meeting.with_user(insider).attendee_ids), 6)
        meeting.calendar_event_id.invalidate_recordset()
        self.assertEqual(
            meeting.calendar_event_id.with_user(self.user_prosecutor).read(["name"])[0]["name"], meeting.name
        )
        self.assertEqual(briefing.calendar_event_id.privacy, False)
        with self.assertRaises(AccessError):
            meeting.with_user(self.user_prosecutor).minutes = "<p>Staff cannot write</p>"

    def test_reports_are_read_by_their_author(self):
        meeting = self._meeting(
            self.type_briefing,
            datetime(2026, 11, 23, 0, 30),
            chair_id=self.emp_head.id,
            department_ids=[Command.set((self.dept_office | self.dept_prosecution).ids)],
        )
        meeting.action_schedule()
        reports = meeting.report_ids
        mine = reports.filtered(lambda r: r.employee_id == self.emp_clerk)
        theirs = reports.filtered(lambda r: r.employee_id == self.emp_prosecutor_1)
        Report = self.env["hr.civil.meeting.report"]
        self.assertEqual(Report.with_user(self.staff).search([("meeting_id", "=", meeting.id)]), mine)
        self.assertEqual(Report.with_user(self.user_prosecutor).search([("meeting_id", "=", meeting.id)]), theirs)
        with self.assertRaises(AccessError):
            theirs.with_user(self.staff).read(["last_week_results"])
        with self.assertRaises(AccessError):
            theirs.with_user(self.staff).write({"problems": "Not mine"})
        mine.with_user(self.staff).write({"problems": "Printer broken", "next_week_plan": "Register the files"})
        mine.with_user(self.staff).action_submit()
        self.assertEqual(mine.state, "submitted")
        # the supervisor reads their own people's; the chair and the leaders read all
        office = reports.filtered(lambda r: r.employee_id in (self.emp_clerk | self.emp_office_head))
        self.assertEqual(Report.with_user(self.supervisor).search([("meeting_id", "=", meeting.id)]), office)
        self.assertEqual(Report.with_user(self.head_user).search([("meeting_id", "=", meeting.id)]), reports)
        self.assertEqual(Report.with_user(self.leader).search([("meeting_id", "=", meeting.id)]), reports)

    def test_action_items_of_the_person_and_the_unit(self):
        meeting = self._meeting(self.type_briefing, datetime(2026, 11, 16, 0, 30), chair_id=self.emp_head.id)
        mine = self._item(meeting, name="mine", assignee_ids=[Command.set(self.emp_clerk.ids)])
        unit = self._item(meeting, name="my unit's", department_id=self.dept_office.id)
        other = self._item(meeting, name="another person's", assignee_ids=[Command.set(self.emp_prosecutor_1.ids)])
        items = mine | unit | other
        Item = self.env["hr.civil.action.item"]
        domain = [("id", "in", items.ids)]
        self.assertEqual(Item.with_user(self.staff).search(domain), mine | unit)
        self.assertEqual(Item.with_user(self.user_prosecutor).search(domain), other)
        with self.assertRaises(AccessError):
            other.with_user(self.staff).read(["name"])
        with self.assertRaises(AccessError):
            mine.with_user(self.staff).write({"deadline": FRIDAY})
        self.assertEqual(Item.with_user(self.supervisor).search(domain), mine | unit)
        self.assertEqual(Item.with_user(self.head_user).search(domain), items, "the chair of the source meeting")
        self.assertEqual(Item.with_user(self.leader).search(domain), items)


@tagged("post_install", "-at_install")
class TestMeetingOverlapFlag(MeetingCase):
    def setUp(self):
        super().setUp()
        self.meeting = self._meeting(
            self.type_other,
            datetime(2026, 11, 18, 1, 0),
            name="HRCS Division Meeting",
            duration=3.0,
            attendee_ids=[
                Command.create({"employee_id": employee.id})
                for employee in (self.emp_prosecutor_1, self.emp_prosecutor_2, self.emp_head)
            ],
        )
        self.meeting.action_schedule()
        self._attendance(self.meeting, self.emp_head).write({"attendance": "excused", "reason": "Court hearing"})

    def test_present_and_claiming_a_full_day_is_flagged(self):
        diary = self._day(TODAY, 7, employee=self.emp_prosecutor_1)
        self.assertIn("meeting_overlap", self._codes(diary))
        flag = diary.flag_ids.filtered(lambda f: f.code == "meeting_overlap")
        self.assertMentions(flag.explanation, "HRCS Division Meeting", "3.0", "7.0", "8.0")

    def test_present_and_claiming_the_rest_of_the_day_is_not(self):
        self.assertNotIn("meeting_overlap", self._codes(self._day(TODAY, 4, employee=self.emp_prosecutor_2)))
        self.assertNotIn("meeting_overlap", self._codes(self._day(TODAY, 5, employee=self.emp_prosecutor_1)))

    def test_absent_is_not(self):
        self.assertNotIn("meeting_overlap", self._codes(self._day(TODAY, 7, employee=self.emp_head)))

    def test_other_day_or_cancelled_meeting_is_not(self):
        self.assertNotIn("meeting_overlap", self._codes(self._day(MONDAY, 7, employee=self.emp_prosecutor_1)))
        self.meeting.action_cancel()
        self.assertNotIn("meeting_overlap", self._codes(self._day(TODAY, 7, employee=self.emp_prosecutor_1)))
