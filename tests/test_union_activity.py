import shutil
import subprocess
from datetime import date

from lxml import html as lxml_html

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import HrCivilServiceCase
from .test_emulation_pledge import render_real_pdf


@tagged("post_install", "-at_install")
class TestUnionActivity(HrCivilServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Activity = cls.env["hr.union.activity"]
        cls.visit, cls.donation, cls.blood, cls.dialogue = Activity.create(
            [
                {
                    "name": "HRCS Visit in hospital",
                    "activity_type": "welfare_visit",
                    "date": date(2024, 3, 12),
                    "amount": 2_000_000,
                    "employee_id": cls.emp_prosecutor_1.id,
                },
                {
                    "name": "HRCS Typhoon relief",
                    "activity_type": "donation",
                    "date": date(2024, 9, 16),
                    "amount": 35_000_000,
                },
                {
                    "name": "HRCS Blood drive",
                    "activity_type": "blood_donation",
                    "date": date(2024, 7, 10),
                    "participant_ids": [
                        Command.create({"employee_id": cls.emp_head.id, "note": "350 ml"}),
                        Command.create({"employee_id": cls.emp_prosecutor_2.id}),
                        Command.create({"name": "A member's brother"}),
                    ],
                },
                {
                    "name": "HRCS Dialogue",
                    "activity_type": "dialogue",
                    "date": date(2024, 11, 28),
                    "participant_ids": [Command.create({"employee_id": cls.emp_clerk.id})],
                },
            ]
        )
        # not counted: planned, cancelled, another year, another agency
        Activity.create(
            [
                {
                    "name": "Planned",
                    "activity_type": "support",
                    "date": date(2024, 12, 1),
                    "amount": 1_000,
                    "state": "planned",
                },
                {"name": "Cancelled", "activity_type": "support", "date": date(2024, 12, 2), "amount": 2_000},
                {"name": "Last year", "activity_type": "support", "date": date(2023, 12, 2), "amount": 3_000},
                {
                    "name": "Other agency",
                    "activity_type": "support",
                    "date": date(2024, 5, 2),
                    "amount": 4_000,
                    "company_id": cls.company_2.id,
                },
            ]
        )[1].action_cancel()

    def test_participant_count(self):
        self.assertEqual(self.blood.participant_count, 3)
        self.assertEqual(self.blood.participant_ids[0].name, "HRCS Head")
        self.blood.participant_ids[-1].unlink()
        self.assertEqual(self.blood.participant_count, 2)

    def test_yearly_summary(self):
        summary = self.env["hr.union.activity"]._yearly_summary(2024, self.company)
        rows = {row["type"]: row for row in summary["rows"]}
        self.assertEqual(rows["welfare_visit"]["amount"], 2_000_000)
        self.assertEqual(rows["donation"]["amount"], 35_000_000)
        self.assertEqual(rows["blood_donation"]["participants"], 3)
        self.assertEqual(rows["dialogue"]["count"], 1)
        self.assertEqual(rows["support"]["count"], 0, "planned, cancelled, other years and agencies are left out")
        self.assertEqual(summary["total"], {"count": 4, "participants": 4, "amount": 37_000_000})
        self.assertEqual(self.env["hr.union.activity"]._yearly_summary(2023, self.company)["total"]["amount"], 3_000)

    def test_rules(self):
        with self.assertRaises(ValidationError):
            self.dialogue.amount = 1_000
        with self.assertRaises(ValidationError):
            self.env["hr.union.activity.participant"].create({"activity_id": self.blood.id, "name": " "})

    def test_access(self):
        # the emulation officer keeps the union's records
        activity = (
            self.env["hr.union.activity"]
            .with_user(self.emulation_officer)
            .create({"name": "HRCS Support", "activity_type": "support", "date": date(2024, 1, 30), "amount": 500_000})
        )
        activity.amount = 600_000
        activity.unlink()
        # staff and supervisors read them, nothing more
        for user in (self.staff, self.supervisor, self.leader):
            self.assertEqual(self.blood.with_user(user).participant_count, 3)
            with self.assertRaises(AccessError):
                self.visit.with_user(user).amount = 1
            with self.assertRaises(AccessError):
                self.env["hr.union.activity"].with_user(user).create(
                    {"name": "X", "activity_type": "support", "date": date(2024, 1, 1)}
                )
            with self.assertRaises(AccessError):
                self.blood.participant_ids[0].with_user(user).unlink()
        with self.assertRaises(AccessError):
            self.env["hr.union.activity"].with_user(self.user_internal).search([])
        # the other agency's activities are out of sight
        Activity = self.env["hr.union.activity"].with_user(self.emulation_officer)
        self.assertFalse(Activity.search([("name", "=", "Other agency")]))

    def test_summary_report(self):
        activities = self.visit | self.blood
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "hr_civil_service.report_union_activity_summary", activities.ids
        )
        text = " ".join(lxml_html.fromstring(content.decode()).text_content().split())
        for fragment in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TRADE UNION OF HRCS TEST AGENCY",
            "SUMMARY OF TRADE UNION ACTIVITIES",
            "Year 2024",
            "Total 4 4 37.000.000",  # the whole year, not only the two selected activities
            "35.000.000",
            "16/09/2024",
            "HRCS Dialogue",
        ):
            self.assertIn(fragment, text)
        pdf, kind = render_real_pdf(self, "hr_civil_service.hr_union_activity_print_summary", activities.ids)
        self.assertEqual(kind, "pdf")
        if shutil.which("pdftotext"):
            pdf_text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
            pdf_text = " ".join(pdf_text.decode().split())
            self.assertIn("Độc lập - Tự do - Hạnh phúc", pdf_text)
            self.assertIn("37.000.000", pdf_text)

    def test_demo_union_year(self):
        """The demo Procuracy's trade union in 2024: 151.000.000 đ of welfare, support and donations, 11 blood
        donors."""
        company = self.env.ref("base.main_company")
        if not self.env.ref("hr_civil_service.union_activity_2024_blood_donation_demo", raise_if_not_found=False):
            return  # installed without demo data
        summary = self.env["hr.union.activity"]._yearly_summary(2024, company)
        rows = {row["type"]: row for row in summary["rows"]}
        self.assertEqual(summary["total"]["amount"], 151_000_000)
        self.assertEqual(
            rows["welfare_visit"]["amount"] + rows["support"]["amount"] + rows["donation"]["amount"], 151_000_000
        )
        self.assertEqual(rows["blood_donation"]["participants"], 11)
        self.assertEqual(summary["total"]["count"], 12)
