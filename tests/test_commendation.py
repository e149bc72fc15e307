import base64
import io
import subprocess
import tempfile
import zipfile
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_emulation_title import YEAR, EmulationCase

try:
    import openpyxl
except ImportError:  # pragma: no cover
    openpyxl = None


class SummaryFixture:
    """Commendations and the fixture of the year-end summary, for the transaction and the HTTP tests."""

    def _commendation(self, recipients, **vals):
        """``recipients``: employees and departments, in order."""
        return self.env["hr.commendation"].create(
            {
                "name": "Excellent results in the 2025 emulation movement",
                "form": "certificate",
                "commendation_type": "merit",
                "authority": "Viện trưởng VKSND thành phố Cần Thơ",
                "decision_number": "25/QĐ-VKS",
                "decision_date": date(YEAR, 12, 26),
                "bonus_multiple": 0.3,
                "recipient_ids": [
                    Command.create({"employee_id": r.id} if r._name == "hr.employee" else {"department_id": r.id})
                    for r in recipients
                ],
                **vals,
            }
        )

    def _summary_fixture(self):
        ldtt = self._register(
            self.title_ldtt, self.emp_prosecutor_1, decision_number="40/QĐ-VKS", decision_date=date(YEAR, 12, 30)
        )
        ldtt.state = "approved"
        self._register(self.title_ldtt, self.emp_prosecutor_2, state="rejected")
        unit = self._register(self.title_ttldtt, self.dept_office, decision_date=date(YEAR, 12, 30))
        unit.state = "approved"
        commendation = self._commendation([self.emp_prosecutor_2, self.dept_office])
        commendation.with_user(self.emulation_officer).action_decide()
        self._initiative([(self.emp_prosecutor_1, 70), (self.emp_head, 30)], name="Electronic case file index")
        return self.env["hr.emulation.summary.export"].with_user(self.emulation_officer).create({"year": YEAR})


@tagged("post_install", "-at_install")
class TestCommendation(SummaryFixture, EmulationCase):
    """Commendation decisions: bonus amounts, recipients, the review rule, access; the year-end summary."""

    def test_bonus(self):
        commendation = self._commendation([self.emp_prosecutor_1, self.emp_prosecutor_2, self.dept_office])
        self.assertEqual(commendation.recipient_ids.mapped("amount"), [702000.0] * 3)
        self.assertEqual(commendation.amount_total, 2106000.0)
        self.assertEqual(commendation.recipient_ids.mapped("is_collective"), [False, False, True])
        self.assertEqual(commendation.recipient_ids[0].department_id, self.dept_prosecution)
        commendation.bonus_multiple = 1.0
        self.assertEqual(commendation.amount_total, 7020000.0)
        # before the base salary of 01/07/2024 is in force, no amount is known
        commendation.decision_date = date(2024, 6, 30)
        self.assertEqual(commendation.amount_total, 0.0)

    def test_decide(self):
        commendation = self._commendation(
            self.emp_prosecutor_1, decision_number=False, form="certificate_ministry", commendation_type="good_deeds"
        )
        officer = commendation.with_user(self.emulation_officer)
        with self.assertRaisesMessage(UserError, "decision number"):
            officer.action_decide()
        officer.decision_number = "30/QĐ-UBND"
        self.env["hr.civil.discipline"].create(
            {"name": "Complaint under review", "employee_id": self.emp_prosecutor_1.id}
        )
        with self.assertRaisesMessage(UserError, "HRCS Prosecutor One"):
            officer.action_decide()
        self.assertEqual(commendation.state, "draft")
        self.env["hr.civil.discipline"].search([("employee_id", "=", self.emp_prosecutor_1.id)]).state = "cancelled"
        officer.action_decide()
        self.assertEqual(commendation.state, "decided")
        self.assertEqual(self.emp_prosecutor_1.commendation_count, 1)
        with self.assertRaisesMessage(UserError, "cannot be deleted"):
            commendation.unlink()

    def test_access(self):
        commendation = self._commendation(self.emp_prosecutor_1)
        self.assertTrue(commendation.with_user(self.staff).read(["name"]))
        with self.assertRaises(AccessError):
            self.env["hr.commendation"].with_user(self.staff).create({"name": "Self-awarded"})
        with self.assertRaises(AccessError):
            commendation.with_user(self.staff).write({"bonus_multiple": 10})
        with self.assertRaisesMessage(UserError, "Only an emulation officer"):
            commendation.with_user(self.staff).action_decide()
        created = (
            self.env["hr.commendation"]
            .with_user(self.emulation_officer)
            .create({"name": "Good deed: returned a lost wallet", "commendation_type": "good_deeds"})
        )
        self.assertEqual(created.company_id, self.company)
        foreign = self.env["hr.commendation"].create({"name": "Other agency", "company_id": self.company_2.id})
        with self.assertRaises(AccessError):
            foreign.with_user(self.emulation_officer).read(["name"])

    # ------------------------------------------------------------------
    # Year-end summary
    # ------------------------------------------------------------------
    def test_summary_data(self):
        wizard = self._summary_fixture()
        data = wizard._summary_data()
        self.assertEqual([t["code"] for t in data["titles"]], ["LĐTT", "TTLĐTT"])
        rows = {row["unit"]: row for row in data["rows"]}
        prosecution, office = rows[self.dept_prosecution.display_name], rows[self.dept_office.display_name]
        self.assertEqual(prosecution["titles"][self.title_ldtt.id], 1, "the refused registration is not counted")
        self.assertEqual(prosecution["title_amount"], 702000.0)
        self.assertEqual(prosecution["commendation_count"], 1)
        self.assertEqual(prosecution["initiative_count"], 1)
        self.assertEqual(prosecution["amount"], 1404000.0)
        self.assertEqual(office["titles"][self.title_ttldtt.id], 1)
        self.assertEqual(office["amount"], 1872000.0 + 702000.0)
        self.assertEqual(data["totals"]["amount"], 1404000.0 + 2574000.0)
        wizard.department_ids = self.dept_office
        self.assertEqual([row["unit"] for row in wizard._summary_data()["rows"]], [self.dept_office.display_name])

    def test_summary_xlsx(self):
        wizard = self._summary_fixture()
        action = wizard.action_export_xlsx()
        self.assertIn("xlsx_file", action["url"])
        content = base64.b64decode(wizard.xlsx_file)
        self.assertTrue(wizard.xlsx_filename.endswith(".xlsx"))
        if openpyxl is None:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", archive.read("xl/sharedStrings.xml").decode())
            return
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.worksheets[0]
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        flat = [value for row in values for value in row if value is not None]
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", flat)
        self.assertIn("Độc lập - Tự do - Hạnh phúc", flat)
        header = values[7]
        self.assertEqual(header[:4], ["No.", "Unit", "LĐTT", "TTLĐTT"])
        self.assertTrue(sheet.cell(row=8, column=1).font.bold, "formatted headers")
        rows = {row[1]: row for row in values[8:]}
        prosecution = rows[self.dept_prosecution.display_name]
        self.assertEqual(prosecution[2:], [1, 0, 702000, 1, 702000, 1, 1404000])
        self.assertIsInstance(prosecution[4], int | float, "numbers are numbers")
        self.assertEqual(rows["Total"][-1], 3978000)
        titles = book.worksheets[1]
        self.assertEqual(titles.cell(row=2, column=6).value.date(), date(YEAR, 12, 30))
        self.assertEqual(titles.cell(row=2, column=6).number_format, "dd/mm/yyyy")
        initiatives = [[c.value for c in row] for row in book.worksheets[3].iter_rows()]
        self.assertEqual(initiatives[1][1], "Electronic case file index")


@tagged("post_install", "-at_install")
class TestEmulationSummaryPdf(SummaryFixture, EmulationCase, HttpCase):
    """The summary printed as a real PDF: wkhtmltopdf loads the report assets from the test server, which only
    an HttpCase shares the test transaction with."""

    def test_summary_pdf(self):
        wizard = self._summary_fixture()
        report = self.env.ref("hr_civil_service.hr_emulation_summary_report_print")
        html = self.env["ir.actions.report"]._render_qweb_html(report, wizard.ids)[0].decode()
        for text in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "LĐTT",
            "TTLĐTT",
            "HRCS Prosecution Division",
            "702.000",
            "3.978.000",
            "40/QĐ-VKS",
            "(30/12/2025)",
            "Electronic case file index",
            "HRCS Prosecutor One (70 %)",
            "26/12/2025",
        ):
            self.assertIn(text, html)
        # Debian's wkhtmltopdf warns that its Qt is unpatched: not a problem of the report
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(report, wizard.ids)[0]
            )
        self.assertTrue(pdf.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True).stdout
        text = text.decode()
        for fragment in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Electronic case file index", "702.000"):
            self.assertIn(fragment, text)
