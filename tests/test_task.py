from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import HrCivilServiceCase


@tagged("post_install", "-at_install")
class TestStandardTask(HrCivilServiceCase):
    def test_task_form_coefficient_follows_the_level(self):
        Task = self.env["hr.job.task"].with_user(self.org_officer)
        form = Form(Task)
        default_level = Task._default_complexity()
        self.assertEqual(form.complexity_id, default_level)
        self.assertAlmostEqual(form.coefficient, default_level.coefficient)
        form.name = "Draft an indictment"
        form.code = "  HRCS.C.01 "
        form.group_id = self.group_c
        form.product_name = "Indictment"
        form.product_uom = "document"
        form.standard_hours = 16
        form.complexity_id = self.level_n3
        self.assertAlmostEqual(form.coefficient, 1.5)
        form.complexity_id = self.level_n4
        self.assertAlmostEqual(form.coefficient, 1.8)
        form.coefficient = 1.9  # the agency may adjust the default of the level
        form.job_ids.add(self.job_prosecutor)
        task = form.save()

        self.assertEqual(task.code, "HRCS.C.01", "the code is stripped")
        self.assertEqual(task.company_id, self.company)
        self.assertEqual(task.complexity_id, self.level_n4)
        self.assertAlmostEqual(task.coefficient, 1.9)
        self.assertEqual(task.display_name, "[HRCS.C.01] Draft an indictment")
        self.assertEqual(self.job_prosecutor.civil_task_ids, task)
        self.assertIn(task, Task.search([("display_name", "ilike", "HRCS.C.01")]))

        # Another level brings its own coefficient back.
        form = Form(task.with_user(self.org_officer))
        form.complexity_id = self.level_n2
        self.assertAlmostEqual(form.coefficient, 1.2)
        form.save()
        self.assertAlmostEqual(task.coefficient, 1.2)

    def test_task_form_refuses_bad_coefficient(self):
        tasks_before = self._count("hr.job.task")
        form = Form(self.env["hr.job.task"].with_user(self.org_officer))
        form.name = "Too hard"
        form.code = "HRCS.C.02"
        form.group_id = self.group_c
        form.standard_hours = 1
        form.coefficient = 3.5
        with self.assertRaisesMessage(ValidationError, "above the maximum of 3.0"):
            form.save()
        self.assertEqual(self._count("hr.job.task"), tasks_before, "nothing is saved")

    def test_coefficient_bounds(self):
        tasks_before = self._count("hr.job.task")
        for coefficient in (0.0, -1.0):
            with (
                self.subTest(coefficient=coefficient),
                self.assertRaisesMessage(ValidationError, "must be greater than zero"),
            ):
                self._create_task("HRCS.B.01", coefficient=coefficient)
        with self.assertRaisesMessage(ValidationError, "above the maximum"):
            self._create_task("HRCS.B.01", coefficient=3.01)
        self.assertEqual(self._count("hr.job.task"), tasks_before, "nothing is saved")
        task = self._create_task("HRCS.B.01", coefficient=3.0)
        self.assertAlmostEqual(task.coefficient, 3.0, msg="the maximum itself is allowed")
        with self.assertRaisesMessage(ValidationError, "must be greater than zero"):
            task.coefficient = 0
        self.assertAlmostEqual(task.coefficient, 3.0)
        task.coefficient = 2.0

        # The maximum is the company's own.
        self.company.civil_max_complexity_coefficient = 2.5
        with self.assertRaisesMessage(ValidationError, "above the maximum of 2.5 set for HRCS Test Agency"):
            self._create_task("HRCS.B.02", coefficient=2.6)
        other = self._create_task("HRCS.B.02", coefficient=2.6, company_id=self.company_2.id)
        self.assertAlmostEqual(other.coefficient, 2.6)

    def test_complexity_level_bounds(self):
        Level = self.env["hr.job.task.complexity"].with_user(self.org_officer)
        levels_before = self._count("hr.job.task.complexity")
        for coefficient in (0.0, -0.5):
            with (
                self.subTest(coefficient=coefficient),
                self.assertRaisesMessage(ValidationError, "must be greater than zero"),
            ):
                Level.create({"name": "Nothing", "code": "HRCS.N0", "coefficient": coefficient})
        with self.assertRaisesMessage(ValidationError, "above the maximum"):
            Level.create({"name": "Heroic", "code": "HRCS.N9", "coefficient": 3.5})
        self.assertEqual(self._count("hr.job.task.complexity"), levels_before, "nothing is saved")
        with self.assertRaisesMessage(ValidationError, "above the maximum"):
            self.level_n5.with_user(self.org_officer).coefficient = 4
        self.assertAlmostEqual(self.level_n5.coefficient, 2.0)
        level = Level.create({"name": "Heroic", "code": "HRCS.N6", "coefficient": 3.0})
        self.assertEqual(level.display_name, "HRCS.N6 – Heroic")

    def test_standard_hours_must_be_positive(self):
        tasks_before = self._count("hr.job.task")
        for hours in (0.0, -2.0):
            with self.subTest(hours=hours), self.assertRaisesMessage(ValidationError, "must be greater than zero"):
                self._create_task("HRCS.H.01", standard_hours=hours)
        self.assertEqual(self._count("hr.job.task"), tasks_before)
        task = self._create_task("HRCS.H.01", standard_hours=0.25)
        with self.assertRaisesMessage(ValidationError, "must be greater than zero"):
            task.standard_hours = 0
        self.assertEqual(task.standard_hours, 0.25)

    def test_task_code_unique_per_company(self):
        Task = self.env["hr.job.task"].with_user(self.org_officer)
        existing = self._create_task("HRCS.D.01")
        tasks_before = self._count("hr.job.task")
        with self.assertRaisesMessage(ValidationError, "already used in HRCS Test Agency"):
            self._create_task("HRCS.D.01")
        with self.assertRaisesMessage(ValidationError, "already used"):
            self._create_task(" HRCS.D.01 ")  # the same code once stripped
        # Two of the same code in one batch: none of the batch is saved.
        values = {"name": "Batch", "group_id": self.group_d.id, "standard_hours": 1.0}
        with self.assertRaisesMessage(ValidationError, "used twice"):
            Task.create(
                [
                    dict(values, code="HRCS.D.02"),
                    dict(values, code="HRCS.D.03"),
                    dict(values, code="HRCS.D.02"),
                ]
            )
        self.assertEqual(self._count("hr.job.task"), tasks_before, "nothing of the batch is saved")
        self.assertFalse(self._count("hr.job.task", [("code", "in", ["HRCS.D.02", "HRCS.D.03"])]))

        # An archived task keeps its code.
        existing.action_archive()
        with self.assertRaisesMessage(ValidationError, "already used"):
            self._create_task("HRCS.D.01")
        # Renaming onto a used code is refused too.
        renamed = self._create_task("HRCS.D.04")
        with self.assertRaisesMessage(ValidationError, "already used"):
            renamed.with_user(self.org_officer).code = "HRCS.D.01"
        self.assertEqual(renamed.code, "HRCS.D.04")
        renamed.code = "HRCS.D.04"  # writing its own code again is fine

        # The same code in another company is fine (the other agency already has HRCS.001).
        self.assertEqual(self.task_other.code, "HRCS.001")
        mine = self._create_task("HRCS.001")
        self.assertEqual(mine.company_id, self.company)
        batch = self.env["hr.job.task"].create(
            [dict(values, code="HRCS.D.05"), dict(values, code="HRCS.D.05", company_id=self.company_2.id)]
        )
        self.assertEqual(len(batch), 2)

    def test_validity_dates(self):
        tasks_before = self._count("hr.job.task")
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            self._create_task("HRCS.V.01", date_from=date(2025, 6, 1), date_to=date(2025, 5, 31))
        self.assertEqual(self._count("hr.job.task"), tasks_before)
        task = self._create_task("HRCS.V.01", date_from=date(2025, 6, 1), date_to=date(2025, 6, 1))
        self.assertTrue(task._is_valid_on(date(2025, 6, 1)))
        self.assertFalse(task._is_valid_on(date(2025, 6, 2)))
        with self.assertRaisesMessage(ValidationError, "ends before it starts"):
            task.date_to = date(2025, 1, 1)

        Cap = self.env["hr.civil.rank.cap"].with_user(self.org_officer)
        caps_before = self._count("hr.civil.rank.cap")
        with self.assertRaisesMessage(ValidationError, "before its start date"):
            Cap.create(
                {"name": "HRCS cap", "max_share": 30, "date_from": date(2025, 1, 2), "date_to": date(2025, 1, 1)}
            )
        for share in (0, -5, 100.5):
            with self.subTest(share=share), self.assertRaisesMessage(ValidationError, "between 0 and 100"):
                Cap.create({"name": "HRCS cap", "max_share": share})
        self.assertEqual(self._count("hr.civil.rank.cap"), caps_before, "nothing is saved")

    def test_import_template(self):
        templates = self.env["hr.job.task"].with_user(self.org_officer).get_import_templates()
        self.assertEqual(
            [template["template"] for template in templates], ["/hr_civil_service/static/xls/hr_job_task.xlsx"]
        )
        self.assertTrue(templates[0]["label"])
