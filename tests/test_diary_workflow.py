from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tests.common import warmup

from .common_diary import MONDAY, TODAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestDiaryWorkflow(HrWorkDiaryCase):
    def test_create_defaults_to_the_users_employee(self):
        diary = self._diary(lines=[self._task_line(self.task_clerk)], user=self.staff)
        self.assertRecordValues(
            diary,
            [
                {
                    "employee_id": self.emp_clerk.id,
                    "date": TODAY,
                    "company_id": self.company.id,
                    "department_id": self.dept_office.id,
                    "job_id": self.job_clerk.id,
                    "approver_id": self.supervisor.id,
                    "state": "draft",
                    "can_edit": True,
                }
            ],
        )

    def test_approver_is_the_manager_then_the_department_manager_then_a_leader(self):
        self.emp_prosecutor_1.parent_id = self.emp_office_head
        self.emp_prosecutor_2.parent_id = False
        by_manager = self._diary(employee=self.emp_prosecutor_1)
        by_department = self._diary(employee=self.emp_prosecutor_2)
        # The head manages their own department and has nobody above them.
        by_leader = self._diary(employee=self.emp_head)
        self.assertEqual(by_manager.approver_id, self.supervisor)
        self.assertEqual(by_department.approver_id, self.head_user)
        self.assertFalse(by_leader.approver_id)

        by_leader.with_user(self.head_user).action_submit()
        with self.assertRaises(AccessError):
            by_leader.with_user(self.head_user).action_approve()
        by_leader.with_user(self.leader).action_approve()
        self.assertEqual(by_leader.state, "approved")
        self.assertEqual(by_leader.approved_by_id, self.leader)

    def test_submit_needs_a_line(self):
        diary = self._diary(lines=[], user=self.staff)
        with self.assertRaisesMessage(UserError, "Add at least one task"):
            diary.with_user(self.staff).action_submit()
        self.assertEqual(diary.state, "draft")

    def test_submit_then_approve_by_the_approver(self):
        diary = self._diary(lines=[self._task_line(self.task_clerk)], user=self.staff)
        diary.with_user(self.staff).action_submit()
        self.assertEqual(diary.state, "submitted")
        self.assertEqual(diary.submitted_date, self.env.cr.now())
        activity_type = self.env.ref("hr_civil_service.mail_activity_type_diary_approval")
        activity = diary.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(activity.user_id, self.supervisor)
        with self.assertRaisesMessage(UserError, "Only a draft or returned diary"):
            diary.with_user(self.staff).action_submit()

        # Neither the employee nor the head of another unit may approve.
        for user in (self.staff, self.head_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                diary.with_user(user).action_approve()

        diary.with_user(self.supervisor).action_approve()
        self.assertRecordValues(diary, [{"state": "approved", "approved_by_id": self.supervisor.id}])
        self.assertFalse(diary.activity_ids)
        self.assertIn("Diary approved.", self._last_message(diary).body)
        with self.assertRaisesMessage(UserError, "not waiting for approval"):
            diary.with_user(self.supervisor).action_approve()

    def test_return_needs_a_reason_then_resubmit(self):
        diary = self._diary(user=self.staff)
        diary.with_user(self.staff).action_submit()
        approver_diary = diary.with_user(self.supervisor)

        action = approver_diary.action_return()
        self.assertEqual(action["res_model"], "hr.work.diary.return.wizard")
        with self.assertRaisesMessage(UserError, "Say why"):
            approver_diary.action_return("   ")
        self.assertEqual(diary.state, "submitted")

        approver_diary.action_return("  Add the product reference.  ")
        self.assertRecordValues(diary, [{"state": "returned", "return_reason": "Add the product reference."}])
        message = self._last_message(diary)
        self.assertIn("Add the product reference.", message.body)
        self.assertIn(self.staff.partner_id, message.partner_ids)

        # The employee corrects the returned sheet and submits again; the reason is cleared.
        diary.line_ids.with_user(self.staff).write({"product_ref": "15/CT-VKS"})
        diary.with_user(self.staff).action_submit()
        self.assertRecordValues(diary, [{"state": "submitted", "return_reason": False}])

    def test_return_through_the_wizard(self):
        diary = self._diary(user=self.staff)
        diary.with_user(self.staff).action_submit()
        wizard_model = self.env["hr.work.diary.return.wizard"].with_user(self.supervisor)
        with Form(wizard_model.with_context(active_model="hr.work.diary", active_ids=diary.ids)) as form:
            form.reason = "The hours do not match the case file."
        form.record.action_confirm()
        self.assertRecordValues(
            diary, [{"state": "returned", "return_reason": "The hours do not match the case file."}]
        )
        self.assertIn("The hours do not match the case file.", self._last_message(diary).body)

    def test_approve_many_sheets_at_once(self):
        diaries = self._diary(employee=self.emp_clerk)
        diaries |= self._diary(employee=self.emp_prosecutor_1)
        diaries |= self._diary(employee=self.emp_prosecutor_2, day=MONDAY)
        diaries.action_submit()
        diaries.with_user(self.leader).action_approve()
        self.assertEqual(set(diaries.mapped("state")), {"approved"})
        self.assertEqual(diaries.approved_by_id, self.leader)
        for diary in diaries:
            self.assertIn("Diary approved.", self._last_message(diary).body)

    def test_free_text_line_blocks_approval_until_hours_are_set(self):
        diary = self._diary(
            lines=[self._task_line(self.task_clerk), self._text_line("Training on the new case software", 3.0)],
            user=self.staff,
        )
        free_text = diary.line_ids.filtered(lambda line: not line.task_id)
        self.assertEqual(free_text.converted_hours, 0.0)
        diary.with_user(self.staff).action_submit()
        approver_diary = diary.with_user(self.supervisor)
        with self.assertRaisesMessage(UserError, "Training on the new case software"):
            approver_diary.action_approve()

        with self.assertRaisesMessage(UserError, "Only the approver"):
            free_text.with_user(self.staff).action_set_converted_hours(2.5, "I say so")
        with self.assertRaisesMessage(UserError, "Say why"):
            free_text.with_user(self.supervisor).action_set_converted_hours(2.5, " ")
        free_text.with_user(self.supervisor).action_set_converted_hours(2.5, "Training counts at 2.5 h")
        self.assertRecordValues(free_text, [{"converted_hours": 2.5, "adjustment_reason": "Training counts at 2.5 h"}])
        self.assertIn("Training counts at 2.5 h", self._last_message(diary).body)
        self.assertAlmostEqual(diary.total_converted_hours, 2.0 * 1.2 + 2.5)

        approver_diary.action_approve()
        self.assertEqual(diary.state, "approved")

    def test_leader_reopens_with_a_reason(self):
        diary = self._approved()
        with self.assertRaises(AccessError):
            diary.with_user(self.supervisor).action_reopen("Wrong case number")
        with self.assertRaisesMessage(UserError, "Say why"):
            diary.with_user(self.leader).action_reopen("")
        self.assertEqual(diary.state, "approved")

        diary.with_user(self.leader).action_reopen("Wrong case number")
        self.assertRecordValues(
            diary,
            [{"state": "returned", "reopen_reason": "Wrong case number", "return_reason": "Wrong case number"}],
        )
        self.assertIn("Wrong case number", self._last_message(diary).body)
        with self.assertRaisesMessage(UserError, "Only an approved diary"):
            diary.with_user(self.leader).action_reopen("Again")

    def test_reopen_through_the_wizard(self):
        diary = self._approved(day=TUESDAY)
        wizard = (
            self.env["hr.work.diary.return.wizard"]
            .with_user(self.leader)
            .with_context(active_ids=diary.ids)
            .create({"mode": "reopen", "reason": "Counted twice"})
        )
        wizard.action_confirm()
        self.assertRecordValues(diary, [{"state": "returned", "reopen_reason": "Counted twice"}])

    @warmup
    def test_submit_query_count(self):
        diary = self._diary(
            lines=[
                self._task_line(self.task_clerk),
                self._task_line(self.task_shared),
                self._task_line(self.task_hour, quantity=2),
                self._task_line(self.task_clerk, role="support"),
                self._text_line("Sorting the archive of closed cases", 1.0),
            ],
            user=self.staff,
        )
        diary = diary.with_user(self.staff)
        self.env.invalidate_all()
        with self.assertQueryCount(33):  # observed (9 flag rules; the approver's activity and follower: 13)
            diary.action_submit()
        self.assertEqual(diary.state, "submitted")


@tagged("post_install", "-at_install")
class TestDiaryConversion(HrWorkDiaryCase):
    def test_converted_hours(self):
        # task_clerk: 2 h per unit, coefficient 1.2; lead 1.0, support 0.3 by default.
        diary = self._diary(
            lines=[
                self._task_line(self.task_clerk, quantity=3),
                self._task_line(self.task_clerk, quantity=2, role="support"),
            ]
        )
        lead, support = diary.line_ids.sorted("id")
        self.assertRecordValues(
            lead,
            [{"standard_hours": 6.0, "claimed_hours": 6.0, "coefficient": 1.2, "role_factor": 1.0}],
        )
        self.assertAlmostEqual(lead.converted_hours, 7.2)
        self.assertRecordValues(support, [{"standard_hours": 4.0, "claimed_hours": 4.0, "role_factor": 0.3}])
        self.assertAlmostEqual(support.converted_hours, 4.0 * 1.2 * 0.3)
        self.assertAlmostEqual(diary.total_claimed_hours, 10.0)
        self.assertAlmostEqual(diary.total_converted_hours, 7.2 + 1.44)

    def test_role_factors_come_from_the_company(self):
        self.company.write({"civil_diary_lead_factor": 0.9, "civil_diary_support_factor": 0.5})
        diary = self._diary(
            lines=[self._task_line(self.task_shared), self._task_line(self.task_shared, role="support")]
        )
        lead, support = diary.line_ids.sorted("id")
        self.assertAlmostEqual(lead.converted_hours, 2.0 * 1.0 * 0.9)
        self.assertAlmostEqual(support.converted_hours, 2.0 * 1.0 * 0.5)

    def test_claimed_hours_default_to_standard_hours(self):
        diary = self._diary(
            lines=[
                self._task_line(self.task_shared, quantity=1.5),
                self._task_line(self.task_shared, claimed_hours=2.5),
            ]
        )
        default, declared = diary.line_ids.sorted("id")
        self.assertEqual(default.claimed_hours, 3.0)
        self.assertRecordValues(declared, [{"standard_hours": 2.0, "claimed_hours": 2.5}])
        # the converted hours follow the standard, not the claim
        self.assertAlmostEqual(declared.converted_hours, 2.0)
