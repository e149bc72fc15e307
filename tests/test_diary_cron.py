from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common_diary import MONDAY, TODAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestDiaryCron(HrWorkDiaryCase):
    def _reminders(self, employee):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.employee"),
                ("res_id", "=", employee.id),
                ("activity_type_id", "=", self.env.ref("hr_civil_service.mail_activity_type_diary_reminder").id),
            ]
        )

    def _mails(self, email):
        return self.env["mail.mail"].search([("email_to", "=", email)])

    def _approver_notices(self, diary):
        return self.env["mail.message"].search(
            [
                ("model", "=", "hr.work.diary"),
                ("res_id", "=", diary.id),
                ("message_type", "=", "user_notification"),
                ("subject", "=", "Diary waiting for approval"),
            ]
        )

    # ------------------------------------------------------------------
    # Missing days
    # ------------------------------------------------------------------
    def test_remind_missing_previous_working_day(self):
        # Wednesday: the previous working day is Tuesday. The office head submitted it, the division head only
        # drafted it, the clerk has nothing.
        self._day(TUESDAY, 8.0, employee=self.emp_office_head)
        self._day(TUESDAY, 8.0, employee=self.emp_head, submit=False)
        Diary = self.env["hr.work.diary"]
        Diary._cron_remind_missing()

        reminder = self._reminders(self.emp_clerk)
        self.assertRecordValues(
            reminder, [{"user_id": self.staff.id, "summary": "Work diary of 17/11/2026", "date_deadline": TODAY}]
        )
        mail = self._mails("hrcs.clerk@example.com")
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Work diary of 17/11/2026")
        self.assertIn("17/11/2026", str(mail.body_html))
        self.assertTrue(self._reminders(self.emp_head), "a draft is not a submitted day")
        self.assertFalse(self._reminders(self.emp_office_head))
        self.assertFalse(self._reminders(self.emp_prosecutor_1), "an employee without a user is not reminded")

        # not twice for the same day
        Diary._cron_remind_missing()
        self.assertEqual(self._reminders(self.emp_clerk), reminder)
        self.assertEqual(len(self._mails("hrcs.clerk@example.com")), 1)

    def test_remind_missing_skips_the_weekend(self):
        with freeze_time("2026-11-23 07:00:00"):  # a Monday: the previous working day is Friday
            self.env["hr.work.diary"]._cron_remind_missing()
        self.assertEqual(self._reminders(self.emp_clerk).summary, "Work diary of 20/11/2026")

    def test_no_reminder_when_the_day_is_submitted(self):
        self._day(TUESDAY, 8.0)
        self.env["hr.work.diary"]._cron_remind_missing()
        self.assertFalse(self._reminders(self.emp_clerk))
        self.assertFalse(self._mails("hrcs.clerk@example.com"))

    # ------------------------------------------------------------------
    # Approvers
    # ------------------------------------------------------------------
    def test_remind_approvers_after_the_delay(self):
        with freeze_time("2026-11-16 09:00:00"):
            diary = self._day(MONDAY, 8.0)
            approved = self._approved(MONDAY, employee=self.emp_prosecutor_1)
        Diary = self.env["hr.work.diary"]
        with freeze_time("2026-11-17 10:00:00"):
            Diary._cron_remind_approvers()
        self.assertFalse(self._approver_notices(diary), "1 day is within the 2-day delay")

        with freeze_time("2026-11-18 10:00:00"):
            Diary._cron_remind_approvers()
            Diary._cron_remind_approvers()
        notice = self._approver_notices(diary)
        self.assertEqual(len(notice), 1, "once a day")
        self.assertEqual(notice.partner_ids, self.supervisor.partner_id)
        self.assertIn("waiting for your approval since 16/11/2026", notice.body)
        self.assertEqual(diary.approval_reminded_date, TODAY)
        self.assertFalse(self._approver_notices(approved))

        with freeze_time("2026-11-19 10:00:00"):
            Diary._cron_remind_approvers()
        self.assertEqual(len(self._approver_notices(diary)), 2)

    def test_no_approver_reminder_once_decided(self):
        with freeze_time("2026-11-16 09:00:00"):
            diary = self._day(MONDAY, 8.0)
        diary.with_user(self.supervisor).action_return("Missing product reference")
        self.env["hr.work.diary"]._cron_remind_approvers()
        self.assertFalse(self._approver_notices(diary))

    # ------------------------------------------------------------------
    # Month close
    # ------------------------------------------------------------------
    def _october(self):
        with freeze_time("2026-10-23 10:00:00"):
            draft = self._day(date(2026, 10, 20), 8.0, submit=False)
            submitted = self._day(date(2026, 10, 21), 8.0)
            approved = self._approved(date(2026, 10, 22))
        november = self._day(date(2026, 11, 2), 8.0, submit=False)
        return draft, submitted, approved, november

    def test_close_month_after_the_close_day(self):
        draft, submitted, approved, november = self._october()
        with freeze_time("2026-11-26 01:00:00"):
            self.env["hr.work.diary"]._cron_close_month()
        self.assertEqual((draft | submitted | approved | november).mapped("is_late"), [True, True, False, False])

    def test_no_close_before_the_close_day(self):
        records = self._october()
        with freeze_time("2026-11-25 22:00:00"):
            self.env["hr.work.diary"]._cron_close_month()
        self.assertFalse(any(diary.is_late for diary in records))
