from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

# One login per role. Logins have at least 8 characters so that new_test_user's password equals the login
# (HttpCase.start_tour logs in with login=password).
ROLE_GROUPS = {
    "user": "base.group_user",
    "staff": "hr_civil_service.group_staff",
    "supervisor": "hr_civil_service.group_supervisor",
    "leader": "hr_civil_service.group_leader",
    "org_officer": "hr_civil_service.group_org_officer",
    "emulation_officer": "hr_civil_service.group_emulation_officer",
    "manager": "hr_civil_service.group_manager",
}

PAST = date(2025, 1, 1)


class HrCivilServiceCase(TransactionCase):
    """An agency of its own (so that demo data never leaks into the figures), one user per role,
    two departments, three positions, four employees, and a second agency."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "HRCS Test Agency"})
        cls.company_2 = cls.env["res.company"].create({"name": "HRCS Other Agency"})
        # Records created by the test run in the test agency, whatever the superuser's main company.
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))

        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"hrcs_{role}",
                groups=groups,
                lang="en_US",  # the demo data makes Vietnamese the default language of new partners
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
            for role, groups in ROLE_GROUPS.items()
        }
        cls.user_internal = cls.users["user"]
        cls.staff = cls.users["staff"]
        cls.supervisor = cls.users["supervisor"]
        cls.leader = cls.users["leader"]
        cls.org_officer = cls.users["org_officer"]
        cls.emulation_officer = cls.users["emulation_officer"]
        cls.manager = cls.users["manager"]

        ref = cls.env.ref
        cls.rank_senior = ref("hr_civil_service.hr_civil_rank_01_001")
        cls.rank_principal = ref("hr_civil_service.hr_civil_rank_01_002")
        cls.rank_specialist = ref("hr_civil_service.hr_civil_rank_01_003")
        cls.rank_officer = ref("hr_civil_service.hr_civil_rank_01_004")
        cls.group_a = ref("hr_civil_service.hr_job_task_group_a")
        cls.group_b = ref("hr_civil_service.hr_job_task_group_b")
        cls.group_c = ref("hr_civil_service.hr_job_task_group_c")
        cls.group_d = ref("hr_civil_service.hr_job_task_group_d")
        cls.level_n1 = ref("hr_civil_service.hr_job_task_complexity_n1")
        cls.level_n2 = ref("hr_civil_service.hr_job_task_complexity_n2")
        cls.level_n3 = ref("hr_civil_service.hr_job_task_complexity_n3")
        cls.level_n4 = ref("hr_civil_service.hr_job_task_complexity_n4")
        cls.level_n5 = ref("hr_civil_service.hr_job_task_complexity_n5")
        cls.competency_ethics = ref("hr_civil_service.hr_competency_ethics")
        cls.competency_drafting = ref("hr_civil_service.hr_competency_drafting")

        Department = cls.env["hr.department"]
        cls.dept_prosecution = Department.create({"name": "HRCS Prosecution Division", "company_id": cls.company.id})
        cls.dept_office = Department.create({"name": "HRCS Office", "company_id": cls.company.id})

        Job = cls.env["hr.job"]
        cls.job_head, cls.job_prosecutor, cls.job_clerk = Job.create(
            [
                {
                    "name": "HRCS Head of Division",
                    "department_id": cls.dept_prosecution.id,
                    "civil_position_group": "leadership",
                    "civil_rank_id": cls.rank_senior.id,
                    "company_id": cls.company.id,
                },
                {
                    "name": "HRCS Prosecutor",
                    "department_id": cls.dept_prosecution.id,
                    "civil_position_group": "professional",
                    "civil_rank_id": cls.rank_principal.id,
                    "company_id": cls.company.id,
                },
                {
                    "name": "HRCS Clerk",
                    "department_id": cls.dept_office.id,
                    "civil_position_group": "support",
                    "civil_rank_id": cls.rank_officer.id,
                    "company_id": cls.company.id,
                },
            ]
        )

        Employee = cls.env["hr.employee"]
        cls.emp_head, cls.emp_prosecutor_1, cls.emp_prosecutor_2, cls.emp_clerk = Employee.create(
            [
                {"name": "HRCS Head", "job_id": cls.job_head.id, "department_id": cls.dept_prosecution.id},
                {
                    "name": "HRCS Prosecutor One",
                    "job_id": cls.job_prosecutor.id,
                    "department_id": cls.dept_prosecution.id,
                },
                {
                    "name": "HRCS Prosecutor Two",
                    "job_id": cls.job_prosecutor.id,
                    "department_id": cls.dept_prosecution.id,
                },
                # The staff user's own employee record: a clerk of the office.
                {
                    "name": "HRCS Clerk",
                    "job_id": cls.job_clerk.id,
                    "department_id": cls.dept_office.id,
                    "user_id": cls.staff.id,
                },
            ]
        )

        # The second agency, invisible to the users of the first one.
        cls.dept_other = Department.create({"name": "HRCS Other Department", "company_id": cls.company_2.id})
        cls.job_other = Job.create(
            {"name": "HRCS Other Position", "department_id": cls.dept_other.id, "company_id": cls.company_2.id}
        )
        cls.task_other = cls.env["hr.job.task"].create(
            {
                "code": "HRCS.001",
                "name": "Task of the other agency",
                "group_id": cls.group_c.id,
                "complexity_id": cls.level_n2.id,
                "standard_hours": 4.0,
                "company_id": cls.company_2.id,
            }
        )
        cls.plan_other = cls._create_plan(
            "HRCS 1/QĐ-OTHER", [(cls.dept_other, cls.job_other, 2)], company=cls.company_2
        )
        cls.plan_other.action_approve()

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @classmethod
    def _create_plan(cls, name, lines, department=None, effective_date=PAST, company=None, user=None):
        """Create a draft plan; ``lines`` is a list of (department, job, approved headcount)."""
        env = cls.env(user=user) if user else cls.env
        return env["hr.job.plan"].create(
            {
                "name": name,
                "authority": "HRCS Chief Prosecutor",
                "decision_date": effective_date,
                "effective_date": effective_date,
                "department_id": department.id if department else False,
                "company_id": (company or cls.company).id,
                "line_ids": [
                    Command.create(
                        {
                            "department_id": line_department.id,
                            "job_id": job.id if job else False,
                            "approved_headcount": headcount,
                        }
                    )
                    for line_department, job, headcount in lines
                ],
            }
        )

    @classmethod
    def _create_task(cls, code, **vals):
        return cls.env["hr.job.task"].create(
            {
                "code": code,
                "name": vals.pop("name", f"Task {code}"),
                "group_id": vals.pop("group_id", cls.group_c.id),
                "complexity_id": vals.pop("complexity_id", cls.level_n1.id),
                "standard_hours": vals.pop("standard_hours", 2.0),
                **vals,
            }
        )

    @contextmanager
    def assertRaisesMessage(self, exception, fragment):
        """``assertRaises`` (which rolls back to a savepoint, unlike ``assertRaisesRegex``) plus a check
        that the message names the problem."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(fragment, str(catcher.exception))

    def assertMentions(self, text, *fragments):
        """A warning is checked by the facts it must name, not by its exact wording."""
        self.assertTrue(text, "a warning is expected")
        for fragment in fragments:
            self.assertIn(fragment, text)

    def _count(self, model, domain=None):
        return self.env[model].with_context(active_test=False).search_count(domain or [])
