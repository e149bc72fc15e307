from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import HrCivilServiceCase


@tagged("post_install", "-at_install")
class TestEmployee(HrCivilServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job_clerk.write(
            {
                "civil_duty_ids": [
                    Command.create({"name": "Register incoming mail", "evaluation_criterion": "Same day"}),
                    Command.create({"name": "Keep the archive"}),
                ],
                "civil_competency_ids": [
                    Command.create({"competency_id": cls.competency_ethics.id, "required_level": "2"}),
                ],
                "civil_relationships": "Works with every division.",
            }
        )

    def test_rank_defaults_from_the_position(self):
        self.assertEqual(self.emp_prosecutor_1.civil_rank_id, self.rank_principal)
        self.assertEqual(self.emp_head.civil_rank_id, self.rank_senior)

        form = Form(self.env["hr.employee"])
        form.name = "HRCS Newcomer"
        self.assertFalse(form.civil_rank_id)
        form.job_id = self.job_clerk
        self.assertEqual(form.civil_rank_id, self.rank_officer, "the rank follows the position when empty")
        self.assertEqual(form.civil_position_group, "support")
        form.civil_rank_id = self.rank_specialist
        employee = form.save()
        self.assertEqual(employee.civil_rank_id, self.rank_specialist, "a rank set by hand is kept")

        employee = self.env["hr.employee"].create(
            {"name": "HRCS Explicit", "job_id": self.job_prosecutor.id, "civil_rank_id": self.rank_specialist.id}
        )
        self.assertEqual(employee.civil_rank_id, self.rank_specialist)

        employee = self.env["hr.employee"].create({"name": "HRCS No Position"})
        self.assertFalse(employee.civil_rank_id)
        employee.job_id = self.job_head
        self.assertEqual(employee.civil_rank_id, self.rank_senior)
        self.assertEqual(employee.civil_position_group, "leadership")

    def test_staff_reads_own_position(self):
        action = self.env["hr.job"].with_user(self.staff).action_open_my_position()
        self.assertEqual(action["type"], "ir.actions.act_window")
        self.assertEqual(action["res_model"], "hr.job")
        self.assertEqual(action["res_id"], self.job_clerk.id)
        form_view = self.env.ref("hr_civil_service.hr_job_view_form_civil")
        self.assertEqual(action["views"], [(form_view.id, "form")])

        # The server action of the menu gives the same.
        server_action = self.env.ref("hr_civil_service.hr_job_action_my_position").with_user(self.staff)
        self.assertEqual(server_action.run()["res_id"], self.job_clerk.id)

        # Everything the form shows is readable by the staff member.
        views = self.env["hr.job"].with_user(self.staff).get_views([(form_view.id, "form")])
        job_fields = views["models"]["hr.job"]["fields"]
        self.assertNotIn("civil_plan_id", job_fields, "the plan in force is not for staff")
        self.assertIn("civil_duty_ids", job_fields)
        self.assertIn("civil_competency_ids", job_fields)
        job = self.job_clerk.with_user(self.staff)
        values = job.read(list(job_fields))[0]
        self.assertEqual(values["civil_rank_id"][0], self.rank_officer.id)
        self.assertEqual(values["civil_relationships"], "Works with every division.")
        duties = job.civil_duty_ids
        self.assertEqual(
            [value["name"] for value in duties.read(list(views["models"]["hr.job.duty"]["fields"]))],
            ["Register incoming mail", "Keep the archive"],
        )
        competencies = job.civil_competency_ids.read(list(views["models"]["hr.job.competency"]["fields"]))
        self.assertEqual(
            [(c["competency_id"][0], c["required_level"]) for c in competencies], [(self.competency_ethics.id, "2")]
        )
        # ... but not the plan, and nothing can be changed.
        with self.assertRaises(AccessError):
            job.read(["civil_plan_id"])
        with self.assertRaises(AccessError):
            job.civil_relationships = "Changed by staff"
        with self.assertRaises(AccessError):
            duties[0].name = "Changed by staff"

    def test_my_position_without_position(self):
        for user in (self.org_officer, self.supervisor):
            with self.subTest(user=user.login):
                # Without a position the app lands on the positions list rather than nowhere.
                action = self.env["hr.job"].with_user(user).action_open_my_position()
                self.assertEqual(action["type"], "ir.actions.act_window")
                self.assertEqual(action["res_model"], "hr.job")
                self.assertFalse(action.get("res_id"))

    def test_colleagues_public_profile(self):
        """Rank and position group are public: plain staff see them on the public employee profile."""
        public = self.env["hr.employee.public"].with_user(self.staff).browse(self.emp_prosecutor_1.id)
        values = public.read(["civil_rank_id", "civil_position_group"])[0]
        self.assertEqual(values["civil_rank_id"][0], self.rank_principal.id)
        self.assertEqual(values["civil_position_group"], "professional")

    def test_plan_of_employee_for_supervisors_only(self):
        plan = self._create_plan("HRCS 200/QĐ", [(self.dept_office, self.job_clerk, 1)])
        plan.action_approve()
        self.assertEqual(self.emp_clerk.with_user(self.org_officer).civil_plan_id, plan)
        # An HR officer outside the Civil Service roles reads the employee, not the plan.
        hr_officer = new_test_user(
            self.env,
            login="hrcs_hr_officer",
            groups="hr.group_hr_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        employee = self.emp_clerk.with_user(hr_officer)
        self.assertEqual(employee.civil_rank_id, self.rank_officer)
        with self.assertRaises(AccessError):
            employee.read(["civil_plan_id"])
