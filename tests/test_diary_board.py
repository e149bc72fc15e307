from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_diary import FRIDAY, MONDAY, THURSDAY, TODAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestDiaryBoard(HrWorkDiaryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Annual leave",
                "calendar_id": cls.calendar.id,
                "resource_id": cls.emp_prosecutor_2.resource_id.id,
                "company_id": cls.company.id,
                "date_from": datetime(2026, 11, 18, 0, 0),
                "date_to": datetime(2026, 11, 18, 23, 59),
            }
        )

    def _board(self, user, **vals):
        return self.env["hr.work.diary.board"].with_user(user).create(vals)

    def _statuses(self, board):
        return {(line.employee_id, line.date): line.status for line in board.line_ids}

    def test_board_of_a_day_for_a_leader(self):
        approved = self._approved(TODAY, employee=self.emp_prosecutor_1)
        returned = self._diary(TODAY, employee=self.emp_clerk)
        returned.action_submit()
        returned.action_return("Missing document numbers")
        self._day(TODAY, 3.0, employee=self.emp_office_head)
        board = self._board(self.leader)
        statuses = self._statuses(board)
        self.assertEqual(statuses[(self.emp_prosecutor_1, TODAY)], "approved")
        self.assertEqual(statuses[(self.emp_clerk, TODAY)], "returned")
        self.assertEqual(statuses[(self.emp_office_head, TODAY)], "submitted")
        self.assertEqual(statuses[(self.emp_prosecutor_2, TODAY)], "leave")
        self.assertEqual(statuses[(self.emp_head, TODAY)], "missing")
        self.assertRecordValues(
            board,
            [{"count_approved": 1, "count_returned": 1, "count_submitted": 1, "count_leave": 1, "count_missing": 1}],
        )
        line = board.line_ids.filtered(lambda item: item.employee_id == self.emp_clerk)
        self.assertEqual(line.return_reason, "Missing document numbers")
        self.assertEqual(line.action_open_diary()["res_id"], returned.id)
        self.assertEqual(approved.state, "approved")

    def test_board_of_a_week_with_a_holiday(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "National day",
                "calendar_id": self.calendar.id,
                "company_id": self.company.id,
                "date_from": datetime(2026, 11, 17, 0, 0),
                "date_to": datetime(2026, 11, 17, 23, 59),
            }
        )
        self._day(MONDAY, 8.0, employee=self.emp_prosecutor_1)
        board = self._board(self.leader, period="week")
        self.assertEqual((board.date_from, board.date_to), (MONDAY, MONDAY + timedelta(days=6)))
        statuses = self._statuses(board)
        self.assertEqual(statuses[(self.emp_prosecutor_1, MONDAY)], "submitted")
        self.assertEqual(statuses[(self.emp_prosecutor_1, TUESDAY)], "holiday")
        self.assertEqual(statuses[(self.emp_prosecutor_1, TODAY)], "missing")
        self.assertNotIn((self.emp_prosecutor_1, THURSDAY), statuses, "future days are not missing yet")
        self.assertNotIn((self.emp_prosecutor_1, date(2026, 11, 21)), statuses, "weekends are left out")
        self.assertEqual(board.count_holiday, len(self.all_employees))
        board.action_previous()
        self.assertEqual(board.date_from, date(2026, 11, 9))
        self.assertEqual(board.count_missing, 5 * len(self.all_employees))
        self.assertEqual(board.action_show_status.__name__, "action_show_status")
        action = board.with_context(board_status="missing").action_show_status()
        self.assertEqual(action["domain"], [("board_id", "=", board.id), ("status", "=", "missing")])

    def test_board_shows_only_the_supervisors_team(self):
        board = self._board(self.head_user)
        self.assertEqual(
            board.line_ids.employee_id, self.emp_prosecutor_1 | self.emp_prosecutor_2, "their people, not themselves"
        )
        office = self._board(self.supervisor)
        self.assertEqual(office.line_ids.employee_id, self.emp_clerk)

    def test_board_refused_to_staff(self):
        with self.assertRaises(AccessError):
            self._board(self.staff)

    def test_remind_a_missing_person(self):
        board = self._board(self.supervisor)
        line = board.line_ids.filtered(lambda item: item.employee_id == self.emp_clerk)
        self.assertEqual(line.status, "missing")
        line.action_remind()
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "hr.employee"), ("res_id", "=", self.emp_clerk.id), ("user_id", "=", self.staff.id)]
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("18/11/2026", activity.summary)

    def test_board_query_count_does_not_grow_with_the_team(self):
        self._board(self.leader)  # warm caches
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=40, leader=40):
            self._board(self.leader)


@tagged("post_install", "-at_install")
class TestWorkloadBalance(HrWorkDiaryCase):
    def test_over_and_under_loaded(self):
        # the week of 9–13/11: prosecutor 1 converts 60 h, the clerk 10 h, prosecutor 2 40 h (entered by a leader)
        for offset in range(5):
            day = date(2026, 11, 9) + timedelta(days=offset)
            for employee, units in ((self.emp_prosecutor_1, 4), (self.emp_clerk, 1), (self.emp_prosecutor_2, 8)):
                task = self.task_prosecutor if employee == self.emp_prosecutor_1 else self.task_hour
                diary = (
                    self.env["hr.work.diary"]
                    .with_user(self.leader)
                    .create(
                        {
                            "employee_id": employee.id,
                            "date": day,
                            "line_ids": [(0, 0, {"task_id": task.id, "quantity": units})],
                        }
                    )
                )
                diary.with_user(self.leader).action_submit()
        balance = (
            self.env["hr.work.diary.balance"]
            .with_user(self.leader)
            .create({"date_from": date(2026, 11, 9), "date_to": date(2026, 11, 13)})
        )
        lines = {line.employee_id: line for line in balance.line_ids}
        self.assertRecordValues(
            lines[self.emp_prosecutor_1],
            [{"standard_hours": 40.0, "converted_hours": 60.0, "load_ratio": 150.0, "load_status": "over"}],
        )
        self.assertRecordValues(lines[self.emp_clerk], [{"converted_hours": 5.0, "load_status": "under"}])
        self.assertRecordValues(lines[self.emp_prosecutor_2], [{"converted_hours": 40.0, "load_status": "balanced"}])
        self.assertEqual(lines[self.emp_head].load_status, "under", "nothing logged")
        self.assertEqual((balance.count_over, balance.count_balanced), (1, 1))
        approved_only = (
            self.env["hr.work.diary.balance"]
            .with_user(self.leader)
            .create({"date_from": date(2026, 11, 9), "date_to": date(2026, 11, 13), "approved_only": True})
        )
        self.assertEqual(sum(approved_only.line_ids.mapped("converted_hours")), 0.0)

    def test_leave_lowers_the_standard_hours(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Sick leave",
                "calendar_id": self.calendar.id,
                "resource_id": self.emp_clerk.resource_id.id,
                "company_id": self.company.id,
                "date_from": datetime(2026, 11, 16, 0, 0),
                "date_to": datetime(2026, 11, 17, 23, 59),
            }
        )
        balance = (
            self.env["hr.work.diary.balance"]
            .with_user(self.supervisor)
            .create({"date_from": MONDAY, "date_to": FRIDAY})
        )
        self.assertRecordValues(
            balance.line_ids, [{"employee_id": self.emp_clerk.id, "working_days": 3, "standard_hours": 24.0}]
        )

    def test_bad_period(self):
        with self.assertRaises(UserError):
            self.env["hr.work.diary.balance"].with_user(self.leader).create({"date_from": FRIDAY, "date_to": MONDAY})
        with self.assertRaises(UserError):
            self.env["hr.work.diary.balance"].with_user(self.leader).create(
                {"overload_ratio": 0.5, "underload_ratio": 0.8}
            )


@tagged("post_install", "-at_install")
class TestDiaryAnalysis(HrWorkDiaryCase):
    def test_converted_hours_by_task_group(self):
        self._approved(TODAY, lines=[self._task_line(self.task_clerk, quantity=2), self._task_line(self.task_shared)])
        self._day(MONDAY, 3.0, employee=self.emp_prosecutor_1)
        Report = self.env["hr.work.diary.report"]
        groups = dict(
            Report._read_group([("employee_id", "=", self.emp_clerk.id)], ["task_group_id"], ["converted_hours:sum"])
        )
        self.assertAlmostEqual(groups[self.group_c], 4.8)  # 2 × 2 h × 1.2
        self.assertAlmostEqual(groups[self.group_b], 2.0 * self.task_shared.coefficient)
        total = Report._read_group(
            [("state", "=", "approved"), ("employee_id", "in", self.all_employees.ids)], [], ["converted_hours:sum"]
        )[0][0]
        self.assertAlmostEqual(total, 4.8 + 2.0 * self.task_shared.coefficient)

    def test_staff_see_their_own_lines_only(self):
        self._day(TODAY, 2.0)
        self._day(TODAY, 3.0, employee=self.emp_prosecutor_1)
        rows = self.env["hr.work.diary.report"].with_user(self.staff).search([])
        self.assertEqual(rows.employee_id, self.emp_clerk)
        rows = self.env["hr.work.diary.report"].with_user(self.head_user).search([])
        self.assertEqual(rows.employee_id, self.emp_prosecutor_1)
        self.assertEqual(len(self.env["hr.work.diary.report"].with_user(self.leader).search([])), 2)
