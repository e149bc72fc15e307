from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_diary import MONDAY, TODAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestDiaryLocking(HrWorkDiaryCase):
    def _assert_locked(self, diary, user):
        """No write, deletion or new line on the sheet or its lines, as a client would call them."""
        as_user = diary.with_user(user)
        line = diary.line_ids[:1].with_user(user)
        attempts = {
            "write date": lambda: as_user.write({"date": MONDAY}),
            "write employee": lambda: as_user.write({"employee_id": self.emp_prosecutor_1.id}),
            "add line": lambda: as_user.write({"line_ids": [Command.create(self._task_line(self.task_shared))]}),
            "remove line": lambda: as_user.write({"line_ids": [Command.delete(line.id)]}),
            "create line": lambda: (
                self.env["hr.work.diary.line"]
                .with_user(user)
                .create(self._task_line(self.task_shared, diary_id=diary.id))
            ),
            "write line": lambda: line.write({"claimed_hours": 1.0}),
            "write line task": lambda: line.write({"task_id": self.task_shared.id}),
            "unlink line": lambda: line.unlink(),
            "unlink sheet": lambda: as_user.unlink(),
        }
        for name, attempt in attempts.items():
            with self.subTest(user=user.login, attempt=name), self.assertRaises(UserError):
                attempt()

    def test_approved_sheet_is_locked(self):
        diary = self._approved(lines=[self._task_line(self.task_clerk, quantity=2)])
        for user in (self.staff, self.supervisor, self.leader):
            self._assert_locked(diary, user)
        self.assertRecordValues(
            diary, [{"state": "approved", "date": TODAY, "employee_id": self.emp_clerk.id, "total_claimed_hours": 4.0}]
        )
        self.assertEqual(len(diary.line_ids), 1)

    def test_approved_sheet_workflow_fields_are_protected(self):
        """Writing the state directly, as an RPC client could, must not unlock or approve a sheet."""
        diary = self._approved()
        with self.assertRaises(UserError):
            diary.with_user(self.staff).write({"state": "draft"})
        draft = self._diary(MONDAY, user=self.staff)
        with self.assertRaises(UserError):
            draft.with_user(self.staff).write({"state": "approved"})
        line = draft.line_ids.with_user(self.staff)
        with self.assertRaises(UserError):
            line.write({"approved_converted_hours": 20.0, "approved_converted_hours_set": True})
        self.assertEqual((diary | draft).mapped("state"), ["approved", "draft"])

    def test_submitted_sheet_is_locked_for_the_employee(self):
        diary = self._diary(lines=[self._task_line(self.task_clerk)], user=self.staff)
        diary.with_user(self.staff).action_submit()
        self._assert_locked(diary, self.staff)
        self.assertFalse(diary.with_user(self.staff).can_edit)
        # the approver may still correct it before deciding
        diary.line_ids.with_user(self.supervisor).write({"claimed_hours": 2.5})
        self.assertEqual(diary.total_claimed_hours, 2.5)

    def test_draft_and_returned_sheets_are_editable(self):
        diary = self._diary(user=self.staff)
        diary.line_ids.with_user(self.staff).write({"quantity": 3})
        self.assertEqual(diary.total_claimed_hours, 3.0, "the claim follows the standard of the new quantity")
        diary.with_user(self.staff).action_submit()
        diary.with_user(self.supervisor).action_return("Split the reception hours")
        diary.with_user(self.staff).write({"line_ids": [Command.create(self._task_line(self.task_hour))]})
        self.assertEqual(len(diary.line_ids), 2)
        diary.with_user(self.staff).unlink()
        self.assertFalse(diary.exists())


@tagged("post_install", "-at_install")
class TestDiaryAccess(HrWorkDiaryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Diary = cls.env["hr.work.diary"]
        cls.diary_clerk = Diary.create({"employee_id": cls.emp_clerk.id, "date": MONDAY})
        cls.diary_office_head = Diary.create({"employee_id": cls.emp_office_head.id, "date": MONDAY})
        cls.diary_prosecutor = Diary.create({"employee_id": cls.emp_prosecutor_1.id, "date": MONDAY})
        cls.diary_head = Diary.create({"employee_id": cls.emp_head.id, "date": MONDAY})
        cls.employee_other = (
            cls.env["hr.employee"]
            .with_company(cls.company_2)
            .create({"name": "HRCS Other Official", "company_id": cls.company_2.id, "department_id": cls.dept_other.id})
        )
        cls.diary_other = Diary.with_company(cls.company_2).create(
            {"employee_id": cls.employee_other.id, "date": MONDAY}
        )
        cls.company_diaries = cls.diary_clerk | cls.diary_office_head | cls.diary_prosecutor | cls.diary_head

    def _visible(self, user):
        return self.env["hr.work.diary"].with_user(user).search([("id", "in", self.all_diaries.ids)])

    @property
    def all_diaries(self):
        return self.company_diaries | self.diary_other

    def test_staff_see_only_their_own_sheets(self):
        self.assertEqual(self._visible(self.staff), self.diary_clerk)
        with self.assertRaises(AccessError):
            self.diary_prosecutor.with_user(self.staff).read(["date"])
        with self.assertRaises(AccessError):
            self.diary_office_head.with_user(self.staff).write({"date": TUESDAY})

    def test_supervisor_sees_their_people_not_other_units(self):
        self.assertEqual(self._visible(self.supervisor), self.diary_clerk | self.diary_office_head)
        self.assertEqual(self._visible(self.head_user), self.diary_prosecutor | self.diary_head)
        with self.assertRaises(AccessError):
            self.diary_prosecutor.with_user(self.supervisor).read(["date"])

    def test_leader_sees_every_sheet_of_the_agency(self):
        self.assertEqual(self._visible(self.leader), self.company_diaries)
        self.assertEqual(self._visible(self.manager), self.company_diaries)

    def test_lines_follow_the_sheets(self):
        lines = self._diary(MONDAY, employee=self.emp_prosecutor_2).line_ids
        lines |= self.diary_clerk.line_ids.create(self._task_line(self.task_hour, diary_id=self.diary_clerk.id))
        Line = self.env["hr.work.diary.line"]
        self.assertEqual(Line.with_user(self.staff).search([("id", "in", lines.ids)]), self.diary_clerk.line_ids)
        self.assertEqual(Line.with_user(self.leader).search([("id", "in", lines.ids)]), lines)

    def test_staff_cannot_create_a_sheet_for_someone_else(self):
        for employee in (self.emp_prosecutor_2, self.emp_office_head):
            before = self._diary_count(employee)
            with self.subTest(employee=employee.name), self.assertRaises(AccessError):
                self._diary(TODAY, employee=employee, user=self.staff)
            self.assertEqual(self._diary_count(employee), before)

    def test_staff_cannot_submit_or_approve_for_someone_else(self):
        with self.assertRaises(AccessError):
            self.diary_prosecutor.with_user(self.staff).action_submit()
        self.diary_prosecutor.line_ids.create(self._task_line(self.task_shared, diary_id=self.diary_prosecutor.id))
        self.diary_prosecutor.action_submit()
        with self.assertRaises(AccessError):
            self.diary_prosecutor.with_user(self.supervisor).action_approve()

    def test_multi_company_isolation(self):
        self.assertNotIn(self.diary_other, self._visible(self.leader))
        with self.assertRaises(AccessError):
            self.diary_other.with_user(self.leader).read(["date"])
        # seen from its own agency only
        other_leader = new_test_user(
            self.env,
            login="hrcs_other_leader",
            groups="hr_civil_service.group_leader",
            company_id=self.company_2.id,
            company_ids=[Command.set(self.company_2.ids)],
        )
        visible = (
            self.env["hr.work.diary"]
            .with_user(other_leader)
            .with_context(allowed_company_ids=self.company_2.ids)
            .search([("id", "in", self.all_diaries.ids)])
        )
        self.assertEqual(visible, self.diary_other)
