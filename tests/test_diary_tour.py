from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDiaryTour(HttpCase):
    """A staff member enters and submits a day in "My Week"; the supervisor returns it with a reason; the staff
    member corrects and resubmits it; the supervisor approves it. Real dates: the browser's clock is not frozen."""

    def test_diary_tours(self):
        company = self.env.company
        users = {}
        for login, group in (("hrcs_tour_clerk", "group_staff"), ("hrcs_tour_chief", "group_supervisor")):
            users[login] = new_test_user(
                self.env,
                login=login,
                groups=f"hr_civil_service.{group}",
                lang="en_US",
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )
        department = self.env["hr.department"].create({"name": "HRCS Tour Office", "company_id": company.id})
        job = self.env["hr.job"].create({"name": "HRCS Tour Clerk Position", "company_id": company.id})
        chief = self.env["hr.employee"].create(
            {"name": "HRCS Tour Chief", "user_id": users["hrcs_tour_chief"].id, "department_id": department.id}
        )
        clerk = self.env["hr.employee"].create(
            {
                "name": "HRCS Tour Clerk",
                "user_id": users["hrcs_tour_clerk"].id,
                "department_id": department.id,
                "job_id": job.id,
                "parent_id": chief.id,
            }
        )
        self.env["hr.job.task"].create(
            {
                "code": "HRCS.T.C1",
                "name": "Register incoming case files",
                "group_id": self.env.ref("hr_civil_service.hr_job_task_group_c").id,
                "complexity_id": self.env.ref("hr_civil_service.hr_job_task_complexity_n2").id,
                "standard_hours": 1.5,
                "job_ids": [Command.set(job.ids)],
            }
        )
        week = "/odoo/action-hr_civil_service.hr_work_diary_action_my_week"
        to_approve = "/odoo/action-hr_civil_service.hr_work_diary_action_approve"

        self.start_tour(week, "hr_civil_service_diary_entry_tour", login="hrcs_tour_clerk")
        diary = self.env["hr.work.diary"].search([("employee_id", "=", clerk.id)])
        self.assertRecordValues(
            diary,
            [{"state": "submitted", "approver_id": users["hrcs_tour_chief"].id, "total_claimed_hours": 3.0}],
        )
        self.assertEqual(diary.date, fields.Date.context_today(diary.with_user(users["hrcs_tour_clerk"])))
        self.assertEqual(diary.line_ids.product_ref, "15/CV-VKS")

        self.start_tour(to_approve, "hr_civil_service_diary_return_tour", login="hrcs_tour_chief")
        self.assertEqual(diary.state, "returned")
        self.assertEqual(diary.return_reason, "Add the register numbers of both files.")
        self.assertTrue(
            any("Add the register numbers" in str(message.body) for message in diary.message_ids),
            "the chatter keeps the reason",
        )

        self.start_tour(week, "hr_civil_service_diary_resubmit_tour", login="hrcs_tour_clerk")
        self.assertEqual(diary.state, "submitted")
        self.assertEqual(diary.line_ids.product_ref, "15/CV-VKS, 16/CV-VKS")

        self.start_tour(to_approve, "hr_civil_service_diary_approve_tour", login="hrcs_tour_chief")
        self.assertRecordValues(diary, [{"state": "approved", "approved_by_id": users["hrcs_tour_chief"].id}])
