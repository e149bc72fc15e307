from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestEvaluationTour(HttpCase):
    """A leader runs the evaluation of last month from the menu, checks one official's KPI figures and proposed
    level, and decides it. An agency of its own (not the demo data), in English whatever the database's
    languages. Real dates: the browser's clock is not frozen, so the diaries are those of last month."""

    def test_evaluation_tour(self):
        self.env["res.lang"]._activate_lang("en_US")
        # Last month's days are older than the backdating window: the agency has none.
        company = self.env["res.company"].create(
            {"name": "HRCS Evaluation Tour Agency", "civil_diary_backdate_days": 0}
        )
        company.resource_calendar_id.tz = "UTC"
        leader = new_test_user(
            self.env,
            login="hrcs_eval_leader",
            groups="hr_civil_service.group_leader",
            lang="en_US",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        # The leader's own record (no staff type: outside the evaluation); the app opens on their diary week.
        self.env["hr.employee"].create({"name": "HRCS Eval Leader", "user_id": leader.id, "company_id": company.id})
        department = self.env["hr.department"].create({"name": "HRCS Evaluation Tour Unit", "company_id": company.id})
        alpha, beta, gamma = self.env["hr.employee"].create(
            [
                {
                    "name": name,
                    "department_id": department.id,
                    "company_id": company.id,
                    "resource_calendar_id": company.resource_calendar_id.id,
                    "tz": "UTC",
                    "civil_staff_type_id": self.env.ref("hr_civil_service.hr_civil_staff_type_civil_servant").id,
                }
                for name in ("HRCS Eval Alpha", "HRCS Eval Beta", "HRCS Eval Gamma")
            ]
        )
        task = self.env["hr.job.task"].create(
            {
                "code": "HRCS.E.D1",
                "name": "Reception of citizens",
                "group_id": self.env.ref("hr_civil_service.hr_job_task_group_d").id,
                "complexity_id": self.env.ref("hr_civil_service.hr_job_task_complexity_n1").id,
                "standard_hours": 1.0,
                "company_id": company.id,
            }
        )
        # Approved days of last month (its first working days): Alpha 3 h + 2 h, Beta 4 h, Gamma nothing.
        first = (fields.Date.today().replace(day=1) - timedelta(days=1)).replace(day=1)
        workdays = [day for day in (first + timedelta(days=offset) for offset in range(7)) if day.weekday() < 5]
        diaries = self.env["hr.work.diary"].create(
            [
                {
                    "employee_id": employee.id,
                    "date": day,
                    "line_ids": [Command.create({"task_id": task.id, "quantity": hours})],
                }
                for employee, day, hours in ((alpha, workdays[0], 3), (alpha, workdays[1], 2), (beta, workdays[0], 4))
            ]
        )
        diaries.with_user(leader).action_submit()
        diaries.with_user(leader).action_approve()
        self.assertEqual(set(diaries.mapped("state")), {"approved"})

        self.start_tour("/odoo", "hr_civil_service_evaluation_tour", login=leader.login)

        evaluation = self.env["hr.civil.evaluation"].search([("company_id", "=", company.id)])
        self.assertRecordValues(
            evaluation,
            [
                {
                    "period_type": "month",
                    "year": first.year,
                    "month": str(first.month),
                    "date_from": first,
                    "state": "open",
                }
            ],
        )
        self.assertEqual(evaluation.create_uid, leader)
        lines = evaluation.line_ids.sorted(lambda line: line.employee_id.name)
        self.assertRecordValues(
            lines,
            [
                {
                    "employee_id": alpha.id,
                    "converted_hours": 5.0,
                    "line_count": 2,
                    "state": "decided",
                    "proposed_level": "fail",
                    "final_level": "fail",
                },
                {
                    "employee_id": beta.id,
                    "converted_hours": 4.0,
                    "line_count": 1,
                    "state": "draft",
                    "proposed_level": "fail",
                    "final_level": False,
                },
                {
                    "employee_id": gamma.id,
                    "converted_hours": 0.0,
                    "line_count": 0,
                    "state": "draft",
                    "proposed_level": "fail",
                    "final_level": False,
                },
            ],
        )
        self.assertTrue(all(line.standard_hours > 0 for line in lines), "every official has a working schedule")
        self.assertTrue(all(line.kpi_date for line in lines))
        kpi = self.env["hr.civil.kpi"].compute(alpha, evaluation.date_from, evaluation.date_to)[alpha.id]
        self.assertAlmostEqual(lines[0].quantity_ratio, round(kpi["quantity_ratio"], 1), places=1)
        self.assertEqual(lines[0].standard_hours, kpi["standard_hours"])
