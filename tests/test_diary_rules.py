from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_diary import MONDAY, THURSDAY, TODAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestDiaryRules(HrWorkDiaryCase):
    """Blocking rules: a clear error and nothing saved."""

    def assertNothingSaved(self, employee=None):
        self.assertEqual(self._diary_count(employee), 0)

    def test_no_future_day(self):
        with self.assertRaisesMessage(ValidationError, "in the future"):
            self._diary(THURSDAY, user=self.staff)
        with self.assertRaisesMessage(ValidationError, "in the future"):
            self._diary(THURSDAY, employee=self.emp_clerk, user=self.supervisor)
        self.assertNothingSaved()

    def test_future_date_by_write(self):
        diary = self._diary(user=self.staff)
        with self.assertRaisesMessage(ValidationError, "in the future"):
            diary.with_user(self.staff).write({"date": THURSDAY})
        self.assertEqual(diary.date, TODAY)

    def test_backdating_window(self):
        # 18/11 minus 7 days: 11/11 is still open to the employee, 10/11 is not.
        with self.assertRaisesMessage(ValidationError, "7-day backdating window"):
            self._diary(date(2026, 11, 10), user=self.staff)
        self.assertNothingSaved()
        self.assertTrue(self._diary(date(2026, 11, 11), user=self.staff))

    def test_supervisor_may_backdate_for_their_employee(self):
        diary = self._diary(date(2026, 11, 2), employee=self.emp_clerk, user=self.supervisor)
        self.assertEqual(diary.date, date(2026, 11, 2))
        diary.with_user(self.supervisor).action_submit()
        self.assertEqual(diary.state, "submitted")

    def test_claimed_hours_bounds(self):
        for hours in (0.0, -1.0, 25.0):
            with self.subTest(hours=hours), self.assertRaisesMessage(ValidationError, "more than 0 and at most 24"):
                self._diary(lines=[self._task_line(self.task_shared, claimed_hours=hours)], user=self.staff)
        with self.assertRaisesMessage(ValidationError, "more than 0 and at most 24"):
            self._diary(lines=[self._text_line("Meeting with the inspection team", 0.0)], user=self.staff)
        self.assertNothingSaved()

    def test_daily_total_at_most_twelve_hours(self):
        with self.assertRaisesMessage(ValidationError, "above the daily maximum of 12.0 hours"):
            self._diary(
                lines=[
                    self._task_line(self.task_hour, quantity=7),
                    self._task_line(self.task_hour, quantity=6),
                ],
                user=self.staff,
            )
        self.assertNothingSaved()

        diary = self._diary(lines=[self._task_line(self.task_hour, quantity=10)], user=self.staff)
        with self.assertRaisesMessage(ValidationError, "daily maximum"):
            diary.with_user(self.staff).write(
                {"line_ids": [Command.create(self._task_line(self.task_hour, quantity=3))]}
            )
        with self.assertRaisesMessage(ValidationError, "daily maximum"):
            self.env["hr.work.diary.line"].with_user(self.staff).create(
                self._task_line(self.task_hour, quantity=3, diary_id=diary.id)
            )
        with self.assertRaisesMessage(ValidationError, "daily maximum"):
            diary.line_ids.with_user(self.staff).write({"claimed_hours": 12.5})
        self.assertEqual(len(diary.line_ids), 1)
        self.assertEqual(diary.total_claimed_hours, 10.0)
        # exactly 12 is allowed
        diary.line_ids.with_user(self.staff).write({"claimed_hours": 12.0})
        self.assertEqual(diary.total_claimed_hours, 12.0)

    def test_quantity_must_be_positive(self):
        for quantity in (0.0, -2.0):
            with self.subTest(quantity=quantity), self.assertRaisesMessage(ValidationError, "quantity"):
                self._diary(
                    lines=[self._task_line(self.task_shared, quantity=quantity, claimed_hours=1.0)],
                    user=self.staff,
                )
        self.assertNothingSaved()

    def test_task_valid_on_the_date(self):
        for task in (self.task_expired, self.task_not_yet):
            with self.subTest(task=task.code), self.assertRaisesMessage(ValidationError, "is not valid on 18/11/2026"):
                self._diary(lines=[self._task_line(task)], user=self.staff)
        self.assertNothingSaved()
        # valid on 31/10 (entered by the supervisor, beyond the backdating window)
        diary = self._diary(
            date(2026, 10, 30), [self._task_line(self.task_expired)], employee=self.emp_clerk, user=self.supervisor
        )
        self.assertEqual(diary.line_ids.task_id, self.task_expired)

    def test_task_of_another_position(self):
        with self.assertRaisesMessage(ValidationError, "does not belong to the position of HRCS Clerk"):
            self._diary(lines=[self._task_line(self.task_prosecutor)], user=self.staff)
        self.assertNothingSaved()
        with self.assertRaisesMessage(ValidationError, "does not belong to the position"):
            self._diary(lines=[self._task_line(self.task_clerk)], employee=self.emp_prosecutor_1)
        self.assertNothingSaved(self.emp_prosecutor_1)

    def test_open_groups_are_open_to_everyone(self):
        lines = [self._task_line(self.task_shared), self._task_line(self.task_hour)]
        clerk_diary = self._diary(lines=lines, user=self.staff)
        prosecutor_diary = self._diary(
            lines=lines + [self._task_line(self.task_prosecutor)], employee=self.emp_prosecutor_1
        )
        self.assertEqual(len(clerk_diary.line_ids), 2)
        self.assertEqual(len(prosecutor_diary.line_ids), 3)

    def test_one_sheet_per_employee_and_day(self):
        self._diary(user=self.staff)
        with self.assertRaisesMessage(ValidationError, "already has a diary sheet for 18/11/2026"):
            self._diary(employee=self.emp_clerk)
        with self.assertRaisesMessage(ValidationError, "one diary sheet per day"):
            self.env["hr.work.diary"].create([{"employee_id": self.emp_prosecutor_1.id, "date": TUESDAY}] * 2)
        other = self._diary(MONDAY, user=self.staff)
        with self.assertRaisesMessage(ValidationError, "already has a diary sheet"):
            other.with_user(self.staff).write({"date": TODAY})
        self.assertEqual(self._diary_count(), 2)
        self.assertEqual(self._diary_count(self.emp_prosecutor_1), 0)

    def test_one_sheet_a_day_with_default_values(self):
        """The employee and the date left to their defaults (the New button) are checked as well."""
        self.env["hr.work.diary"].with_user(self.staff).create({})
        with self.assertRaisesMessage(ValidationError, "already has a diary sheet"):
            self.env["hr.work.diary"].with_user(self.staff).create({})
        self.assertEqual(self._diary_count(), 1)

    def test_submit_checks_again(self):
        """A sheet whose lines were emptied cannot be submitted; nor a day gone out of the window."""
        diary = self._diary(date(2026, 11, 12), user=self.staff)
        diary.line_ids.with_user(self.staff).unlink()
        with self.assertRaisesMessage(UserError, "Add at least one task"):
            diary.with_user(self.staff).action_submit()
