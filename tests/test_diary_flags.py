from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common_diary import FRIDAY, MONDAY, THURSDAY, TODAY, TUESDAY, HrWorkDiaryCase

FRIDAY_NOON = "2026-11-20 12:00:00"
WEEK = [MONDAY + timedelta(days=offset) for offset in range(5)]


@tagged("post_install", "-at_install")
class TestDiaryFlags(HrWorkDiaryCase):
    """Each rule of the registry: one case it flags, one it leaves alone. Flags never block a submit."""

    def _week(self, hours, employee=None, copied=False, days=WEEK):
        """Sheets of the given days, each submitted; returns the last one."""
        diary = None
        for day in days:
            diary = self._day(day, hours, employee=employee, copied=copied)
        return diary

    @staticmethod
    def _explanation(diary, code):
        return diary.flag_ids.filtered(lambda flag: flag.code == code).explanation

    def test_flags_do_not_block_the_submit(self):
        diary = self._diary(lines=[self._task_line(self.task_hour, quantity=10)], user=self.staff)
        self.assertFalse(diary.flag_ids)
        diary.with_user(self.staff).action_submit()
        self.assertEqual(diary.state, "submitted")
        self.assertEqual(self._codes(diary), {"long_day"})
        self.assertEqual(diary.flag_count, 1)
        flag = diary.with_user(self.staff).flag_ids
        self.assertRecordValues(flag, [{"employee_id": self.emp_clerk.id, "severity": "info", "date": TODAY}])
        self.assertIn("10.0 h", flag.explanation)

    def test_flags_are_recomputed_on_resubmit(self):
        diary = self._diary(lines=[self._task_line(self.task_hour, quantity=10)], user=self.staff)
        diary.with_user(self.staff).action_submit()
        diary.with_user(self.supervisor).action_return("Too long a day")
        diary.line_ids.with_user(self.staff).write({"claimed_hours": 7.0})
        diary.with_user(self.staff).action_submit()
        self.assertFalse(diary.flag_ids)
        self.assertEqual(diary.flag_count, 0)

    def test_padding(self):
        # task_clerk: a standard of 2 h, padding above 1.5 × 2 = 3 h
        diary = self._diary(
            lines=[
                self._task_line(self.task_clerk, claimed_hours=3.5),
                self._task_line(self.task_clerk, claimed_hours=3.0),
            ]
        )
        diary.action_submit()
        padded = diary.line_ids.filtered(lambda line: line.claimed_hours == 3.5)
        self.assertEqual(diary.flag_ids.filtered(lambda f: f.code == "padding").line_id, padded)

    def test_no_padding_within_the_ratio(self):
        diary = self._diary(lines=[self._task_line(self.task_clerk, claimed_hours=3.0)])
        diary.action_submit()
        self.assertNotIn("padding", self._codes(diary))

    def test_long_day(self):
        self.assertIn("long_day", self._codes(self._day(TODAY, 8.5)))

    def test_no_long_day_at_eight_hours(self):
        self.assertNotIn("long_day", self._codes(self._day(TODAY, 8.0)))

    @freeze_time(FRIDAY_NOON)
    def test_long_week(self):
        friday = self._week(9.0)
        self.assertIn("long_week", self._codes(friday))
        self.assertNotIn("long_week", self._codes(friday.search([("date", "=", THURSDAY)])))

    @freeze_time(FRIDAY_NOON)
    def test_no_long_week_at_forty_hours(self):
        # the previous Friday belongs to another week
        self._day(date(2026, 11, 13), 12.0)
        friday = self._week(8.0)
        self.assertNotIn("long_week", self._codes(friday))

    @freeze_time(FRIDAY_NOON)
    def test_copied_standard_days(self):
        friday = self._week(8.0, copied=True)
        self.assertIn("copied_standard_days", self._codes(friday))
        self.assertIn("5 days running", self._explanation(friday, "copied_standard_days"))

    @freeze_time(FRIDAY_NOON)
    def test_no_copied_standard_days_when_the_streak_breaks(self):
        self._week(8.0, copied=True, days=WEEK[:2])
        self._day(WEEK[2], 8.0)  # typed, not copied
        friday = self._week(8.0, copied=True, days=WEEK[3:])
        self.assertNotIn("copied_standard_days", self._codes(friday))
        # nor copied lines that do not add up to exactly 8 h
        other = self._week(7.5, employee=self.emp_prosecutor_1, copied=True)
        self.assertNotIn("copied_standard_days", self._codes(other))

    def test_late_entry(self):
        # created on Wednesday 18/11 for Saturday 14/11: 4 days late, more than 3
        diary = self._day(date(2026, 11, 14), 2.0)
        self.assertIn("late_entry", self._codes(diary))
        self.assertIn("4 days after", self._explanation(diary, "late_entry"))

    def test_late_entry_created_later_than_the_day(self):
        with freeze_time("2026-11-12 09:00:00"):
            diary = self._diary(date(2026, 11, 12), employee=self.emp_clerk, user=self.supervisor)
        diary.with_user(self.supervisor).action_submit()
        self.assertNotIn("late_entry", self._codes(diary), "created on the day, submitted later: not late")

    def test_no_late_entry_within_three_days(self):
        diary = self._day(date(2026, 11, 15), 2.0)
        self.assertNotIn("late_entry", self._codes(diary))

    def test_near_duplicate(self):
        self._diary(
            MONDAY, [self._text_line("Drafted the indictment for case 12/2026 of the district", 4.0)]
        ).action_submit()
        tuesday = self._diary(
            TUESDAY, [self._text_line("Drafted the indictment for case 13/2026 of the district", 4.0)]
        )
        tuesday.action_submit()
        self.assertIn("near_duplicate", self._codes(tuesday))
        self.assertEqual(tuesday.flag_ids.line_id, tuesday.line_ids)
        self.assertIn("16/11/2026", self._explanation(tuesday, "near_duplicate"))

    def test_no_near_duplicate_for_different_work(self):
        self._diary(
            MONDAY, [self._text_line("Drafted the indictment for case 12/2026 of the district", 4.0)]
        ).action_submit()
        tuesday = self._diary(TUESDAY, [self._text_line("Questioned two witnesses of the fraud case", 4.0)])
        tuesday.action_submit()
        self.assertNotIn("near_duplicate", self._codes(tuesday))
        # catalogue task names repeat every day without being flagged
        self.assertNotIn("near_duplicate", self._codes(self._day(TODAY, 2.0)))

    @freeze_time(FRIDAY_NOON)
    def test_under_declared(self):
        friday = self._day(FRIDAY, 4.0)
        self.assertIn("under_declared", self._codes(friday))
        self.assertIn("40.0 scheduled hours", self._explanation(friday, "under_declared"))

    @freeze_time(FRIDAY_NOON)
    def test_no_under_declared(self):
        friday = self._week(5.0)  # 25 h of 40
        self.assertNotIn("under_declared", self._codes(friday))
        # judged on Fridays only
        thursday = self._day(THURSDAY, 1.0, employee=self.emp_prosecutor_1)
        self.assertNotIn("under_declared", self._codes(thursday))

    def _peers(self, hours_list):
        """Submitted lines of colleagues on the shared task (2 h per unit), one per sheet."""
        peers = [self.emp_prosecutor_1, self.emp_prosecutor_2, self.emp_head]
        for index, hours in enumerate(hours_list):
            day = date(2026, 11, 9) + timedelta(days=index // len(peers))
            diary = self._diary(
                day, [self._task_line(self.task_shared, claimed_hours=hours)], employee=peers[index % len(peers)]
            )
            diary.action_submit()

    def test_peer_outlier(self):
        self._peers([2.0, 2.0, 2.5, 1.5, 2.0, 2.0])
        diary = self._diary(lines=[self._task_line(self.task_shared, claimed_hours=10.0)])
        diary.action_submit()
        self.assertIn("peer_outlier", self._codes(diary))
        flag = diary.flag_ids.filtered(lambda f: f.code == "peer_outlier")
        self.assertEqual(flag.line_id, diary.line_ids)
        self.assertIn("median of 2.0 h", flag.explanation)

    def test_no_peer_outlier_within_the_range(self):
        self._peers([2.0, 2.0, 2.5, 1.5, 2.0, 2.0])
        diary = self._diary(lines=[self._task_line(self.task_shared, claimed_hours=2.5)])
        diary.action_submit()
        self.assertNotIn("peer_outlier", self._codes(diary))

    def test_no_peer_outlier_with_too_few_peers(self):
        self._peers([2.0, 2.0, 2.5, 1.5])
        diary = self._diary(lines=[self._task_line(self.task_shared, claimed_hours=10.0)])
        diary.action_submit()
        self.assertNotIn("peer_outlier", self._codes(diary))

    def test_inactive_rule_is_skipped(self):
        self.env.ref("hr_civil_service.flag_rule_long_day").active = False
        self.assertFalse(self._codes(self._day(TODAY, 10.0)))
