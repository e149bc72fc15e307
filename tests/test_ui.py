from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPlanTour(HttpCase):
    def test_plan_tour(self):
        company = self.env.company
        officer = new_test_user(
            self.env,
            login="hrcs_tour_officer",
            groups="hr_civil_service.group_org_officer",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        department = self.env["hr.department"].create({"name": "HRCS Tour Department", "company_id": company.id})
        job = self.env["hr.job"].create(
            {"name": "HRCS Tour Position", "department_id": department.id, "company_id": company.id}
        )

        # The officer is an employee too: the app opens on their own position.
        self.env["hr.employee"].create(
            {
                "name": "HRCS Tour Officer",
                "user_id": officer.id,
                "job_id": job.id,
                "department_id": department.id,
                "company_id": company.id,
            }
        )

        self.start_tour("/odoo", "hr_civil_service_plan_tour", login=officer.login)

        plan = self.env["hr.job.plan"].search([("name", "=", "HRCS 900/QĐ-TOUR")])
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, officer)
        self.assertEqual(plan.authority, "HRCS Tour Authority")
        self.assertEqual(plan.company_id, company)
        self.assertEqual(
            [(line.department_id, line.job_id, line.approved_headcount) for line in plan.line_ids],
            [(department, job, 4)],
        )
        self.assertEqual(job.civil_approved_headcount, 4)
        self.assertEqual(job.civil_filled_count, 1)
