import base64
import io
import zipfile
from datetime import date, datetime

from lxml import html as lxml_html

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.hr_civil_service.wizards.hr_civil_action_item_report import _legal_date

from .common_diary import MONDAY, TODAY, TUESDAY, HrWorkDiaryCase

try:
    import openpyxl
except ImportError:  # the XLSX is then checked as a zip of XML parts
    openpyxl = None


@tagged("post_install", "-at_install")
class TestMeetingReports(HrWorkDiaryCase):
    """The minutes (biên bản), the tracking of action items and the directive report (PDF and XLSX)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Labels in English, times in UTC: what the assertions read.
        cls.env["res.lang"]._activate_lang("en_US")  # a database may have only Vietnamese active
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US", tz="UTC"))
        cls.company.city = "Cần Thơ"
        ref = cls.env.ref
        cls.type_briefing = ref("hr_civil_service.meeting_type_briefing")
        cls.type_cell = ref("hr_civil_service.meeting_type_cell_regular")
        cls.emp_head.job_title = "HRCS Head of Division"
        cls.emp_clerk.job_title = "HRCS Clerk"

        cls.briefing = cls._meeting(
            "HRCS Weekly briefing 47",
            datetime(2026, 11, 16, 8, 0),
            department_ids=[Command.set((cls.dept_prosecution | cls.dept_office).ids)],
            location="HRCS Meeting Room 3",
            guest_names="HRCS Inspector Nguyễn Văn Khách",
            minutes="<p>HRCS discussion of the backlog of files.</p>",
            attendee_ids=[
                Command.create({"employee_id": cls.emp_head.id, "role": "chair"}),
                Command.create({"employee_id": cls.emp_clerk.id, "role": "secretary"}),
                Command.create({"employee_id": cls.emp_prosecutor_1.id}),
                Command.create(
                    {"employee_id": cls.emp_prosecutor_2.id, "attendance": "excused", "reason": "HRCS training course"}
                ),
                Command.create({"employee_id": cls.emp_office_head.id, "attendance": "unexcused"}),
            ],
        )
        cls.env["hr.civil.meeting.report"].create(
            [
                {
                    "meeting_id": cls.briefing.id,
                    "employee_id": cls.emp_prosecutor_1.id,
                    "last_week_results": "HRCS individual results: 5 files closed",
                    "next_week_plan": "HRCS plan: 3 indictments",
                },
                {
                    "meeting_id": cls.briefing.id,
                    "employee_id": cls.emp_head.id,
                    "report_type": "area_summary",
                    "last_week_results": "HRCS summary of the division",
                    "problems": "HRCS shortage of prosecutors",
                },
                {"meeting_id": cls.briefing.id, "employee_id": cls.emp_office_head.id},  # empty: left out
            ]
        )
        cls.directive = cls.env["hr.civil.action.item"].create(
            {
                "name": "HRCS Review the backlog of files",
                "source_meeting_id": cls.briefing.id,
                "assignee_ids": [Command.set(cls.emp_prosecutor_1.ids)],
                "department_id": cls.dept_prosecution.id,
                "deadline": date(2026, 11, 20),
                "priority": "2",
            }
        )

        # A Party cell of three official members and a probationary one.
        cls.cell = cls.env["hr.civil.party.cell"].create(
            {
                "name": "HRCS Prosecution Cell",
                "company_id": cls.company.id,
                "member_ids": [
                    Command.create({"employee_id": employee.id})
                    for employee in cls.emp_head | cls.emp_prosecutor_1 | cls.emp_prosecutor_2
                ]
                + [Command.create({"employee_id": cls.emp_clerk.id, "member_type": "probationary"})],
            }
        )
        cls.cell_meeting = cls._meeting(
            "HRCS Cell meeting of November",
            datetime(2026, 11, 17, 14, 0),
            type_id=cls.type_cell.id,
            cell_id=cls.cell.id,
            resolution="<p>HRCS resolution: every member proposes an improvement.</p>",
            vote_for=2,
            vote_against=1,
            attendee_ids=[
                Command.create({"employee_id": employee.id})
                for employee in cls.emp_head | cls.emp_prosecutor_1 | cls.emp_prosecutor_2 | cls.emp_clerk
            ],
        )

    @classmethod
    def _meeting(cls, name, start, **vals):
        return cls.env["hr.civil.meeting"].create(
            {
                "name": name,
                "type_id": cls.type_briefing.id,
                "company_id": cls.company.id,
                "date_start": start,
                "duration": 2.0,
                "chair_id": cls.emp_head.id,
                "secretary_id": cls.emp_clerk.id,
                "state": "held",
                **vals,
            }
        )

    def _html(self, report, records, env=None):
        content, _kind = (env or self.env)["ir.actions.report"]._render_qweb_html(report, records.ids)
        return lxml_html.fromstring(content.decode())

    @staticmethod
    def _css(node, selector):
        """Elements under ``node`` for a simple selector: ``.class``, ``tag``, ``tag.class`` or ``.class tag``."""
        path = ""
        for part in selector.split():
            tag, _dot, klass = part.partition(".")
            path += f"//{tag or '*'}"
            if klass:
                path += f"[contains(concat(' ', normalize-space(@class), ' '), ' {klass} ')]"
        return node.xpath("." + path)

    @staticmethod
    def _text(node):
        return " ".join(node.text_content().split())

    def _item(self, name, meeting, deadline, department=None, assignee=None, **vals):
        return self.env["hr.civil.action.item"].create(
            {
                "name": name,
                "source_meeting_id": meeting.id,
                "deadline": deadline,
                "department_id": (department or self.dept_prosecution).id,
                "assignee_ids": [Command.set((assignee or self.emp_prosecutor_1).ids)],
                **vals,
            }
        )

    def _progress(self, item, day, progress, employee=None):
        """A submitted diary line that serves the item: 100 % completes it on that day."""
        employee = employee or self.emp_prosecutor_1
        line = self._task_line(self.task_prosecutor, quantity=1, action_item_id=item.id, action_item_progress=progress)
        diary = self.env["hr.work.diary"].search([("employee_id", "=", employee.id), ("date", "=", day)])
        if diary:
            diary.write({"line_ids": [Command.create(line)]})
        else:
            self._diary(day, [line], employee=employee).action_submit()

    # ------------------------------------------------------------------
    # Minutes
    # ------------------------------------------------------------------
    def test_minutes_header_and_facts(self):
        page = self._html("hr_civil_service.report_meeting_minutes", self.briefing)
        header = self._text(self._css(page, ".o_hrcs_header")[0])
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", header)
        self.assertIn("Độc lập - Tự do - Hạnh phúc", header)
        self.assertIn("HRCS TEST AGENCY", header, "two units meet: the agency issues the minutes")
        self.assertIn("/BB-", header)
        self.assertIn("Cần Thơ, ngày 16 tháng 11 năm 2026", header)
        text = self._text(page)
        self.assertIn("MINUTES", text)
        self.assertIn("HRCS Weekly briefing 47", text)
        self.assertIn("From 08:00 to 10:00 on Monday, 16/11/2026", text)
        self.assertIn("HRCS Meeting Room 3", text)
        self.assertIn("Chair: HRCS Head - HRCS Head of Division", text)
        self.assertIn("Secretary: HRCS Clerk - HRCS Clerk", text)
        self.assertIn("HRCS Inspector Nguyễn Văn Khách", text)
        self.assertIn("HRCS discussion of the backlog of files.", text)
        self.assertIn("The meeting closed at 10:00 the same day.", text)
        self.assertNotIn("Resolution", text, "a briefing has no resolution")

    def test_minutes_in_the_readers_time_zone(self):
        env = self.env(context=dict(self.env.context, tz="Asia/Ho_Chi_Minh"))
        text = self._text(self._html("hr_civil_service.report_meeting_minutes", self.briefing, env=env))
        self.assertIn("From 15:00 to 17:00 on Monday, 16/11/2026", text)

    def test_minutes_attendance(self):
        page = self._html("hr_civil_service.report_meeting_minutes", self.briefing)
        self.assertIn(
            "3 of 5 present; 1 absent with reason; 1 absent without reason.",
            self._text(page),
        )
        rows = {
            self._text(self._css(row, "td")[1]): self._text(row)
            for row in page.xpath("(//table[contains(@class, 'o_hrcs_table')])[1]/tbody/tr")
        }
        self.assertEqual(len(rows), 5)
        self.assertIn("Absent with Reason (HRCS training course)", rows["HRCS Prosecutor Two"])
        self.assertIn("Absent without Reason", rows["HRCS Office Head"])
        self.assertIn("Chair", rows["HRCS Head"])
        self.assertIn("Secretary", rows["HRCS Clerk"])
        first = self._text(page.xpath("(//table[contains(@class, 'o_hrcs_table')])[1]/tbody/tr")[0])
        self.assertIn("HRCS Head", first, "the chair is listed first")

    def test_minutes_reports_directives_and_signatures(self):
        page = self._html("hr_civil_service.report_meeting_minutes", self.briefing)
        text = self._text(page)
        summary, individual = text.index("HRCS summary of the division"), text.index("HRCS individual results")
        self.assertLess(summary, individual, "the area summary comes first")
        self.assertIn("HRCS shortage of prosecutors", text)
        self.assertIn("HRCS plan: 3 indictments", text)
        self.assertEqual(len(self._css(page, ".o_hrcs_report")), 2, "an empty report is left out")

        directives = self._text(page.xpath("//th[text()='Priority']/ancestor::table")[0])
        self.assertIn("HRCS Review the backlog of files", directives)
        self.assertIn("HRCS Prosecutor One", directives)
        self.assertIn("HRCS Prosecution Division", directives)
        self.assertIn("20/11/2026", directives)
        self.assertIn("Urgent", directives)

        secretary, chair = self._css(page, ".o_hrcs_sign td")
        self.assertEqual(self._text(self._css(secretary, ".o_hrcs_sign_title")[0]), "Secretary")
        self.assertEqual(self._text(self._css(secretary, ".o_hrcs_sign_name")[0]), "HRCS Clerk")
        self.assertEqual(self._text(self._css(chair, ".o_hrcs_sign_title")[0]), "Chair")
        self.assertEqual(self._text(self._css(chair, ".o_hrcs_sign_name")[0]), "HRCS Head")

    def test_minutes_of_a_unit_meeting(self):
        self.briefing.department_ids = self.dept_office
        page = self._html("hr_civil_service.report_meeting_minutes", self.briefing)
        header = self._text(self._css(page, ".o_hrcs_header")[0])
        self.assertIn("HRCS TEST AGENCY HRCS OFFICE", header, "the unit issues the minutes, under its agency")

    def test_minutes_of_a_cell_meeting(self):
        self.assertEqual(self.cell_meeting.official_member_count, 3)
        self.assertTrue(self.cell_meeting.resolution_adopted)
        page = self._html("hr_civil_service.report_meeting_minutes", self.cell_meeting)
        header = self._text(self._css(page, ".o_hrcs_header")[0])
        self.assertIn("ĐẢNG CỘNG SẢN VIỆT NAM", header)
        self.assertNotIn("CỘNG HÒA", header)
        self.assertIn("HRCS PROSECUTION CELL", header)
        self.assertIn("-BB/CB", header)
        text = self._text(page)
        self.assertIn("HRCS resolution: every member proposes an improvement.", text)
        self.assertIn("2 for, 1 against, 0 abstentions; the cell has 3 official members.", text)
        self.assertIn("The resolution is adopted (2/3 official members in favour).", text)

        self.cell_meeting.write({"vote_for": 1, "vote_against": 2})
        text = self._text(self._html("hr_civil_service.report_meeting_minutes", self.cell_meeting))
        self.assertIn("The resolution is not adopted (1/3 official members in favour", text)

    def test_legal_date(self):
        """Days below 10 and the months January and February take a leading zero."""
        self.assertEqual(_legal_date("Cần Thơ", date(2026, 2, 5)), "Cần Thơ, ngày 05 tháng 02 năm 2026")
        self.assertEqual(_legal_date("Cần Thơ", date(2026, 3, 15)), "Cần Thơ, ngày 15 tháng 3 năm 2026")
        self.assertEqual(_legal_date("Cần Thơ", date(2026, 12, 1)), "Cần Thơ, ngày 01 tháng 12 năm 2026")

    def test_minutes_pdf_action(self):
        action = self.env.ref("hr_civil_service.hr_civil_meeting_print_minutes").report_action(
            self.briefing, config=False
        )
        self.assertEqual(action["report_name"], "hr_civil_service.report_meeting_minutes")
        content, kind = self.env["ir.actions.report"]._render_qweb_pdf(
            "hr_civil_service.report_meeting_minutes", self.briefing.ids
        )
        self.assertTrue(content)  # HTML in test mode, a PDF otherwise

    # ------------------------------------------------------------------
    # Directives of a period
    # ------------------------------------------------------------------
    def _directives(self):
        """Directives of October to December 2026, looked at on Wednesday 18 November (TODAY).

        With the directive of the briefing of 16 November (open, due on the 20th), the prosecution division has in
        November: 1 item carried over from October (overdue) and 6 given in the month, of which 1 done on time,
        1 done late, 1 overdue, 2 open and 1 cancelled; the office has 1 open item.
        """
        october = self._meeting("HRCS Briefing of October", datetime(2026, 10, 20, 8, 0))
        november = self._meeting("HRCS Briefing of November", datetime(2026, 11, 2, 8, 0))
        december = self._meeting("HRCS Briefing of December", datetime(2026, 12, 1, 8, 0), state="scheduled")
        items = {
            "on_time": self._item("HRCS Item on time", november, date(2026, 11, 20)),
            "late": self._item("HRCS Item late", november, date(2026, 11, 10)),
            "overdue": self._item("HRCS Item overdue", november, date(2026, 11, 12), priority="2"),
            "open": self._item("HRCS Item open", november, date(2026, 11, 30)),
            "cancelled": self._item("HRCS Item cancelled", november, date(2026, 11, 25)),
            "carried": self._item("HRCS Item carried over", october, date(2026, 10, 31)),
            "old_cancelled": self._item("HRCS Item withdrawn in October", october, date(2026, 10, 25)),
            "office": self._item(
                "HRCS Item of the office",
                november,
                date(2026, 11, 27),
                department=self.dept_office,
                assignee=self.emp_clerk,
            ),
            "december": self._item("HRCS Item of December", december, date(2026, 12, 20)),
        }
        self._progress(items["on_time"], MONDAY, 100)
        self._progress(items["late"], TUESDAY, 100)
        self._progress(items["open"], MONDAY, 50, employee=self.emp_prosecutor_2)
        (items["cancelled"] | items["old_cancelled"]).write({"cancelled": True})
        items["carried"].meeting_ids = [Command.link(november.id)]  # followed up in November
        self.assertEqual(items["on_time"].done_date, MONDAY)
        self.assertEqual(items["late"].done_date, TUESDAY)
        self.assertEqual(items["open"].state, "in_progress")
        return items

    def _wizard(self, env=None, **vals):
        return (env or self.env)["hr.civil.action.item.report"].create(
            {"period_type": "month", "year": 2026, "month": "11", **vals}
        )

    def test_period_dates(self):
        wizard = self._wizard()
        self.assertEqual((wizard.date_from, wizard.date_to), (date(2026, 11, 1), date(2026, 11, 30)))
        wizard.write({"period_type": "quarter", "quarter": "1"})
        self.assertEqual((wizard.date_from, wizard.date_to), (date(2026, 1, 1), date(2026, 3, 31)))
        wizard.write({"month": "2", "period_type": "month", "year": 2028})
        self.assertEqual(wizard.date_to, date(2028, 2, 29))
        custom = self._wizard(period_type="custom", date_from=date(2026, 9, 15), date_to=date(2026, 10, 14))
        self.assertEqual((custom.date_from, custom.date_to), (date(2026, 9, 15), date(2026, 10, 14)))
        with self.assertRaises(ValidationError):
            custom.date_to = date(2026, 9, 1)

    def test_monthly_totals(self):
        items = self._directives()
        data = self._wizard()._report_data()
        self.assertEqual(data["as_of"], TODAY, "November is not over: the situation of today")
        totals = dict(data["totals"])
        self.assertEqual(list(totals), ["HRCS Office", "HRCS Prosecution Division"])
        prosecution = totals["HRCS Prosecution Division"]
        expected = {
            "carried": 1,  # given in October, still open on 1 November
            "issued": 6,
            "total": 7,
            "done_on_time": 1,
            "done_late": 1,
            "open": 2,
            "overdue": 2,  # the November one and the October one
            "cancelled": 1,
            "on_time_rate": 16.7,  # 1 of the 6 not cancelled
        }
        self.assertEqual({key: prosecution[key] for key in expected}, expected)
        self.assertEqual(totals["HRCS Office"]["issued"], 1)
        self.assertEqual(totals["HRCS Office"]["open"], 1)
        self.assertEqual(data["grand_total"]["total"], 8)

        rows = {row["item"]: row for row in data["rows"]}
        self.assertNotIn(items["december"], rows, "given after the period")
        self.assertNotIn(items["old_cancelled"], rows, "withdrawn before the period")
        self.assertEqual(rows[items["late"]]["delay_days"], 7)
        self.assertEqual(rows[items["overdue"]]["delay_days"], 6)
        self.assertEqual(rows[items["carried"]]["delay_days"], 18)
        self.assertTrue(rows[items["carried"]]["carried"])
        self.assertEqual(rows[items["on_time"]]["state"], "done_on_time")
        self.assertEqual(len(rows[items["carried"]]["meetings"]), 2, "decided in October, followed up in November")

    def test_past_period_is_judged_at_its_end(self):
        items = self._directives()
        data = self._wizard(month="10")._report_data()
        self.assertEqual(data["as_of"], date(2026, 10, 31))
        rows = {row["item"]: row["state"] for row in data["rows"]}
        self.assertEqual(
            rows, {items["carried"]: "open", items["old_cancelled"]: "cancelled"}, "due on 31/10: not yet overdue"
        )

    def test_quarter_units_and_status_filters(self):
        items = self._directives()
        quarter = self._wizard(period_type="quarter", quarter="4")._report_data()
        self.assertEqual(quarter["grand_total"]["issued"], 10, "every item of October to December")
        self.assertEqual(quarter["grand_total"]["carried"], 0)

        office = self._wizard(department_ids=[Command.set(self.dept_office.ids)])._report_data()
        self.assertEqual([row["item"] for row in office["rows"]], [items["office"]])

        overdue = self._wizard(status_filter="overdue")._report_data()
        self.assertEqual({row["item"] for row in overdue["rows"]}, {items["overdue"], items["carried"]})
        done = self._wizard(status_filter="done_late")._report_data()
        self.assertEqual([row["item"] for row in done["rows"]], [items["late"]])

    def test_directive_report_pdf(self):
        self._directives()
        wizard = self._wizard()
        action = wizard.action_print_pdf()
        self.assertEqual(action["report_name"], "hr_civil_service.report_directive_summary")
        page = self._html("hr_civil_service.report_directive_summary", wizard)
        text = self._text(page)
        self.assertIn("Month 11/2026", text)
        self.assertIn("situation on 18/11/2026", text)
        totals = page.xpath("//tr[td[text()='HRCS Prosecution Division'] and count(td) > 2]")[0]
        self.assertEqual(
            [self._text(cell) for cell in self._css(totals, "td")[2:]],
            ["1", "6", "7", "1", "1", "2", "2", "1", "16.7 %"],
        )
        self.assertIn("HRCS Item carried over", text)
        self.assertIn("Overdue (2)", text)

    def test_directive_report_xlsx(self):
        self._directives()
        wizard = self._wizard()
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"model=hr.civil.action.item.report&id={wizard.id}&field=xlsx_file", action["url"])
        self.assertTrue(wizard.xlsx_filename.endswith(".xlsx"))
        content = base64.b64decode(wizard.xlsx_file)
        self.assertTrue(content.startswith(b"PK"))
        if openpyxl is None:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                strings = archive.read("xl/sharedStrings.xml").decode()
            self.assertIn("HRCS Item carried over", strings)
            return
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Items", "Totals"])
        items = [row for row in book["Items"].iter_rows(min_row=5, values_only=True) if row[0]]
        self.assertEqual(len(items), 8)
        by_name = {row[2]: row for row in items}
        late = by_name["HRCS Item late"]
        self.assertEqual(late[1], "HRCS Prosecution Division")
        self.assertEqual(late[7].date(), date(2026, 11, 10))  # deadline, a real date
        self.assertEqual(late[10], "Done Late")
        self.assertEqual(late[11].date(), TUESDAY)
        self.assertEqual(late[12], 7)
        self.assertEqual(by_name["HRCS Item carried over"][5], "Yes")
        totals = {row[0]: row for row in book["Totals"].iter_rows(min_row=5, values_only=True)}
        self.assertEqual(totals["HRCS Prosecution Division"][1:], (1, 6, 7, 1, 1, 2, 2, 1, 16.7))
        self.assertEqual(totals["Total"][3], 8)

    # ------------------------------------------------------------------
    # Tracking of the selected items
    # ------------------------------------------------------------------
    def test_tracking_report(self):
        items = self._directives()
        selected = items["late"] | items["overdue"] | items["open"] | items["office"] | items["carried"]
        page = self._html("hr_civil_service.report_action_item_tracking", selected)
        text = self._text(page)
        self.assertIn("Situation on 18/11/2026: 5 items", text)
        groups = [self._text(row) for row in self._css(page, "tr.o_hrcs_group")]
        self.assertEqual(groups, ["HRCS Office", "HRCS Prosecution Division"])
        subgroups = [self._text(row) for row in self._css(page, "tr.o_hrcs_subgroup")]
        self.assertEqual(
            subgroups, ["Open, Within Deadline (1)", "Overdue (2)", "Open, Within Deadline (1)", "Done Late (1)"]
        )
        late = self._text(page.xpath("//tr[td/div[text()='HRCS Item late']]")[0])
        self.assertIn("10/11/2026", late)  # deadline
        self.assertIn("17/11/2026", late)  # done on
        self.assertIn("100 %", late)
        carried = self._text(page.xpath("//tr[td/div[text()='HRCS Item carried over']]")[0])
        self.assertIn("18", carried)
        self.assertIn("HRCS Briefing of October", carried)
        self.assertIn("02/11/2026 HRCS Briefing of November", carried, "the meetings that discussed it")

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------
    def test_supervisor_sees_the_directives_of_their_scope(self):
        items = self._directives()
        env = self.env(user=self.supervisor)  # heads the office
        data = self._wizard(env=env)._report_data()
        self.assertEqual([row["item"].id for row in data["rows"]], items["office"].ids)
        self.assertEqual(data["grand_total"]["total"], 1)

    def test_staff_cannot_use_the_directive_report(self):
        with self.assertRaises(AccessError):
            self._wizard(env=self.env(user=self.staff))
