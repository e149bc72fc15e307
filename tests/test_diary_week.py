from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_diary import FRIDAY, MONDAY, THURSDAY, TODAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestDiarySchedule(HrWorkDiaryCase):
    def _leave(self, day, employee=None):
        return self.env["resource.calendar.leaves"].create(
            {
                "name": "Leave" if employee else "Public holiday",
                "calendar_id": self.calendar.id,
                "resource_id": employee.resource_id.id if employee else False,
                "company_id": self.company.id,
                "date_from": datetime.combine(day, datetime.min.time()),
                "date_to": datetime.combine(day, datetime.max.time()).replace(microsecond=0),
            }
        )

    def test_day_statuses(self):
        self._leave(TUESDAY)  # public holiday for everyone on the schedule
        self._leave(THURSDAY, employee=self.emp_clerk)
        days = self.all_employees._civil_day_schedule(MONDAY, MONDAY + timedelta(days=6))
        clerk, head = days[self.emp_clerk.id], days[self.emp_head.id]
        self.assertEqual(clerk[MONDAY], {"status": "work", "schedule_hours": 8.0, "work_hours": 8.0})
        self.assertEqual(clerk[TUESDAY]["status"], "holiday")
        self.assertEqual(clerk[TUESDAY]["work_hours"], 0.0)
        self.assertEqual(clerk[THURSDAY]["status"], "leave")
        self.assertEqual(head[THURSDAY]["status"], "work", "a personal leave is nobody else's")
        self.assertEqual(clerk[date(2026, 11, 21)], {"status": "off", "schedule_hours": 0.0, "work_hours": 0.0})

    def test_schedule_queries_do_not_grow_with_the_team(self):
        employees = self.all_employees
        employees._civil_day_schedule(MONDAY, FRIDAY)  # warm caches
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            employees._civil_day_schedule(MONDAY, FRIDAY)


@tagged("post_install", "-at_install")
class TestDiaryWeek(HrWorkDiaryCase):
    def test_line_by_date_finds_or_creates_the_sheet(self):
        Line = self.env["hr.work.diary.line"].with_user(self.staff)
        line = Line.create({"date": MONDAY, "task_id": self.task_clerk.id})
        self.assertEqual(line.diary_id.employee_id, self.emp_clerk)
        self.assertEqual(line.diary_id.date, MONDAY)
        second = Line.create({"date": MONDAY, "task_id": self.task_hour.id, "quantity": 2})
        self.assertEqual(second.diary_id, line.diary_id, "one sheet per day")
        self.assertEqual(line.diary_id.total_claimed_hours, 4.0)
        # the blocking rules of the sheet apply
        with self.assertRaises(UserError):
            Line.create({"date": TODAY + timedelta(days=1), "task_id": self.task_hour.id})
        self.assertEqual(self._diary_count(), 1)

    def test_moving_a_line_to_another_day(self):
        line = (
            self.env["hr.work.diary.line"].with_user(self.staff).create({"date": MONDAY, "task_id": self.task_hour.id})
        )
        monday = line.diary_id
        line.write({"date": TUESDAY})
        self.assertEqual(line.diary_id.date, TUESDAY)
        self.assertFalse(monday.line_ids)

    def test_claimed_hours_follow_the_quantity(self):
        diary = self._diary(lines=[self._task_line(self.task_clerk)])
        line = diary.line_ids
        self.assertEqual(line.claimed_hours, 2.0)
        line.quantity = 3
        self.assertEqual(line.claimed_hours, 6.0)
        line.claimed_hours = 5.0
        line.role = "support"
        self.assertEqual(line.claimed_hours, 5.0, "changing the role keeps the hours typed")
        free = self._diary(MONDAY, [self._text_line("Meeting with the district police", 3.0)]).line_ids
        free.quantity = 2
        self.assertEqual(free.claimed_hours, 3.0, "a free-text line keeps what was typed")

    def test_week_summary(self):
        self._leave_day = self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": self.calendar.id,
                "company_id": self.company.id,
                "date_from": datetime(2026, 11, 17, 0, 0),
                "date_to": datetime(2026, 11, 17, 23, 59),
            }
        )
        self._day(MONDAY, 3.0)
        returned = self._diary(TODAY, [self._task_line(self.task_clerk, quantity=4)])
        returned.action_submit()
        returned.with_user(self.supervisor).action_return("Add the file numbers")
        summary = self.env["hr.work.diary"].with_user(self.staff).get_week_summary()
        self.assertEqual(summary["week_start"], "2026-11-16")
        days = {day["date"]: day for day in summary["days"]}
        self.assertEqual(sorted(days), ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"])
        self.assertEqual(days["2026-11-16"]["state"], "submitted")
        self.assertEqual(days["2026-11-16"]["claimed_hours"], 3.0)
        self.assertEqual(days["2026-11-17"]["status"], "holiday")
        self.assertEqual(days["2026-11-17"]["schedule_hours"], 0.0)
        self.assertEqual(days["2026-11-18"]["return_reason"], "Add the file numbers")
        self.assertTrue(days["2026-11-18"]["can_submit"])
        self.assertFalse(days["2026-11-19"]["sheet_id"])
        self.assertTrue(days["2026-11-19"]["is_future"])
        self.assertEqual(summary["schedule_hours"], 32.0)
        self.assertEqual(summary["claimed_hours"], 11.0)
        previous = self.env["hr.work.diary"].with_user(self.staff).get_week_summary(summary["previous_week"])
        self.assertEqual(previous["week_start"], "2026-11-09")

    def test_open_my_week(self):
        action = self.env["hr.work.diary"].with_user(self.staff).action_open_my_week("2026-11-11")
        self.assertEqual(action["res_model"], "hr.work.diary.line")
        self.assertIn(("date", ">=", date(2026, 11, 9)), action["domain"])
        self.assertIn(("employee_id", "=", self.emp_clerk.id), action["domain"])
        self.assertEqual(action["context"]["civil_week_start"], "2026-11-09")
        self.assertEqual(action["context"]["default_date"], "2026-11-15", "the past week's lines go to its days")

    def test_user_without_employee(self):
        with self.assertRaises(UserError):
            self.env["hr.work.diary"].with_user(self.emulation_officer).get_week_summary()

    def test_copy_yesterday(self):
        self._diary(TUESDAY, [self._task_line(self.task_clerk, quantity=2), self._text_line("Archive the files", 1.5)])
        Diary = self.env["hr.work.diary"].with_user(self.staff)
        Diary.action_copy_lines("yesterday")
        today = Diary.search([("employee_id", "=", self.emp_clerk.id), ("date", "=", TODAY)])
        self.assertRecordValues(
            today.line_ids.sorted("id"),
            [
                {"task_id": self.task_clerk.id, "quantity": 2.0, "claimed_hours": 4.0, "is_copied": True},
                {"task_id": False, "quantity": 1.0, "claimed_hours": 1.5, "is_copied": True},
            ],
        )

    def test_copy_last_week(self):
        for offset in range(5):  # last week, entered by the supervisor (beyond the backdating window)
            day = date(2026, 11, 9) + timedelta(days=offset)
            self._diary(
                day, [self._task_line(self.task_hour, quantity=2)], employee=self.emp_clerk, user=self.supervisor
            )
        submitted_monday = self._day(MONDAY, 4.0)
        Diary = self.env["hr.work.diary"].with_user(self.staff)
        result = Diary.action_copy_lines("last_week")
        self.assertIn("16/11", result["params"]["message"], "the submitted Monday is named as skipped")
        sheets = Diary.search([("employee_id", "=", self.emp_clerk.id), ("date", ">=", MONDAY)])
        self.assertEqual(sorted(sheets.mapped("date")), [MONDAY, TUESDAY, TODAY], "nothing copied into the future")
        self.assertEqual(submitted_monday.total_claimed_hours, 4.0, "a submitted day is left alone")
        self.assertTrue(all(sheets.filtered(lambda s: s.date > MONDAY).line_ids.mapped("is_copied")))

    def test_copy_with_nothing_to_copy(self):
        with self.assertRaises(UserError):
            self.env["hr.work.diary"].with_user(self.staff).action_copy_lines("yesterday")
        with self.assertRaises(UserError):
            self.env["hr.work.diary"].with_user(self.staff).action_copy_lines("everything")
        self.assertEqual(self._diary_count(), 0)

    def test_approver_follows_the_parent_unit_manager(self):
        """An employee heading their unit goes to the manager of the parent unit, which may change."""
        parent = self.env["hr.department"].create({"name": "HRCS Parent", "company_id": self.company.id})
        self.dept_prosecution.parent_id = parent
        diary = self._diary(employee=self.emp_head)
        self.assertFalse(diary.approver_id)
        parent.manager_id = self.emp_office_head
        self.assertEqual(diary.approver_id, self.supervisor)

    def test_description_follows_the_task_unless_written(self):
        line = self._diary(lines=[self._task_line(self.task_hour)]).line_ids
        self.assertEqual(line.name, "Reception of citizens")
        line.task_id = self.task_shared
        self.assertEqual(line.name, "Write a report", "a name taken from the task follows the new task")
        line.name = "Quarterly report on citizen complaints"
        line.task_id = self.task_hour
        self.assertEqual(line.name, "Quarterly report on citizen complaints", "a written description stays")

    def test_free_text_needs_a_description(self):
        with self.assertRaisesMessage(ValidationError, "Describe the task"):
            self._diary(lines=[{"claimed_hours": 2.0, "name": "  "}])
        self.assertEqual(self._diary_count(), 0)

    def test_nobody_approves_their_own_day(self):
        self.emp_head.user_id = self.manager
        diary = self._diary(employee=self.emp_head)
        diary.action_submit()
        with self.assertRaises(AccessError):
            diary.with_user(self.manager).action_approve()
        self.assertEqual(diary.state, "submitted")

    def test_a_sheet_without_approver_goes_to_a_leader_before_a_manager(self):
        diary = self._diary(employee=self.emp_head)
        diary.action_submit()
        activity = diary.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("hr_civil_service.mail_activity_type_diary_approval")
        )
        self.assertEqual(activity.user_id, self.leader)

    def test_week_summary_lists_my_open_action_items(self):
        Item = self.env["hr.civil.action.item"]
        mine = Item.create({"name": "Report on the backlog of cases", "assignee_ids": [(4, self.emp_clerk.id)]})
        Item.create({"name": "Somebody else's directive", "assignee_ids": [(4, self.emp_head.id)]})
        summary = self.env["hr.work.diary"].with_user(self.staff).get_week_summary()
        self.assertEqual([item["id"] for item in summary["items"]], mine.ids)

    def test_meeting_task_lines_are_not_counted_twice(self):
        """The meeting-overlap flag leaves out the lines that declare the meeting itself."""
        meeting_task = self._create_task("HRCS.D.M1", name="Weekly briefing", group_id=self.group_d.id, is_meeting=True)
        meeting = self.env["hr.civil.meeting"].create(
            {
                "name": "HRCS briefing",
                "type_id": self.env.ref("hr_civil_service.meeting_type_briefing").id,
                "company_id": self.company.id,
                "date_start": datetime(2026, 11, 18, 1, 0),
                "duration": 2.0,
                "attendee_ids": [(0, 0, {"employee_id": self.emp_clerk.id})],
            }
        )
        meeting.action_schedule()
        declared = self._diary(
            lines=[
                self._task_line(meeting_task, claimed_hours=2.0),
                self._task_line(self.task_hour, quantity=6),
            ]
        )
        declared.action_submit()
        self.assertNotIn("meeting_overlap", self._codes(declared), "6 h of work + the 2 h meeting fit the day")
        padded = self._diary(MONDAY + timedelta(days=1), [self._task_line(self.task_hour, quantity=7)])
        meeting.date_start = datetime(2026, 11, 17, 1, 0)
        padded.action_submit()
        self.assertIn("meeting_overlap", self._codes(padded), "7 h besides a 2 h meeting is more than 8 h")
