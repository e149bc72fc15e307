from collections import defaultdict
from datetime import date, timedelta

from odoo import fields
from odoo.tests import tagged

from .common import HrCivilServiceCase


@tagged("post_install", "-at_install")
class TestHeadcountReport(HrCivilServiceCase):
    """The SQL analysis prints the same figures as the plan lines and the positions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Job = cls.env["hr.job"]
        cls.job_driver = Job.create({"name": "HRCS Driver", "department_id": cls.dept_office.id})
        cls.job_gone = Job.create({"name": "HRCS Archivist", "department_id": cls.dept_office.id})
        cls.job_unplanned = Job.create({"name": "HRCS Intern", "department_id": cls.dept_office.id})
        cls.env["hr.employee"].create(
            [
                # A third prosecutor, and a prosecutor lent to the office (not in the plan for the office).
                {
                    "name": "HRCS Prosecutor Three",
                    "job_id": cls.job_prosecutor.id,
                    "department_id": cls.dept_prosecution.id,
                },
                {"name": "HRCS Prosecutor Lent", "job_id": cls.job_prosecutor.id, "department_id": cls.dept_office.id},
                {"name": "HRCS Intern", "job_id": cls.job_unplanned.id, "department_id": cls.dept_office.id},
                {
                    "name": "HRCS Former Clerk",
                    "job_id": cls.job_clerk.id,
                    "department_id": cls.dept_office.id,
                    "active": False,
                },
            ]
        )
        # Superseded, draft and not-yet-effective plans must not count.
        superseded = cls._create_plan(
            "HRCS 300/QĐ", [(cls.dept_prosecution, cls.job_prosecutor, 9)], effective_date=date(2022, 1, 1)
        )
        superseded.action_approve()
        cls.plan = cls._create_plan(
            "HRCS 301/QĐ",
            [
                (cls.dept_prosecution, cls.job_head, 1),
                (cls.dept_prosecution, cls.job_prosecutor, 2),
                (cls.dept_office, cls.job_clerk, 2),
                (cls.dept_office, cls.job_driver, 1),
                (cls.dept_office, cls.job_gone, 1),
            ],
        )
        cls.plan.action_approve()
        cls._create_plan("HRCS 302/QĐ", [(cls.dept_prosecution, cls.job_prosecutor, 7)])
        future = cls._create_plan(
            "HRCS 303/QĐ",
            [(cls.dept_prosecution, cls.job_prosecutor, 5)],
            effective_date=fields.Date.today() + timedelta(days=30),
        )
        future.action_approve()
        cls.job_gone.unlink()
        cls.jobs = cls.job_head | cls.job_prosecutor | cls.job_clerk | cls.job_driver | cls.job_unplanned

    def _report_rows(self, user=None):
        Report = self.env["hr.job.headcount.report"]
        if user:
            Report = Report.with_user(user)
        return Report.search([("company_id", "=", self.company.id)])

    def test_report_matches_the_plan_lines(self):
        self.assertEqual(self.plan.state, "approved")
        rows = {(row.department_id, row.job_id): row for row in self._report_rows()}
        for line in self.plan.line_ids.filtered("job_id"):
            with self.subTest(department=line.department_id.name, position=line.job_id.name):
                row = rows[(line.department_id, line.job_id)]
                self.assertEqual(row.plan_id, self.plan)
                self.assertEqual(row.approved_headcount, line.approved_headcount)
                self.assertEqual(row.filled_count, line.filled_count)
                self.assertEqual(row.gap, line.gap)
                self.assertEqual(row.is_over, line.filled_count > line.approved_headcount)
                self.assertEqual(row.over_count, max(line.gap, 0))
                self.assertEqual(row.vacancy_count, max(-line.gap, 0))
                self.assertEqual(row.position_group, line.job_id.civil_position_group)
        # The line of the deleted position stays on the plan (with its warning), not in the report.
        self.assertTrue(self.plan.line_ids.filtered(lambda line: not line.job_id).warning)
        self.assertTrue(all(job for _department, job in rows))

        # The expected figures, spelled out.
        figures = {
            (department.name, job.name): (row.approved_headcount, row.filled_count)
            for (department, job), row in rows.items()
        }
        self.assertEqual(
            figures,
            {
                ("HRCS Prosecution Division", "HRCS Head of Division"): (1, 1),
                ("HRCS Prosecution Division", "HRCS Prosecutor"): (2, 3),
                ("HRCS Office", "HRCS Clerk"): (2, 1),
                ("HRCS Office", "HRCS Driver"): (1, 0),
                ("HRCS Office", "HRCS Prosecutor"): (0, 1),
                ("HRCS Office", "HRCS Intern"): (0, 1),
            },
        )
        self.assertFalse(rows[(self.dept_office, self.job_unplanned)].plan_id)

    def test_report_matches_the_positions(self):
        approved = defaultdict(int)
        filled = defaultdict(int)
        for row in self._report_rows():
            approved[row.job_id] += row.approved_headcount
            filled[row.job_id] += row.filled_count
        for job in self.jobs:
            with self.subTest(position=job.name):
                self.assertEqual(approved[job], job.civil_approved_headcount)
                self.assertEqual(filled[job], job.civil_filled_count)
                is_over = filled[job] > approved[job]
                self.assertEqual(bool(job.civil_headcount_warning), is_over)
        self.assertEqual(self.job_prosecutor.civil_plan_id, self.plan)

    def test_report_read_group_and_access(self):
        groups = (
            self.env["hr.job.headcount.report"]
            .with_user(self.supervisor)
            ._read_group(
                [("company_id", "=", self.company.id)],
                ["department_id"],
                ["approved_headcount:sum", "filled_count:sum", "over_count:sum", "vacancy_count:sum"],
            )
        )
        totals = {department: values for department, *values in groups}
        self.assertEqual(totals[self.dept_prosecution], [3, 4, 1, 0])
        self.assertEqual(totals[self.dept_office], [3, 3, 2, 2])
        # The users of this agency never see the other agency's figures.
        for user in (self.supervisor, self.org_officer):
            with self.subTest(user=user.login):
                self.assertFalse(
                    self.env["hr.job.headcount.report"].with_user(user).search([("company_id", "=", self.company_2.id)])
                )
                self.assertTrue(self._report_rows(user))
        self.assertTrue(self.env["hr.job.headcount.report"].search([("company_id", "=", self.company_2.id)]))
