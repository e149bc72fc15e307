import statistics
from datetime import date, timedelta

from odoo import Command
from odoo.tests import tagged, warmup

from .common_diary import FRIDAY, MONDAY, TODAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestPerformanceGuards(HrWorkDiaryCase):
    """Query-count guards of the hot paths measured by benchmarks/ (no timing here: the figures are there)."""

    def _team(self, count):
        """``count`` more people in the prosecution division, each with an approved day."""
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"HRCS Extra {index}",
                    "company_id": self.company.id,
                    "department_id": self.dept_prosecution.id,
                    "job_id": self.job_prosecutor.id,
                    "parent_id": self.emp_head.id,
                }
                for index in range(count)
            ]
        )
        for employee in employees:
            self._approved(MONDAY, employee=employee, lines=[self._task_line(self.task_shared)])
        return employees

    def _count_queries(self, function):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_kpi_queries_independent_of_head_count(self):
        Kpi = self.env["hr.civil.kpi"]
        small = self.emp_clerk
        large = self.all_employees | self._team(12)
        Kpi.compute(large, MONDAY, FRIDAY)  # warm caches
        self.assertEqual(
            self._count_queries(lambda: Kpi.compute(small, MONDAY, FRIDAY)),
            self._count_queries(lambda: Kpi.compute(large, MONDAY, FRIDAY)),
        )

    def test_board_and_balance_queries_independent_of_head_count(self):
        def board():
            return self.env["hr.work.diary.board"].with_user(self.leader).create({"date": TODAY, "period": "week"})

        def balance():
            return (
                self.env["hr.work.diary.balance"]
                .with_user(self.leader)
                .create({"date_from": MONDAY, "date_to": FRIDAY})
            )

        for _warm in range(2):
            board()
            balance()
        before = (self._count_queries(board), self._count_queries(balance))
        lines_before = len(board().line_ids)
        self._team(12)
        for _warm in range(2):
            board()
            balance()
        after = (self._count_queries(board), self._count_queries(balance))
        self.assertLessEqual(after[0], before[0])
        self.assertLessEqual(after[1], before[1])
        self.assertGreater(len(board().line_ids), lines_before)

    def test_board_lines_written_as_the_orm_would(self):
        """The lines of a board are inserted in one statement: same values, log columns and access check."""
        self._day(MONDAY, 3.0)
        board = self.env["hr.work.diary.board"].with_user(self.leader).create({"date": TODAY, "period": "week"})
        line = board.line_ids.filtered(lambda item: item.employee_id == self.emp_clerk and item.date == MONDAY)
        self.assertRecordValues(
            line,
            [
                {
                    "status": "submitted",
                    "status_sequence": 1,
                    "claimed_hours": 3.0,
                    "schedule_hours": 8.0,
                    "create_uid": self.leader.id,
                    "diary_id": line.diary_id.id,
                }
            ],
        )
        self.assertTrue(line.create_date)
        balance = (
            self.env["hr.work.diary.balance"].with_user(self.leader).create({"date_from": MONDAY, "date_to": FRIDAY})
        )
        self.assertEqual(balance.line_ids.filtered(lambda item: item.employee_id == self.emp_clerk).standard_hours, 40)

    def test_peer_statistics_match_python(self):
        """Median and median absolute deviation from the database equal those of the statistics module."""
        peers = [self.emp_prosecutor_1, self.emp_prosecutor_2, self.emp_head]
        hours = [1.0, 1.5, 2.0, 2.5, 3.5, 4.0, 1.25, 6.0]  # an even count: the median is interpolated
        for index, value in enumerate(hours):
            day = date(2026, 11, 2) + timedelta(days=index // len(peers))
            self._diary(
                day, [self._task_line(self.task_shared, claimed_hours=value)], employee=peers[index % len(peers)]
            ).action_submit()
        own = self._diary(lines=[self._task_line(self.task_shared, claimed_hours=2.0)])
        rule = self.env.ref("hr_civil_service.flag_rule_peer_outlier")
        stats = rule._peer_statistics(own.line_ids, TODAY - timedelta(days=90))
        values = hours  # quantity 1: hours per unit are the hours claimed
        median = statistics.median(values)
        count, got_median, got_mad = stats[(self.task_shared.id, self.emp_clerk.id)]
        self.assertEqual(count, len(values))
        self.assertAlmostEqual(got_median, median, places=9)
        self.assertAlmostEqual(got_mad, statistics.median(abs(v - median) for v in values), places=9)
        # a colleague's own lines are left out of their peers
        colleague = self._diary(
            lines=[self._task_line(self.task_shared, claimed_hours=2.0)], employee=self.emp_prosecutor_1
        )
        stats = rule._peer_statistics(colleague.line_ids, TODAY - timedelta(days=90))
        self.assertEqual(stats[(self.task_shared.id, self.emp_prosecutor_1.id)][0], len(values) - 3)

    def test_schedules_shared_but_leaves_kept_apart(self):
        """People of one schedule share the computed days, except the one on leave."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Leave",
                "resource_id": self.emp_clerk.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": "2026-11-17 00:00:00",
                "date_to": "2026-11-17 23:59:59",
            }
        )
        days = self.all_employees._civil_day_schedule(MONDAY, FRIDAY)
        self.assertEqual(days[self.emp_clerk.id][date(2026, 11, 17)]["status"], "leave")
        self.assertEqual(days[self.emp_prosecutor_1.id][date(2026, 11, 17)]["status"], "work")
        self.assertEqual(days[self.emp_prosecutor_1.id], days[self.emp_prosecutor_2.id])
        self.assertIsNot(days[self.emp_prosecutor_1.id], days[self.emp_prosecutor_2.id])

    @warmup
    def test_submit_with_a_meeting_and_earlier_days(self):
        """The rules share one read of the sheets around and one schedule, however many look at them."""
        for day in (MONDAY, date(2026, 11, 17)):
            self._day(day, 8.0)
        meeting = self.env["hr.civil.meeting"].create(
            {
                "name": "Briefing",
                "type_id": self.env.ref("hr_civil_service.meeting_type_briefing").id,
                "company_id": self.company.id,
                "date_start": "2026-11-18 01:00:00",
                "duration": 1.0,
                "attendee_ids": [Command.create({"employee_id": self.emp_clerk.id})],
            }
        )
        meeting.with_context(civil_meeting_workflow=True).write({"state": "held"})
        diary = self._diary(lines=[self._task_line(self.task_hour, quantity=8)], user=self.staff)
        diary = diary.with_user(self.staff)
        self.env.invalidate_all()
        with self.assertQueryCount(41):  # observed; the approver's activity and follower are 13 of them
            diary.action_submit()
        self.assertIn("meeting_overlap", self._codes(diary))
