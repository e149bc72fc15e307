import csv
import io

from odoo.tests import tagged

from .common import HrCivilServiceCase

GROUPS = ["a", "b", "c", "d"]
LEVELS = ["n1", "n2", "n3", "n4", "n5"]
HEADERS = ["Code", "Task", "Output Product", "Unit", "Standard Hours", "Task Group", "Complexity Level", "Positions"]
FIELDS = ["code", "name", "product_name", "product_uom", "standard_hours", "group_id/id", "complexity_id/id", "job_ids"]


def csv_file(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def catalogue_row(index):
    """Row ``index`` of a realistic catalogue: groups and levels by external id, positions by name."""
    return [
        f"HRCS.IMP.{index:03d}",
        f"Imported task {index:03d} — soạn thảo văn bản",
        f"Product {index:03d}",
        "văn bản",
        f"{1 + index % 8}.5",
        f"hr_civil_service.hr_job_task_group_{GROUPS[index % 4]}",
        f"hr_civil_service.hr_job_task_complexity_{LEVELS[index % 5]}",
        "HRCS Prosecutor" if index % 10 == 0 else "",
    ]


@tagged("post_install", "-at_install")
class TestTaskImport(HrCivilServiceCase):
    """The organisation officer imports the catalogue through Odoo's standard import."""

    def _import(self, file_content, dryrun=False):
        importer = (
            self.env["base_import.import"]
            .with_user(self.org_officer)
            .create(
                {
                    "res_model": "hr.job.task",
                    "file": file_content,
                    "file_name": "hr_job_task.csv",
                    "file_type": "text/csv",
                }
            )
        )
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": ",",
            "encoding": "utf-8",
            "float_thousand_separator": ",",
            "float_decimal_separator": ".",
            "date_format": "",
            "datetime_format": "",
            "import_skip_records": [],
            "import_set_empty_fields": [],
            "fallback_values": {},
            "name_create_enabled_fields": {},
            "skip": 0,
            "limit": 2000,
            "keep_matches": False,
        }
        preview = importer.parse_preview(dict(options))
        self.assertNotIn("error", preview, preview.get("error"))
        self.assertEqual(preview["headers"], HEADERS)
        return importer.execute_import(FIELDS, HEADERS, options, dryrun=dryrun)

    def test_import_catalogue(self):
        rows = [catalogue_row(index) for index in range(1, 301)]
        tasks_before = self._count("hr.job.task")
        result = self._import(csv_file(rows))
        self.assertFalse([message for message in result["messages"] if message["type"] == "error"], result["messages"])
        self.assertEqual(len(result["ids"]), 300)
        self.assertEqual(self._count("hr.job.task"), tasks_before + 300)

        tasks = self.env["hr.job.task"].browse(result["ids"])
        self.assertEqual(tasks.company_id, self.company, "imported into the officer's agency")
        self.assertEqual(tasks.create_uid, self.org_officer)
        by_code = {task.code: task for task in tasks}
        self.assertEqual(len(by_code), 300)
        for index in (1, 2, 3, 4, 5, 150, 299, 300):
            with self.subTest(row=index):
                task = by_code[f"HRCS.IMP.{index:03d}"]
                level = self.env.ref(f"hr_civil_service.hr_job_task_complexity_{LEVELS[index % 5]}")
                self.assertEqual(task.group_id, self.env.ref(f"hr_civil_service.hr_job_task_group_{GROUPS[index % 4]}"))
                self.assertEqual(task.complexity_id, level)
                self.assertAlmostEqual(task.coefficient, level.coefficient, msg="coefficient from the level")
                self.assertAlmostEqual(task.standard_hours, 1 + index % 8 + 0.5)
                self.assertEqual(task.product_uom, "văn bản")
                self.assertEqual(task.job_ids, self.job_prosecutor if index % 10 == 0 else self.env["hr.job"])
        self.assertEqual(len(tasks.filtered(lambda task: task.group_id == self.group_c)), 75)
        self.assertEqual(len(tasks.filtered(lambda task: task.complexity_id == self.level_n5)), 60)
        self.assertEqual(self.job_prosecutor.civil_task_count, 30)

        # Importing the same file again creates nothing: the codes are taken.
        again = self._import(csv_file(rows[:5]))
        self.assertFalse(again["ids"])
        self.assertIn("already used", again["messages"][0]["message"])
        self.assertEqual(self._count("hr.job.task"), tasks_before + 300)

    def test_import_with_errors_saves_nothing(self):
        rows = [catalogue_row(index) for index in range(1, 21)]
        rows[4][4] = "0"  # standard hours
        rows[9][0] = rows[0][0]  # the same code twice in the file
        tasks_before = self._count("hr.job.task")
        result = self._import(csv_file(rows))
        self.assertFalse(result["ids"])
        errors = [message["message"] for message in result["messages"] if message["type"] == "error"]
        self.assertTrue(any("must be greater than zero" in error for error in errors), errors)
        self.assertTrue(any("HRCS.IMP.001" in error for error in errors), errors)
        self.assertEqual(self._count("hr.job.task"), tasks_before, "nothing is saved")

    def test_import_dry_run(self):
        tasks_before = self._count("hr.job.task")
        result = self._import(csv_file([catalogue_row(index) for index in range(1, 11)]), dryrun=True)
        self.assertEqual(len(result["ids"]), 10)
        self.assertEqual(self._count("hr.job.task"), tasks_before, "a test import saves nothing")
