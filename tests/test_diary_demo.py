from collections import Counter

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDiaryDemo(TransactionCase):
    """The demo diaries of the demo agency (only when the database holds the demo data)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff_employee = cls.env.ref("hr_civil_service.employee_p1_prosecutor_1_demo", raise_if_not_found=False)
        cls.Diary = cls.env["hr.work.diary"]

    def setUp(self):
        super().setUp()
        if not self.staff_employee or not self.Diary.search_count([("employee_id", "=", self.staff_employee.id)]):
            self.skipTest("no demo diaries in this database")

    def _demo_sheets(self):
        return self.Diary.search([("company_id", "=", self.staff_employee.company_id.id)])

    def test_states_and_flags(self):
        sheets = self._demo_sheets()
        states = Counter(sheets.mapped(lambda sheet: sheet.state))
        self.assertTrue(all(states[state] for state in ("draft", "submitted", "approved", "returned")), states)
        approved = sheets.filtered(lambda sheet: sheet.state == "approved")
        self.assertTrue(all(approved.mapped("approved_by_id")), "every approved sheet names its approver")
        codes = set(self.env["hr.work.diary.flag"].search([("diary_id", "in", sheets.ids)]).mapped("code"))
        rules = self.env["hr.work.diary.flag.rule"].search([])
        self.assertEqual(set(rules.mapped("code")) - codes, set(), "each flag rule is tripped at least once")
        for sheet in sheets:
            self.assertLessEqual(sheet.total_claimed_hours, sheet.company_id.civil_diary_max_daily_hours)
        free_text = sheets.line_ids.filtered(lambda line: not line.task_id and line.approved_converted_hours_set)
        self.assertTrue(free_text and all(free_text.mapped("adjustment_reason")))
        unset = approved.line_ids.filtered(lambda line: not line.task_id and not line.approved_converted_hours_set)
        self.assertFalse(unset, "an approved sheet has no free-text line left without converted hours")

    def test_the_demo_users(self):
        staff = self.env.ref("hr_civil_service.user_staff_demo")
        mine = self.Diary.with_user(staff).search([("employee_id.user_id", "=", staff.id)])
        returned = mine.filtered(lambda sheet: sheet.state == "returned")
        self.assertTrue(returned and all(returned.mapped("return_reason")))
        today = fields.Date.context_today(self.Diary.with_user(staff))
        self.assertEqual(mine.filtered(lambda sheet: sheet.date == max(mine.mapped("date"))).state, "draft")
        self.assertLessEqual(max(mine.mapped("date")), today)

        supervisor = self.env.ref("hr_civil_service.user_supervisor_demo")
        waiting = self.Diary.with_user(supervisor).search([("state", "=", "submitted")])
        self.assertTrue(waiting.filtered(lambda sheet: sheet.can_approve))

        clerk = self.env.ref("hr_civil_service.employee_office_clerk_demo")
        self.assertTrue(clerk.user_id.share, "the clerk is the portal demo user")
        self.assertTrue(self.Diary.search_count([("employee_id", "=", clerk.id)]))

    def test_generation_is_idempotent(self):
        before = self.Diary.search_count([])
        lines = self.env["hr.work.diary.line"].search_count([])
        self.Diary._generate_demo_diaries()
        self.assertEqual(self.Diary.search_count([]), before)
        self.assertEqual(self.env["hr.work.diary.line"].search_count([]), lines)
