import base64
import io
import os
import subprocess
import tempfile
import unicodedata
import zipfile

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_civil_service.reports.hr_civil_evaluation_report import fmt_fixed, fmt_number

from .common import HrCivilServiceCase

try:
    import openpyxl
except ImportError:  # the XLSX is then checked as a zip of XML parts
    openpyxl = None

SHEET = "hr_civil_service.hr_civil_evaluation_line_print_sheet"
RANKING = "hr_civil_service.hr_civil_evaluation_print_ranking"
SUMMARY = "hr_civil_service.hr_civil_evaluation_print_summary"


class EvaluationReportsCase(HrCivilServiceCase):
    """A campaign of March 2026 with six officials in two units, built from stored line snapshots."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")  # a database may have only Vietnamese active
        cls.scheme = cls.env.ref("hr_civil_service.hr_civil_evaluation_scheme_nd335")
        Employee = cls.env["hr.employee"]
        # The agency: the chief prosecutor (the leader user) heads the top unit; the office chief (the supervisor
        # user) heads the office, above the clerk (the staff user).
        cls.emp_chief = Employee.create({"name": "HRCS Chief Prosecutor", "user_id": cls.leader.id})
        cls.dept_root = cls.env["hr.department"].create(
            {"name": "HRCS Procuracy", "company_id": cls.company.id, "manager_id": cls.emp_chief.id}
        )
        cls.emp_office_chief = Employee.create(
            {"name": "HRCS Office Chief", "user_id": cls.supervisor.id, "department_id": cls.dept_office.id}
        )
        (cls.dept_prosecution | cls.dept_office).parent_id = cls.dept_root
        cls.dept_office.manager_id = cls.emp_office_chief
        cls.emp_clerk.parent_id = cls.emp_office_chief
        cls.emp_anh = Employee.create(
            {"name": "Nguyễn Thị Ánh", "job_id": cls.job_prosecutor.id, "department_id": cls.dept_prosecution.id}
        )
        cls.emp_new = Employee.create(
            {"name": "HRCS Newcomer", "job_id": cls.job_clerk.id, "department_id": cls.dept_office.id}
        )
        cls.evaluation = cls.env["hr.civil.evaluation"].create(
            {
                "company_id": cls.company.id,
                "period_type": "month",
                "year": 2026,
                "month": "3",
                "scheme_id": cls.scheme.id,
            }
        )
        # Prosecution: 94 (excellent), 85.5 and 85.5 (good, a tie), 65 (completed), all decided;
        # office: 72 (good, proposed only) and a newcomer without working hours (not rated).
        cls.line_head, cls.line_one, cls.line_anh, cls.line_two, cls.line_clerk, cls.line_new = cls._lines(
            cls.evaluation,
            [
                (cls.emp_head, "leadership", 66.0, (0.0, 0.0, 28.0), "final", "excellent"),
                (cls.emp_prosecutor_1, "professional", 60.0, (27.0, 26.0, 25.5), "final", "good"),
                (cls.emp_anh, "professional", 60.0, (0.0, 0.0, 25.5), "final", "good"),
                (cls.emp_prosecutor_2, "professional", 45.0, (0.0, 0.0, 20.0), "decided", "done"),
                (cls.emp_clerk, "support", 50.0, (26.0, 0.0, 22.0), "proposed", False),
                (cls.emp_new, "support", 0.0, (0.0, 0.0, 0.0), "draft", False),
            ],
        )

    @classmethod
    def _lines(cls, evaluation, specs):
        vals_list = []
        for employee, group, task_points, points, state, level in specs:
            vals_list.append(
                {
                    "evaluation_id": evaluation.id,
                    "employee_id": employee.id,
                    "department_id": employee.department_id.id,
                    "job_id": employee.job_id.id,
                    "parent_id": employee.parent_id.id,
                    "scheme_id": cls.scheme.id,
                    "quota_group": group,
                    "standard_hours": 176.0 if task_points else 0.0,
                    "converted_hours": 180.5 if task_points else 0.0,
                    "line_count": 12,
                    "error_count": 1,
                    "delay_count": 2,
                    "quantity_ratio": 102.56 if task_points else 0.0,
                    "quality_ratio": 95.0,
                    "progress_ratio": 88.75,
                    "kpi_own_points": task_points,
                    "task_points": task_points,
                    "self_general_points": points[0],
                    "supervisor_general_points": points[1],
                    "leader_general_points": points[2],
                    "self_assessment": f"Self-assessment of {employee.name}",
                    "state": state,
                    "final_level": level,
                }
            )
        return (
            cls.env["hr.civil.evaluation.line"]
            .with_context(civil_evaluation_workflow=True, tracking_disable=True)
            .create(vals_list)
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _report(self, user=None):
        report = self.env["ir.actions.report"].with_context(lang="en_US")
        return report.with_user(user) if user else report

    def _html_text(self, report_ref, records, user=None):
        content, _kind = self._report(user)._render_qweb_html(report_ref, records.ids)
        return unicodedata.normalize("NFC", " ".join(content.decode().split()))

    def _pdf_text(self, report_ref, records, user=None):
        # An unpatched wkhtmltopdf warns about the switches it ignores: not a fault of the report.
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            content, kind = (
                self._report(user).with_context(force_report_rendering=True)._render_qweb_pdf(report_ref, records.ids)
            )
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "report.pdf")
            with open(path, "wb") as pdf:
                pdf.write(content)
            text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, check=True).stdout.decode()
        return unicodedata.normalize("NFC", " ".join(text.split()))

    def assertInOrder(self, text, *fragments):
        positions = [text.find(fragment) for fragment in fragments]
        self.assertNotIn(-1, positions, f"missing one of {fragments}")
        self.assertEqual(positions, sorted(positions), f"{fragments} are not in this order")

    def _export(self, user=None, departments=None):
        Export = self.env["hr.civil.evaluation.export"]
        if user:
            Export = Export.with_user(user)
        wizard = Export.with_context(lang="en_US").create(
            {
                "evaluation_id": self.evaluation.id,
                "department_ids": [Command.set(departments.ids)] if departments else False,
            }
        )
        action = wizard.action_export_xlsx()
        self.assertIn("download=true", action["url"])
        self.assertTrue(wizard.xlsx_filename.endswith(".xlsx"))
        return base64.b64decode(wizard.xlsx_file)


@tagged("post_install", "-at_install")
class TestEvaluationReports(EvaluationReportsCase):
    """The documents of an evaluation as HTML and XLSX, and the leaders' dashboard: every figure is the stored line
    snapshot, in Vietnamese format."""

    # ------------------------------------------------------------------
    # Formats
    # ------------------------------------------------------------------
    def test_vietnamese_number_format(self):
        self.assertEqual(fmt_number(85.5), "85,5")
        self.assertEqual(fmt_number(90.0), "90")
        self.assertEqual(fmt_number(1234.5), "1.234,5")
        self.assertEqual(fmt_number(72.256), "72,26")
        self.assertEqual(fmt_number(-4.0), "-4")
        self.assertEqual(fmt_fixed(100.0), "100,0")
        self.assertEqual(fmt_fixed(66.666), "66,7")

    # ------------------------------------------------------------------
    # Individual sheet
    # ------------------------------------------------------------------
    def test_sheet_diacritics_and_staff_access(self):
        self.assertIn("Nguyễn Thị Ánh", self._html_text(SHEET, self.line_anh, user=self.leader))
        # The clerk prints their own sheet; their supervisor signs; nobody else's sheet.
        html = self._html_text(SHEET, self.line_clerk, user=self.staff)
        self.assertIn("HRCS Clerk", html)
        self.assertIn("HRCS Office Chief", html)
        self.assertIn("72", html)
        self.assertIn("Self-assessment of HRCS Clerk", html)
        with self.assertRaises(AccessError):
            self._html_text(SHEET, self.line_one, user=self.staff)

    def test_sheet_not_rated(self):
        html = self._html_text(SHEET, self.line_new, user=self.leader)
        self.assertIn("not rated", html)
        self.assertNotIn("Level decided", html)

    # ------------------------------------------------------------------
    # Ranking and summary
    # ------------------------------------------------------------------
    def test_ranking_data(self):
        data = self.env["report.hr_civil_service.report_evaluation_ranking"]._evaluation_data(self.evaluation)
        self.assertEqual([unit["name"] for unit in data["units"]], ["HRCS Office", "HRCS Prosecution Division"])
        office, prosecution = data["units"]
        self.assertEqual(
            [(row["rank"], row["name"], row["total_score"]) for row in prosecution["rows"]],
            [
                (1, "HRCS Head", 94.0),
                (2, "HRCS Prosecutor One", 85.5),
                (2, "Nguyễn Thị Ánh", 85.5),
                (4, "HRCS Prosecutor Two", 65.0),
            ],
        )
        self.assertEqual([row["rank"] for row in office["rows"]], [1, False])  # the newcomer is not rated
        self.assertEqual(prosecution["totals"]["levels"], {"excellent": 1, "good": 2, "done": 1, "fail": 0})
        self.assertEqual(prosecution["totals"]["average"], 82.5)
        self.assertEqual(office["totals"]["scored"], 0)
        self.assertEqual(office["totals"]["not_rated"], 1)
        self.assertEqual(data["totals"]["scored_rate"], 66.7)
        self.assertEqual(data["totals"]["average"], 80.4)
        self.assertEqual(data["quota"], self.evaluation._quota_status())

    def test_ranking_supervisor_sees_own_units(self):
        html = self._html_text(RANKING, self.evaluation, user=self.supervisor)
        self.assertIn("HRCS Clerk", html)
        self.assertNotIn("HRCS Prosecutor One", html)
        with self.assertRaises(AccessError):
            self._html_text(RANKING, self.evaluation, user=self.user_internal)

    def test_ranking_query_count(self):
        """The ranking reads a campaign in one pass: the number of queries does not grow with the lines."""
        big = self.env["hr.civil.evaluation"].create(
            {
                "company_id": self.company.id,
                "period_type": "month",
                "year": 2026,
                "month": "4",
                "scheme_id": self.scheme.id,
            }
        )
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"HRCS Official {number:03d}",
                    "job_id": self.job_prosecutor.id,
                    "department_id": (self.dept_prosecution if number % 2 else self.dept_office).id,
                }
                for number in range(60)
            ]
        )
        self._lines(
            big,
            [
                (employee, "professional", 40.0 + index % 30, (20.0, 20.0, 20.0), "decided", False)
                for index, employee in enumerate(employees)
            ],
        )
        small = self.evaluation
        counts = {}
        for evaluation in (small, big, small, big):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            self._report(self.leader)._render_qweb_html(RANKING, evaluation.ids)
            counts[evaluation] = self.cr.sql_log_count - start
        self.assertLessEqual(counts[big], counts[small] + 2, counts)

    def test_report_bindings(self):
        self.assertEqual(self.env.ref(SHEET).binding_model_id.model, "hr.civil.evaluation.line")
        self.assertEqual(self.env.ref(RANKING).binding_model_id.model, "hr.civil.evaluation")
        self.assertEqual(self.env.ref(SUMMARY).binding_model_id.model, "hr.civil.evaluation")
        self.assertEqual(self.env.ref(SHEET).paperformat_id.format, "A4")

    # ------------------------------------------------------------------
    # Spreadsheet
    # ------------------------------------------------------------------
    def test_xlsx(self):
        content = self._export(user=self.leader)
        if not openpyxl:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                workbook = archive.read("xl/workbook.xml").decode()
                self.assertIn("HRCS Office", workbook)
                self.assertIn("HRCS Prosecution Division", workbook)
            return
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Summary", "HRCS Office", "HRCS Prosecution Division"])
        summary = book["Summary"]
        self.assertEqual(summary["A4"].value, "No.")
        self.assertEqual(summary["B4"].value, "Unit")
        self.assertEqual(summary["F4"].value, "HTXSNV - Excellent")
        self.assertEqual(summary["B5"].value, "HRCS Procuracy / HRCS Office")
        self.assertEqual(summary["B6"].value, "HRCS Procuracy / HRCS Prosecution Division")
        prosecution = [cell.value for cell in summary[6]]
        self.assertEqual(prosecution[2:6], [4, 4, 100, 1])
        self.assertEqual(prosecution[-1], 82.5)
        self.assertEqual(summary["B7"].value, "Total")
        self.assertEqual(summary["E7"].value, 66.7)
        self.assertEqual(summary["E7"].data_type, "n")
        quota = [row for row in summary.iter_rows(values_only=True) if row[1] == "Whole agency"]
        self.assertEqual(quota[0][1:7], ("Whole agency", 5, 3, 1, 0, 1))

        sheet = book["HRCS Prosecution Division"]
        header = [cell.value for cell in sheet[4]]
        self.assertEqual(header[:3], ["Rank", "Full Name", "Position"])
        self.assertIn("Total Score", header)
        rows = {row[1]: row for row in sheet.iter_rows(min_row=5, values_only=True) if row[1]}
        one = rows["HRCS Prosecutor One"]
        self.assertEqual(one[0], 2)
        self.assertEqual(one[header.index("Total Score")], 85.5)
        self.assertEqual(one[header.index("Converted Hours")], 180.5)
        self.assertEqual(one[header.index("Self General Points")], 27)
        self.assertEqual(one[header.index("Final Level")], "HTTNV")
        self.assertIn("Nguyễn Thị Ánh", rows)
        cell = sheet.cell(row=6, column=header.index("Total Score") + 1)
        self.assertEqual(cell.data_type, "n")
        self.assertEqual(cell.number_format, "0.00")

    def test_xlsx_units_and_access(self):
        if not openpyxl:
            return
        book = openpyxl.load_workbook(io.BytesIO(self._export(user=self.leader, departments=self.dept_office)))
        self.assertEqual(book.sheetnames, ["Summary", "HRCS Office"])
        # A supervisor exports what they may read: their own unit.
        book = openpyxl.load_workbook(io.BytesIO(self._export(user=self.supervisor)))
        self.assertEqual(book.sheetnames, ["Summary", "HRCS Office"])
        with self.assertRaises(AccessError):
            self._export(user=self.staff)

    def test_sheet_names(self):
        Export = self.env["hr.civil.evaluation.export"]
        used = set()
        self.assertEqual(Export._sheet_name("Phòng 1/2: [Hình sự]", used), "Phòng 1-2- -Hình sự-")
        long_name = "Phòng thực hành quyền công tố và kiểm sát xét xử"
        first = Export._sheet_name(long_name, used)
        second = Export._sheet_name(long_name, used)
        self.assertEqual(len(first), 31)
        self.assertLessEqual(len(second), 31)
        self.assertTrue(second.endswith("(2)"))

    # ------------------------------------------------------------------
    # Dashboard
    # ------------------------------------------------------------------
    def test_analysis_figures(self):
        Analysis = self.env["hr.civil.evaluation.analysis"].with_user(self.leader)
        groups = {
            department: (count, scored_rate, score, gap, excellent, good)
            for department, count, scored_rate, score, gap, excellent, good in Analysis._read_group(
                [("evaluation_id", "=", self.evaluation.id)],
                ["department_id"],
                [
                    "line_count:sum",
                    "scored_rate:avg",
                    "total_score:avg",
                    "score_gap:avg",
                    "excellent_count:sum",
                    "good_count:sum",
                ],
            )
        }
        self.assertEqual(groups[self.dept_prosecution][:3], (4, 100.0, 82.5))
        self.assertEqual(groups[self.dept_prosecution][4:], (1, 2))
        self.assertEqual(groups[self.dept_prosecution][3], -1.5)  # only Prosecutor One gave points: 25.5 - 27
        self.assertEqual(groups[self.dept_office][:2], (2, 0.0))
        self.assertEqual(groups[self.dept_office][3], -4.0)
        clerk = Analysis.search([("employee_id", "=", self.emp_clerk.id)])
        self.assertEqual(clerk.level, "good")
        self.assertFalse(clerk.final_level)
        self.assertEqual(clerk.proposed_level, "good")
        self.assertFalse(clerk.scored)
        newcomer = Analysis.search([("employee_id", "=", self.emp_new.id)])
        self.assertTrue(newcomer.not_rated)
        self.assertFalse(newcomer.level)
        self.assertEqual(newcomer.not_rated_count, 1)

    def test_analysis_access(self):
        Analysis = self.env["hr.civil.evaluation.analysis"]
        domain = [("evaluation_id", "=", self.evaluation.id)]
        self.assertEqual(Analysis.with_user(self.staff).search(domain).employee_id, self.emp_clerk)
        self.assertEqual(Analysis.with_user(self.supervisor).search(domain).employee_id, self.emp_clerk | self.emp_new)
        self.assertEqual(len(Analysis.with_user(self.leader).search(domain)), 6)
        self.assertEqual(len(Analysis.with_user(self.org_officer).search(domain)), 6)
        self.assertFalse(Analysis.with_user(self.emulation_officer).search(domain))
        with self.assertRaises(AccessError):
            Analysis.with_user(self.user_internal).search(domain)
        row = Analysis.with_user(self.staff).search(domain)
        with self.assertRaises(AccessError):
            row.write({"total_score": 100.0})
        with self.assertRaises(AccessError):
            Analysis.with_user(self.staff).browse(self.line_one.id).total_score  # noqa: B018
        # Another agency's users see nothing of this one.
        other = self.env["res.users"].create(
            {
                "name": "HRCS Other Leader",
                "login": "hrcs_other_leader",
                "company_id": self.company_2.id,
                "company_ids": [Command.set(self.company_2.ids)],
                "groups_id": [Command.set([self.env.ref("hr_civil_service.group_leader").id])],
            }
        )
        self.assertFalse(Analysis.with_user(other).with_context(allowed_company_ids=self.company_2.ids).search(domain))


@tagged("post_install", "-at_install")
class TestEvaluationReportsPdf(EvaluationReportsCase, HttpCase):
    """The real PDFs (wkhtmltopdf reads the assets from the test server, hence an HttpCase), read back as text."""

    def test_sheet_pdf(self):
        text = self._pdf_text(SHEET, self.line_one, user=self.leader)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
        self.assertIn("Độc lập - Tự do - Hạnh phúc", text)
        self.assertIn("HRCS TEST AGENCY", text)
        self.assertIn("Month 3/2026 (from 01/03/2026 to 31/03/2026)", text)
        self.assertIn("HRCS Prosecutor One", text)
        self.assertIn("HRCS Procuracy / HRCS Prosecution Division", text)
        # Figures of the snapshot, with a decimal comma: hours, ratios, points of each actor, total.
        self.assertIn("180,5", text)
        self.assertIn("102,6", text)
        self.assertIn("88,8", text)
        self.assertIn("27 26 25,5 25,5", text)
        self.assertIn("Total score 85,5", text)
        self.assertIn("Good (HTTNV)", text)
        for signature in ("THE OFFICIAL", "THE SUPERVISOR", "THE LEADER"):
            self.assertIn(signature, text.upper())
        self.assertIn("HRCS Chief Prosecutor", text)  # the leader who signs: head of the top unit

    def test_ranking_pdf(self):
        text = self._pdf_text(RANKING, self.evaluation, user=self.leader)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
        self.assertIn("Month 3/2026", text)
        self.assertInOrder(
            text,
            "HRCS Procuracy / HRCS Office",
            "HRCS Clerk",
            "HRCS Newcomer",
            "HRCS Procuracy / HRCS Prosecution Division",
            "HRCS Head",
            "HRCS Prosecutor One",
            "Nguyễn Thị Ánh",
            "HRCS Prosecutor Two",
        )
        self.assertIn("102,6 95,0 88,8 60 25,5 85,5 HTTNV HTTNV", text)
        self.assertIn("94 HTXSNV HTXSNV", text)
        self.assertIn("Not rated", text)
        # Distribution of the unit and the quota check: the whole agency has 1 excellent for 3 good, none allowed.
        self.assertIn("HTXSNV: 1 (25,0 %)", text)
        self.assertIn("HTTNV: 2 (50,0 %)", text)
        self.assertIn("Average score: 82,5", text)
        self.assertIn("Whole agency 5 3 1 0 Exceeded by 1", text)
        self.assertIn("Leadership and management 1 0 1 0 Exceeded by 1", text)
        self.assertIn("Sector-specific professional 3 2 0 0 Within the quota", text)

    def test_summary_pdf(self):
        text = self._pdf_text(SUMMARY, self.evaluation, user=self.org_officer)
        self.assertIn("Độc lập - Tự do - Hạnh phúc", text)
        # Unit, officials, scored, scored %, then number and share of each level, not rated, average.
        self.assertIn("HRCS Procuracy / HRCS Office 2 0 0,0 0 0,0 1 100,0 0 0,0 0 0,0 1 72", text)
        self.assertIn(
            "HRCS Procuracy / HRCS Prosecution 4 4 100,0 1 25,0 2 50,0 1 25,0 0 0,0 0 82,5", text
        )  # "Division" wraps to the next line of its cell
        self.assertIn("Total 6 4 66,7 1 20,0 3 60,0 1 20,0 0 0,0 1 80,4", text)
        self.assertIn("Exceeded by 1", text)
