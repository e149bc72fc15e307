from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.tests import Form, tagged, warmup
from odoo.tools import mute_logger

from .common import HrCivilServiceCase

HEADCOUNT_FIELDS = [
    "civil_plan_id",
    "civil_approved_headcount",
    "civil_filled_count",
    "civil_fill_rate",
    "civil_headcount_warning",
]


@tagged("post_install", "-at_install")
class TestJobPosition(HrCivilServiceCase):
    def test_headcount_from_the_plan_in_force(self):
        self.assertEqual((self.job_prosecutor.civil_approved_headcount, self.job_prosecutor.civil_filled_count), (0, 2))
        self.assertFalse(self.job_prosecutor.civil_plan_id)
        self.assertEqual(self.job_prosecutor.civil_fill_rate, 0.0)

        old = self._create_plan(
            "HRCS 100/QĐ", [(self.dept_prosecution, self.job_prosecutor, 8)], effective_date=date(2022, 1, 1)
        )
        old.action_approve()
        self.env.invalidate_all()  # the headcount is computed on read, not stored
        self.assertEqual(self.job_prosecutor.civil_plan_id, old)
        self.assertEqual(self.job_prosecutor.civil_approved_headcount, 8)
        self.assertEqual(self.job_prosecutor.civil_fill_rate, 25.0)

        # A draft does not count; the new plan counts once approved, and the superseded one no longer does.
        new = self._create_plan(
            "HRCS 101/QĐ",
            [
                (self.dept_prosecution, self.job_head, 1),
                (self.dept_prosecution, self.job_prosecutor, 4),
            ],
        )
        self.env.invalidate_all()
        self.assertEqual(self.job_prosecutor.civil_approved_headcount, 8)
        new.action_approve()
        self.env.invalidate_all()
        job = self.job_prosecutor.with_user(self.org_officer)
        self.assertEqual(job.civil_plan_id, new)
        self.assertEqual(job.civil_approved_headcount, 4)
        self.assertEqual(job.civil_filled_count, 2)
        self.assertEqual(job.civil_fill_rate, 50.0)
        self.assertFalse(job.civil_headcount_warning)
        # A position of the plan that nobody holds.
        self.assertEqual((self.job_head.civil_approved_headcount, self.job_head.civil_filled_count), (1, 1))
        self.assertEqual(self.job_head.civil_fill_rate, 100.0)
        # Only active employees fill a position.
        self.emp_prosecutor_1.action_archive()
        self.env.invalidate_all()
        self.assertEqual(job.civil_filled_count, 1)
        self.assertEqual(job.civil_fill_rate, 25.0)

    def test_new_position_has_no_headcount(self):
        form = Form(self.env["hr.job"].with_user(self.org_officer), view="hr_civil_service.hr_job_view_form_civil")
        form.name = "HRCS Inspector"
        self.assertEqual(form.civil_approved_headcount, 0)
        self.assertEqual(form.civil_filled_count, 0)
        self.assertFalse(form.civil_headcount_warning)

    @warmup
    def test_headcount_query_count_is_constant(self):
        """Approved vs filled is computed with grouped queries: as many for 20 positions as for one."""
        department = self.dept_prosecution
        jobs = self.env["hr.job"].create(
            [{"name": f"HRCS Bulk Position {index:02d}", "department_id": department.id} for index in range(20)]
        )
        self.env["hr.employee"].create(
            [
                {"name": f"HRCS Bulk Holder {index:02d}", "job_id": job.id, "department_id": department.id}
                for index, job in enumerate(jobs)
                for _copy in range(index % 3)
            ]
        )
        plan = self._create_plan("HRCS 102/QĐ", [(department, job, 1) for job in jobs])
        plan.action_approve()
        department_plan = self._create_plan(
            "HRCS 103/QĐ", [(self.dept_office, jobs[0], 1)], department=self.dept_office
        )
        department_plan.action_approve()
        env = self.env(user=self.org_officer)

        def read_headcount(job_ids):
            return [tuple(job[fname] for fname in HEADCOUNT_FIELDS) for job in env["hr.job"].browse(job_ids)]

        # Warm the caches that are not about positions (user, companies, access rules).
        read_headcount(jobs[:1].ids)
        self.env.flush_all()
        self.env.invalidate_all()
        queries_before = self.cr.sql_log_count
        read_headcount(jobs[:1].ids)
        queries_for_one = self.cr.sql_log_count - queries_before
        self.assertLessEqual(queries_for_one, 8, "a handful of grouped queries")

        self.env.invalidate_all()
        with self.assertQueryCount(queries_for_one):
            read_headcount(jobs.ids)

        self.env.invalidate_all()
        records = env["hr.job"].browse(jobs.ids)
        # The first position is approved in both plans in force: once per department.
        self.assertEqual(records.mapped("civil_approved_headcount"), [2] + [1] * 19)
        self.assertEqual(records.mapped("civil_filled_count"), [index % 3 for index in range(20)])
        self.assertMentions(records[2].civil_headcount_warning, "2 employees", "1 approved")

    def test_structured_description(self):
        task = self._create_task("HRCS.J.01", name="Draft an indictment")
        form = Form(self.job_prosecutor.with_user(self.org_officer), view="hr_civil_service.hr_job_view_form_civil")
        form.civil_position_group = "professional"
        form.civil_rank_id = self.rank_specialist
        with form.civil_duty_ids.new() as duty:
            duty.name = "Prosecute criminal cases"
            duty.evaluation_criterion = "Indictments filed on time"
        with form.civil_duty_ids.new() as duty:
            duty.name = "Supervise investigations"
        with form.civil_competency_ids.new() as line:
            line.competency_id = self.competency_ethics
            self.assertEqual(line.required_level, "3", "level 3 by default")
            self.assertEqual(line.competency_category, "general")
        with form.civil_competency_ids.new() as line:
            line.competency_id = self.competency_drafting
            line.required_level = "5"
        form.civil_task_ids.add(task)
        form.civil_relationships = "Reports to the head of division."
        form.civil_authority = "Signs requests for evidence."
        form.civil_working_conditions = "Court hearings."
        form.save()

        job = self.job_prosecutor
        self.assertEqual(job.civil_rank_id, self.rank_specialist)
        self.assertEqual(job.civil_duty_ids.mapped("name"), ["Prosecute criminal cases", "Supervise investigations"])
        self.assertEqual(job.civil_duty_ids.company_id, self.company)
        self.assertEqual(
            {line.competency_id: line.required_level for line in job.civil_competency_ids},
            {self.competency_ethics: "3", self.competency_drafting: "5"},
        )
        self.assertEqual(job.civil_competency_ids.company_id, self.company)
        self.assertEqual(job.civil_task_ids, task)
        self.assertEqual(task.job_ids, job, "the position's tasks and the task's positions are one relation")
        self.assertEqual(job.civil_task_count, 1)
        action = job.action_open_civil_tasks()
        self.assertEqual(action["res_model"], "hr.job.task")
        self.assertEqual(self.env["hr.job.task"].search(action["domain"]), task)

        # The description is copied with the position.
        copy = job.copy()
        self.assertEqual(len(copy.civil_duty_ids), 2)
        self.assertEqual(len(copy.civil_competency_ids), 2)

    def test_required_level_scale(self):
        levels = [value for value, _label in self.env["hr.job.competency"]._fields["required_level"].selection]
        self.assertEqual(levels, ["1", "2", "3", "4", "5"])
        with self.assertRaises(ValueError):
            self.env["hr.job.competency"].create(
                {"job_id": self.job_clerk.id, "competency_id": self.competency_ethics.id, "required_level": "6"}
            )
        self.job_clerk.civil_competency_ids = [
            Command.create({"competency_id": self.competency_ethics.id, "required_level": "2"})
        ]
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["hr.job.competency"].create(
                {"job_id": self.job_clerk.id, "competency_id": self.competency_ethics.id, "required_level": "4"}
            )
