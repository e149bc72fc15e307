from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common_diary import FRIDAY, MONDAY, TODAY, TUESDAY, HrWorkDiaryCase

WEEK = (MONDAY, FRIDAY)


class EvaluationCase(HrWorkDiaryCase):
    """Evaluation on top of the diary case: every employee is a civil servant rated by ND 335/2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.nd335 = ref("hr_civil_service.hr_civil_evaluation_scheme_nd335")
        cls.nd90_civil = ref("hr_civil_service.hr_civil_evaluation_scheme_nd90_civil")
        cls.nd90_public = ref("hr_civil_service.hr_civil_evaluation_scheme_nd90_public")
        cls.civil_servant = ref("hr_civil_service.hr_civil_staff_type_civil_servant")
        cls.public_employee = ref("hr_civil_service.hr_civil_staff_type_public_employee")
        cls.all_employees.write({"civil_staff_type_id": cls.civil_servant.id})
        cls.Kpi = cls.env["hr.civil.kpi"]

    def _evaluation(self, period_type="month", year=2026, month="11", quarter=False, **vals):
        return self.env["hr.civil.evaluation"].create(
            {
                "company_id": self.company.id,
                "period_type": period_type,
                "year": year,
                "month": month if period_type == "month" else False,
                "quarter": quarter if period_type == "quarter" else False,
                **vals,
            }
        )

    def _line(self, evaluation, employee, scheme=None, **vals):
        """A line with a hand-set snapshot (what the wizard would have computed)."""
        line = (
            self.env["hr.civil.evaluation.line"]
            .with_context(civil_evaluation_workflow=True)
            .create(
                {
                    "evaluation_id": evaluation.id,
                    "employee_id": employee.id,
                    "department_id": employee.department_id.id,
                    "scheme_id": (scheme or self.nd335).id,
                    "standard_hours": 160.0,
                    "quota_group": vals.pop("quota_group", "professional"),
                    **vals,
                }
            )
        )
        return line.with_context(civil_evaluation_workflow=False)

    def _score(self, line, task, general):
        line.with_context(civil_evaluation_workflow=True).write(
            {"task_points": task, "kpi_own_points": task, "supervisor_general_points": general}
        )
        return line


class TestEvaluationKpi(EvaluationCase):
    """The one KPI function, on a week of approved diary."""

    def test_kpi_quantity_quality_progress(self):
        hour = self.task_hour
        self._approved(MONDAY, lines=[self._task_line(hour, quantity=8)])
        self._approved(TUESDAY, lines=[self._task_line(hour, quantity=8, deadline=MONDAY)])
        returned = self._diary(TODAY, [self._task_line(hour, quantity=8)])
        returned.action_submit()
        wizard = (
            self.env["hr.work.diary.return.wizard"]
            .with_user(self.supervisor)
            .create(
                {
                    "diary_ids": returned.ids,
                    "reason": "Wrong article cited",
                    "major_error": True,
                    "error_line_ids": returned.line_ids.ids,
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(returned.line_ids.major_error_count, 1)
        returned.action_submit()
        returned.with_user(self.supervisor).action_approve()
        self._day(MONDAY, 8, employee=self.emp_prosecutor_1)  # submitted, not approved: not counted

        both = self.Kpi.compute(self.emp_clerk | self.emp_prosecutor_1, *WEEK, {self.emp_clerk.id: self.nd335})
        self.assertEqual(both[self.emp_prosecutor_1.id]["converted_hours"], 0.0)
        kpi = both[self.emp_clerk.id]
        self.assertEqual(kpi["standard_hours"], 40.0)
        self.assertEqual(kpi["converted_hours"], 24.0)
        self.assertEqual((kpi["line_count"], kpi["error_count"], kpi["delay_count"]), (3, 1, 1))
        self.assertAlmostEqual(kpi["quantity_ratio"], 60.0)
        self.assertAlmostEqual(kpi["quality_ratio"], 55.0)  # (16 + 8 × 75 %) / 40
        self.assertAlmostEqual(kpi["progress_ratio"], 55.0)
        # 70 × (40 % × 0.60 + 30 % × 0.55 + 30 % × 0.55)
        self.assertAlmostEqual(kpi["own_task_points"], 39.9)

        # An objective cause confirmed: no deduction.
        returned.line_ids.with_context(civil_diary_workflow=True).objective_cause = True
        kpi = self.Kpi.compute(self.emp_clerk, *WEEK, {self.emp_clerk.id: self.nd335})[self.emp_clerk.id]
        self.assertAlmostEqual(kpi["quality_ratio"], 60.0)

    def test_kpi_deductions_floor_at_zero(self):
        diary = self._approved(MONDAY, lines=[self._task_line(self.task_hour, quantity=8)])
        diary.line_ids.with_context(civil_diary_workflow=True).write({"major_error_count": 5, "delay_count": 6})
        kpi = self.Kpi.compute(self.emp_clerk, *WEEK)[self.emp_clerk.id]
        self.assertEqual(kpi["quality_hours"], 0.0)
        self.assertEqual(kpi["progress_hours"], 0.0)
        self.assertEqual(kpi["quantity_ratio"], 20.0)

    def test_kpi_action_items(self):
        self._approved(MONDAY, lines=[self._task_line(self.task_hour, quantity=8)])
        Item = self.env["hr.civil.action.item"]
        Item.create(
            {
                "name": "Report on overdue cases",
                "assignee_ids": [Command.set(self.emp_clerk.ids)],
                "deadline": TUESDAY,
                "company_id": self.company.id,
            }
        )
        Item.create(
            {
                "name": "Due next week",
                "assignee_ids": [Command.set(self.emp_clerk.ids)],
                "deadline": FRIDAY,
                "company_id": self.company.id,
            }
        )
        kpi = self.Kpi.compute(self.emp_clerk, *WEEK)[self.emp_clerk.id]
        self.assertEqual((kpi["action_item_count"], kpi["action_item_delay_count"]), (2, 1))
        # (8 on time + a late directive at 75 % and one on time, of 4 h each) / (40 + 2 × 4)
        self.assertAlmostEqual(kpi["progress_ratio"], 100.0 * (8 + 1.75 * 4) / 48)

    def test_kpi_leave_reduces_the_standard(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Leave",
                "resource_id": self.emp_clerk.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 11, 16, 0, 0),
                "date_to": datetime(2026, 11, 17, 23, 59),
                "civil_leave_kind": "ordinary",
            }
        )
        kpi = self.Kpi.compute(self.emp_clerk | self.emp_prosecutor_1, *WEEK)
        self.assertEqual(kpi[self.emp_clerk.id]["standard_hours"], 24.0)
        self.assertEqual(kpi[self.emp_prosecutor_1.id]["standard_hours"], 40.0)

    def test_kpi_queries_do_not_grow_with_head_count(self):
        for employee in self.all_employees:
            self._approved(MONDAY, employee=employee, lines=[self._task_line(self.task_shared, quantity=2)])

        def count(employees):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Kpi.compute(employees, *WEEK, {employee.id: self.nd335 for employee in employees})
            return self.env.cr.sql_log_count - before

        self.Kpi.compute(self.all_employees, *WEEK)
        self.assertEqual(count(self.emp_clerk), count(self.all_employees))
        with self.assertQueryCount(12):
            self.env.invalidate_all()
            self.Kpi.compute(self.all_employees, *WEEK)


class TestEvaluationLevels(EvaluationCase):
    def test_score_thresholds_boundaries(self):
        evaluation = self._evaluation()
        line = self._line(evaluation, self.emp_clerk)
        cases = [
            (60.0, 30.0, "excellent"),
            (60.0, 29.99, "good"),
            (40.0, 30.0, "good"),
            (40.0, 29.99, "done"),
            (20.0, 30.0, "done"),
            (20.0, 29.99, "fail"),
            (0.0, 0.0, "fail"),
            (70.0, 30.0, "excellent"),
        ]
        for task, general, level in cases:
            self._score(line, task, general)
            self.assertEqual(line.proposed_level, level, f"{task} + {general}")
        for score, level in (
            (90, "excellent"),
            (89.99, "good"),
            (70, "good"),
            (69.99, "done"),
            (50, "done"),
            (49.99, "fail"),
        ):
            self.assertEqual(self.nd335._level_from_score(score), level)

    def test_general_points_precedence_and_bounds(self):
        line = self._line(self._evaluation(), self.emp_clerk)
        line.with_context(civil_evaluation_workflow=True).write({"self_general_points": 28, "task_points": 50})
        self.assertEqual(line.total_score, 78)
        line.with_context(civil_evaluation_workflow=True).write({"supervisor_general_points": 25})
        self.assertEqual(line.general_points, 25)
        line.with_context(civil_evaluation_workflow=True).write({"leader_general_points": 27})
        self.assertEqual(line.total_score, 77)
        with self.assertRaisesMessage(ValidationError, "between 0 and 30"):
            line.with_context(civil_evaluation_workflow=True).write({"self_general_points": 31})

    def test_hard_condition_discipline(self):
        line = self._score(self._line(self._evaluation(period_type="year"), self.emp_clerk), 65, 30)
        Discipline = self.env["hr.civil.discipline"]
        reminder = Discipline.create(
            {
                "name": "Late twice",
                "employee_id": self.emp_clerk.id,
                "violation_type": "late",
                "state": "decided",
                "measure": "reminder",
                "decision_date": date(2026, 3, 1),
            }
        )
        review = Discipline.create(
            {"name": "Absent", "employee_id": self.emp_clerk.id, "state": "under_review", "measure": "warning"}
        )
        line._refresh_kpi()
        self.assertFalse(line.hard_condition, "a reminder or a case under review is not a hard condition")
        self._score(line, 65, 30)
        self.assertEqual(line.proposed_level, "excellent")
        reprimand = Discipline.create(
            {
                "name": "Private work",
                "employee_id": self.emp_clerk.id,
                "violation_type": "private_work",
                "state": "decided",
                "measure": "reprimand",
                "decision_number": "12/QĐ-VKS",
                "decision_date": date(2026, 5, 4),
            }
        )
        line._refresh_kpi()
        self._score(line, 65, 30)
        self.assertIn("12/QĐ-VKS", line.hard_condition)
        self.assertEqual(line.proposed_level, "fail")
        with self.assertRaisesMessage(ValidationError, "Not Completed"):
            line.with_context(civil_evaluation_workflow=True).write({"final_level": "good", "override_reason": "x"})
        self.assertTrue(reminder and review and reprimand)

    def test_discipline_counts_once(self):
        Discipline = self.env["hr.civil.discipline"]
        admin = Discipline.create(
            {
                "name": "Leaked a file",
                "employee_id": self.emp_clerk.id,
                "state": "decided",
                "measure": "reprimand",
                "decision_date": date(2025, 12, 20),
            }
        )
        party = Discipline.create(
            {
                "name": "Leaked a file (Party)",
                "employee_id": self.emp_clerk.id,
                "discipline_kind": "party",
                "state": "decided",
                "measure": "warning",
                "decision_date": date(2026, 2, 10),
                "same_violation_id": admin.id,
            }
        )
        found = Discipline._serious_for_year(self.emp_clerk, 2026)
        self.assertEqual(found[self.emp_clerk.id], party, "not yet counted: the Party decision counts in 2026")
        admin.counted_year = 2025
        self.assertFalse(
            Discipline._serious_for_year(self.emp_clerk, 2026),
            "the same violation already made the official 'Not Completed' in 2025",
        )
        self.assertEqual(Discipline._serious_for_year(self.emp_clerk, 2025)[self.emp_clerk.id], admin)
        with self.assertRaisesMessage(ValidationError, "circle"):
            admin.same_violation_id = party

    def test_hard_condition_degradation_and_unit_corruption(self):
        evaluation = self._evaluation()
        member = self._score(self._line(evaluation, self.emp_prosecutor_1), 65, 30)
        head = self._score(self._line(evaluation, self.emp_head, is_leader=True), 65, 30)
        member.with_context(civil_evaluation_workflow=True).unit_corruption = True
        self.assertEqual(member.proposed_level, "excellent", "unit corruption only concerns leaders")
        head.with_context(civil_evaluation_workflow=True).unit_corruption = True
        self.assertEqual(head.proposed_level, "fail")
        member.with_context(civil_evaluation_workflow=True).degradation = True
        self.assertEqual(member.proposed_level, "fail")

    def test_months_rules(self):
        evaluation = self._evaluation(period_type="year")
        self.emp_clerk.civil_recruitment_date = date(2026, 8, 1)
        self.emp_prosecutor_1.civil_recruitment_date = date(2020, 1, 1)
        self.emp_prosecutor_2.civil_recruitment_date = date(2020, 1, 1)
        Leave = self.env["resource.calendar.leaves"]
        Leave.create(
            {
                "name": "Maternity",
                "resource_id": self.emp_prosecutor_1.resource_id.id,
                "calendar_id": self.calendar.id,
                "civil_leave_kind": "maternity",
                "date_from": datetime(2026, 2, 1),
                "date_to": datetime(2026, 7, 31, 23, 0),
            }
        )
        Leave.create(
            {
                "name": "Unpaid",
                "resource_id": self.emp_prosecutor_2.resource_id.id,
                "calendar_id": self.calendar.id,
                "civil_leave_kind": "unpaid",
                "date_from": datetime(2026, 3, 1),
                "date_to": datetime(2026, 6, 30, 23, 0),
            }
        )
        new, mother, away = (
            self._line(evaluation, e) for e in (self.emp_clerk, self.emp_prosecutor_1, self.emp_prosecutor_2)
        )
        (new | mother | away)._refresh_kpi()
        for line in (new, mother, away):
            self._score(line, 65, 30)
        self.assertTrue(new.not_rated)
        self.assertFalse(new.proposed_level)
        with self.assertRaisesMessage(ValidationError, "not rated"):
            new.with_context(civil_evaluation_workflow=True).write({"final_level": "done", "override_reason": "x"})
        self.assertFalse(mother.not_rated, "maternity leave counts as time worked")
        self.assertEqual(mother.proposed_level, "excellent")
        self.assertGreaterEqual(away.months_off, 3.9)
        self.assertEqual(away.proposed_level, "done", "off 3 to under 6 months: at most 'Completed'")
        with self.assertRaisesMessage(ValidationError, "at most"):
            away.with_context(civil_evaluation_workflow=True).write({"final_level": "good", "override_reason": "x"})

    def test_criteria_scheme(self):
        line = self._line(self._evaluation(year=2025, month="11"), self.emp_clerk, scheme=self.nd90_civil)

        def rate(quantity, quality, progress):
            """Quantity in percent of the standard; quality and progress in percent of the completed hours."""
            line.with_context(civil_evaluation_workflow=True).write(
                {
                    "standard_hours": 100.0,
                    "converted_hours": quantity,
                    "quantity_ratio": quantity,
                    "quality_hours": quantity * quality / 100.0,
                    "progress_hours": quantity * progress / 100.0,
                }
            )
            return line.proposed_level

        self.assertEqual(rate(120, 100, 100), "excellent")
        self.assertEqual(rate(119.9, 100, 100), "good")
        self.assertEqual(rate(100, 99.9, 100), "done")
        self.assertEqual(rate(100, 100, 99.9), "done")
        self.assertEqual(rate(80, 80, 80), "done")
        self.assertEqual(rate(100, 79.9, 100), "fail")
        self.assertEqual(rate(79.9, 100, 100), "fail")
        self.assertEqual(rate(0, 0, 0), "fail")

    def test_leader_unit_component(self):
        evaluation = self._evaluation()
        head = self._line(evaluation, self.emp_head, is_leader=True, kpi_own_points=60.0, task_points=60.0)
        one = self._score(self._line(evaluation, self.emp_prosecutor_1), 50, 25)
        two = self._score(self._line(evaluation, self.emp_prosecutor_2), 40, 25)
        evaluation.line_ids._update_unit_factors()
        self.assertEqual(head.unit_factor, 100.0)
        self.assertAlmostEqual(head.task_points, 60 * 0.7 + 70 * 0.3)
        self._score(two, 10, 20)
        self.assertEqual(two.proposed_level, "fail")
        evaluation.line_ids._update_unit_factors()
        self.assertEqual(head.unit_factor, 50.0)
        self.assertAlmostEqual(head.task_points, 60 * 0.7 + 70 * 0.3 * 0.5)
        self.assertTrue(one)


class TestEvaluationWizard(EvaluationCase):
    def _run(self, user=None, **vals):
        wizard = (
            self.env["hr.civil.evaluation.wizard"]
            .with_user(user or self.leader)
            .create({"company_id": self.company.id, "period_type": "month", "year": 2026, "month": "11", **vals})
        )
        action = wizard.action_run()
        return self.env["hr.civil.evaluation"].browse(action["res_id"])

    def test_wizard_creates_then_refreshes_without_overwriting(self):
        self._approved(MONDAY, lines=[self._task_line(self.task_hour, quantity=8)])
        self.emp_office_head.civil_staff_type_id = False  # no staff type: no scheme, left out
        evaluation = self._run()
        self.assertEqual(evaluation.line_ids.employee_id, self.all_employees - self.emp_office_head)
        self.assertIn("left out", evaluation.message_ids[0].body)
        clerk = evaluation.line_ids.filtered(lambda line: line.employee_id == self.emp_clerk)
        self.assertEqual(clerk.converted_hours, 8.0)
        self.assertEqual(clerk.standard_hours, 13 * 8.0, "November to date: 13 working days up to Wed 18/11")
        self.assertEqual(clerk.scheme_id, self.nd335)
        clerk.with_user(self.staff).write({"self_assessment": "Did my best", "self_general_points": 27})
        clerk.with_user(self.staff).action_self_submit()
        head = evaluation.line_ids.filtered(lambda line: line.employee_id == self.emp_head)
        self.assertTrue(head.is_leader)

        self._approved(TUESDAY, lines=[self._task_line(self.task_hour, quantity=8)])
        self.assertEqual(self._run(), evaluation, "the same period reuses its campaign")
        self.assertEqual(clerk.converted_hours, 16.0)
        self.assertEqual((clerk.self_assessment, clerk.self_general_points, clerk.state), ("Did my best", 27, "self"))

    def test_scheme_by_staff_type_and_date(self):
        self.emp_prosecutor_1.civil_staff_type_id = self.public_employee
        evaluation_2025 = self._run(year=2025)
        by_employee = {line.employee_id: line.scheme_id for line in evaluation_2025.line_ids}
        self.assertEqual(by_employee[self.emp_clerk], self.nd90_civil)
        self.assertEqual(by_employee[self.emp_prosecutor_1], self.nd90_public)
        evaluation_2026 = self._run()
        by_employee = {line.employee_id: line.scheme_id for line in evaluation_2026.line_ids}
        self.assertEqual(by_employee[self.emp_clerk], self.nd335)
        self.assertEqual(by_employee[self.emp_prosecutor_1], self.nd90_public)
        forced = self._run(month="10", scheme_id=self.nd90_public.id)
        self.assertEqual(forced.line_ids.employee_id, self.emp_prosecutor_1)

    def test_only_leaders_run_the_wizard(self):
        with self.assertRaises(AccessError):
            self._run(user=self.supervisor)
        self.assertTrue(self._run(user=self.org_officer))

    def test_deadline_and_late_rating(self):
        evaluation = self._evaluation(period_type="year", year=2025)
        self.assertEqual(evaluation.deadline, date(2025, 12, 15))
        self.assertTrue(evaluation.is_late)
        self.company.civil_special_nature = True
        evaluation.invalidate_recordset()
        evaluation._compute_dates()
        self.assertEqual(evaluation.deadline, date(2026, 1, 15))
        current = self._evaluation(period_type="year", year=2026)
        self.assertFalse(current.is_late)


class TestEvaluationWorkflow(EvaluationCase):
    def _decided_campaign(self, levels, group="professional"):
        evaluation = self._evaluation()
        employees = self.env["hr.employee"].create(
            [{"name": f"HRCS Rated {index}", "department_id": self.dept_prosecution.id} for index in range(len(levels))]
        )
        points = {"excellent": (65, 30), "good": (50, 25), "done": (30, 25), "fail": (10, 10)}
        for employee, level in zip(employees, levels, strict=True):
            line = self._score(self._line(evaluation, employee, quota_group=group), *points[level])
            self.assertEqual(line.proposed_level, level)
        evaluation.line_ids.with_user(self.leader).action_decide()
        return evaluation

    def test_quota_rounding(self):
        evaluation = self._decided_campaign(["good"] * 8 + ["excellent"] * 2)
        status = evaluation._quota_status()[0]
        self.assertEqual((status["good"], status["excellent"], status["allowed"], status["excess"]), (8, 2, 1, 1))
        with self.assertRaisesMessage(ValidationError, "1 too many"):
            evaluation.with_user(self.leader).action_finalise()
        self.assertEqual(evaluation.state, "open")
        self.nd335.quota_rounding = "half_up"  # 8 × 20 % = 1.6 → 2
        evaluation.with_user(self.leader).action_finalise()
        self.assertEqual(evaluation.state, "final")
        self.assertEqual(set(evaluation.line_ids.mapped("state")), {"final"})
        self.assertEqual(self.nd335._quota_allowed(7), 1)
        self.nd335.quota_rounding = "up"
        self.assertEqual(self.nd335._quota_allowed(6), 2)
        self.nd335.quota_rounding = "down"
        self.assertEqual(self.nd335._quota_allowed(4), 0)
        self.assertEqual(self.nd335._quota_allowed(5), 1)

    def test_quota_per_similar_task_group(self):
        evaluation = self._decided_campaign(["good"] * 6 + ["excellent"], group="professional")
        support = self.env["hr.employee"].create({"name": "HRCS Driver", "department_id": self.dept_office.id})
        line = self._score(self._line(evaluation, support, quota_group="support"), 65, 30)
        line.with_user(self.leader).action_decide()
        # Agency: 6 good → 1 allowed, 2 excellent; the support group alone: 0 good, 1 excellent.
        with self.assertRaisesMessage(
            ValidationError, "Support and service: 1 excellent for 0 good, 0 allowed, 1 too many"
        ):
            evaluation.with_user(self.leader).action_finalise()
        line.with_context(civil_evaluation_workflow=True).write(
            {"final_level": "good", "override_reason": "Quota of the support group"}
        )
        evaluation.with_user(self.leader).action_finalise()
        self.assertEqual(line.final_level, "good")

    def test_final_level_different_needs_reason(self):
        evaluation = self._decided_campaign(["good"])
        line = evaluation.line_ids
        with self.assertRaisesMessage(ValidationError, "reason"):
            line.with_user(self.leader).write({"final_level": "done"})
        line.with_user(self.leader).write({"final_level": "done", "override_reason": "Late reports in Q3"})
        self.assertEqual(line.final_level, "done")

    def test_finalise_needs_every_line_decided(self):
        evaluation = self._evaluation()
        self._score(self._line(evaluation, self.emp_clerk), 50, 25)
        with self.assertRaisesMessage(UserError, "not decided"):
            evaluation.with_user(self.leader).action_finalise()
        with self.assertRaises(AccessError):
            evaluation.with_user(self.supervisor).action_finalise()

    def test_appeal_and_redecision(self):
        evaluation = self._evaluation()
        line = self._score(self._line(evaluation, self.emp_clerk), 50, 25)
        line.with_user(self.leader).action_decide()
        evaluation.with_user(self.leader).action_finalise()
        self.assertEqual(line.notified_date, TODAY)
        self.assertEqual(line.appeal_deadline, date(2026, 11, 27), "7 working days from Wed 18/11")
        self.assertIn("You may appeal until 27/11/2026", line.message_ids[0].body)
        with self.assertRaises(UserError):
            line.with_user(self.leader).write({"final_level": "excellent"})
        with self.assertRaises(AccessError):
            line.with_user(self.supervisor).action_appeal("Not me")
        with self.assertRaisesMessage(UserError, "why"):
            line.with_user(self.staff).action_appeal("  ")
        line.with_user(self.staff).action_appeal("My Q4 reports were not counted")
        self.assertEqual((line.state, line.appeal_count), ("appealed", 1))
        with self.assertRaises(AccessError):
            line.with_user(self.staff).action_redecide("excellent", "x")
        line.with_user(self.leader).action_redecide("done", "Reports checked: two were late")
        self.assertEqual((line.state, line.final_level), ("final", "done"))
        self.assertIn("Reports checked", line.override_reason)
        self.assertIn("Re-decision after appeal", line.message_ids[0].body)

    def test_appeal_after_the_window(self):
        evaluation = self._evaluation()
        line = self._score(self._line(evaluation, self.emp_clerk), 50, 25)
        line.with_user(self.leader).action_decide()
        evaluation.with_user(self.leader).action_finalise()
        with freeze_time("2026-11-30 09:00:00"):
            with self.assertRaisesMessage(UserError, "closed on 27/11/2026"):
                line.with_user(self.staff).action_appeal("Too late")
        self.assertEqual(line.state, "final")

    def test_annual_average(self):
        self._approved(MONDAY, lines=[self._task_line(self.task_hour, quantity=8)])
        january, february, march = (self._evaluation(month=str(m)) for m in (1, 2, 3))
        for evaluation, (task, general) in ((january, (50, 30)), (february, (55, 30)), (march, (0, 0))):
            line = self._score(self._line(evaluation, self.emp_clerk), task, general)
            if evaluation == march:
                line.with_context(civil_evaluation_workflow=True).standard_hours = 0  # a month on leave: not rated
            line.with_user(self.leader).action_decide()
            evaluation.with_user(self.leader).action_finalise()
        self.assertTrue(march.line_ids.not_rated)
        annual = self._evaluation(period_type="year")
        line = self._line(annual, self.emp_clerk)
        line._refresh_kpi()
        self.assertEqual(line.annual_source_count, 2)
        self.assertEqual(line.total_score, 82.5)
        self.assertEqual(line.proposed_level, "good")

    def test_discipline_marked_counted_on_finalise(self):
        discipline = self.env["hr.civil.discipline"].create(
            {
                "name": "Absent",
                "employee_id": self.emp_clerk.id,
                "state": "decided",
                "measure": "reprimand",
                "decision_date": date(2026, 11, 2),
            }
        )
        evaluation = self._evaluation()
        line = self._line(evaluation, self.emp_clerk)
        line._refresh_kpi()
        self.assertEqual(line.discipline_ids, discipline)
        line.with_user(self.leader).action_decide()
        self.assertEqual(line.final_level, "fail")
        evaluation.with_user(self.leader).action_finalise()
        self.assertEqual(discipline.counted_year, 2026)


class TestEvaluationAccess(EvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation = cls.env["hr.civil.evaluation"].create(
            {"company_id": cls.company.id, "period_type": "month", "year": 2026, "month": "11"}
        )
        Line = cls.env["hr.civil.evaluation.line"].with_context(civil_evaluation_workflow=True)
        cls.lines = Line.create(
            [
                {
                    "evaluation_id": cls.evaluation.id,
                    "employee_id": employee.id,
                    "department_id": employee.department_id.id,
                    "scheme_id": cls.nd335.id,
                }
                for employee in cls.all_employees
            ]
        )
        cls.lines = cls.lines.with_context(civil_evaluation_workflow=False)
        cls.clerk_line = cls.lines.filtered(lambda line: line.employee_id == cls.emp_clerk)
        cls.prosecutor_line = cls.lines.filtered(lambda line: line.employee_id == cls.emp_prosecutor_1)

    def _visible(self, user):
        return self.env["hr.civil.evaluation.line"].with_user(user).search([("evaluation_id", "=", self.evaluation.id)])

    def test_staff_see_only_their_own(self):
        self.assertEqual(self._visible(self.staff), self.clerk_line)
        with self.assertRaises(AccessError):
            self.prosecutor_line.with_user(self.staff).check_access("read")
        with self.assertRaises(AccessError):
            self.clerk_line.with_user(self.staff).write({"supervisor_general_points": 30})
        with self.assertRaises(AccessError):
            self.clerk_line.with_user(self.staff).write({"final_level": "excellent"})
        with self.assertRaises(AccessError):
            self.env["hr.civil.evaluation.line"].with_user(self.staff).create(
                {"evaluation_id": self.evaluation.id, "employee_id": self.emp_clerk.id, "scheme_id": self.nd335.id}
            )

    def test_supervisors_see_their_units(self):
        self.assertEqual(self._visible(self.supervisor).employee_id, self.emp_clerk | self.emp_office_head)
        self.assertEqual(
            self._visible(self.head_user).employee_id, self.emp_head | self.emp_prosecutor_1 | self.emp_prosecutor_2
        )
        self.prosecutor_line.with_user(self.head_user).write({"supervisor_general_points": 26})
        self.prosecutor_line.with_user(self.head_user).action_propose()
        self.assertEqual(self.prosecutor_line.state, "proposed")
        with self.assertRaises(AccessError):
            self.prosecutor_line.with_user(self.head_user).write({"final_level": "good"})
        with self.assertRaises(AccessError):
            self.prosecutor_line.with_user(self.head_user).action_decide()

    def test_leaders_see_all(self):
        self.assertEqual(self._visible(self.leader), self.lines)
        self.assertEqual(self._visible(self.org_officer), self.lines)
        self.clerk_line.with_user(self.leader).write({"leader_general_points": 28})
        self.assertEqual(self.clerk_line.general_points, 28)

    def test_other_company_invisible(self):
        other = self.env["hr.employee"].create({"name": "HRCS Other Official", "company_id": self.company_2.id})
        evaluation = self.env["hr.civil.evaluation"].create(
            {"company_id": self.company_2.id, "period_type": "month", "year": 2026, "month": "11"}
        )
        line = self.env["hr.civil.evaluation.line"].create(
            {"evaluation_id": evaluation.id, "employee_id": other.id, "scheme_id": self.nd335.id}
        )
        self.assertFalse(self.env["hr.civil.evaluation.line"].with_user(self.leader).search([("id", "=", line.id)]))

    def test_discipline_access(self):
        record = self.env["hr.civil.discipline"].create(
            {"name": "Late", "employee_id": self.emp_prosecutor_1.id, "violation_type": "late"}
        )
        Discipline = self.env["hr.civil.discipline"]
        self.assertFalse(Discipline.with_user(self.staff).search([("id", "=", record.id)]))
        self.assertTrue(Discipline.with_user(self.head_user).search([("id", "=", record.id)]))
        with self.assertRaises(AccessError):
            Discipline.with_user(self.head_user).create({"name": "x", "employee_id": self.emp_prosecutor_2.id})
        self.assertTrue(
            Discipline.with_user(self.org_officer).create({"name": "x", "employee_id": self.emp_prosecutor_2.id})
        )


class TestObjectiveCause(EvaluationCase):
    def test_objective_cause_by_the_approver_only(self):
        diary = self._diary(TUESDAY, [self._task_line(self.task_hour, quantity=4, deadline=MONDAY)])
        diary.action_submit()
        line = diary.line_ids
        self.assertEqual(line.delay_count, 1)
        with self.assertRaises(UserError):
            line.with_user(self.staff).action_toggle_objective_cause()
        with self.assertRaises(UserError):
            line.with_user(self.staff).write({"objective_cause": True})
        line.with_user(self.supervisor).action_toggle_objective_cause()
        self.assertTrue(line.objective_cause)
        self.assertIn("Objective cause confirmed", diary.message_ids[0].body)
        diary.with_user(self.supervisor).action_approve()
        kpi = self.Kpi.compute(self.emp_clerk, *WEEK)[self.emp_clerk.id]
        self.assertEqual(kpi["delay_count"], 0)
        self.assertEqual(kpi["progress_hours"], 4.0)
        on_time = self._diary(MONDAY, [self._task_line(self.task_hour, quantity=2)])
        on_time.action_submit()
        with self.assertRaisesMessage(UserError, "neither a major error nor a delay"):
            on_time.line_ids.with_user(self.supervisor).action_toggle_objective_cause()


class TestEvaluationEmulationAccess(EvaluationCase):
    def test_emulation_officer_reads_final_annual_ratings_only(self):
        annual = self._evaluation(period_type="year")
        monthly = self._evaluation()
        final = self._score(self._line(annual, self.emp_prosecutor_1, months_worked=12), 50, 25)
        final.with_context(civil_evaluation_workflow=True).write({"state": "final", "final_level": "good"})
        open_line = self._line(monthly, self.emp_prosecutor_2)
        Line = self.env["hr.civil.evaluation.line"].with_user(self.emulation_officer)
        self.assertEqual(Line.search([("id", "in", (final | open_line).ids)]), final)
        with self.assertRaises(UserError):  # read-only for them, and final anyway
            final.with_user(self.emulation_officer).write({"leader_comment": "x"})


class TestEvaluationQueries(EvaluationCase):
    def test_unit_factors_queries_independent_of_leaders(self):
        """The leaders' unit component reads the hierarchy in a fixed number of queries."""
        evaluation = self._evaluation()
        Employee = self.env["hr.employee"]

        def count(leader_count):
            lines = self.env["hr.civil.evaluation.line"]
            for index in range(leader_count):
                boss = Employee.create(
                    {"name": f"HRCS Boss {leader_count}-{index}", "department_id": self.dept_office.id}
                )
                report = Employee.create({"name": f"HRCS Report {leader_count}-{index}", "parent_id": boss.id})
                lines |= self._line(evaluation, boss, is_leader=True, kpi_own_points=50.0)
                lines |= self._score(self._line(evaluation, report), 40 if index % 2 else 5, 20)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            lines._update_unit_factors()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before, lines

        few, _lines = count(2)
        many, lines = count(8)
        self.assertLessEqual(many, few + 2, "queries must not grow with the number of leaders")
        bosses = lines.filtered("is_leader")
        self.assertEqual(sorted(set(bosses.mapped("unit_factor"))), [50.0, 100.0])
