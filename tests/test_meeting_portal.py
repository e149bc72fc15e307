# Portal tests: /my/briefing-reports and /my/action-items as their own user and as an intruder.
import re

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_civil_service.controllers import portal_meeting

from .common_diary import MONDAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestMeetingPortal(HrWorkDiaryCase, HttpCase):
    """The portal pages of the briefing reports and the action items, with the frozen clock of the diary tests
    (Wednesday 18/11/2026). The briefing is on the next Monday: it reports on the week of 16–22/11."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A database created with only Vietnamese loaded has English inactive: the pages would fall back to it.
        cls.env["res.lang"]._activate_lang("en_US")
        # The portal employee is prosecutor one; prosecutor two, of the same unit, is the other person.
        cls.portal_user, cls.other_user = (
            new_test_user(
                cls.env,
                login=login,
                groups="base.group_portal",
                lang="en_US",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
            for login in ("hrcs_portal_employee", "hrcs_portal_other")
        )
        cls.emp_prosecutor_1.user_id = cls.portal_user
        cls.emp_prosecutor_2.user_id = cls.other_user

        cls.meeting = cls.env["hr.civil.meeting"].create(
            {
                "name": "HRCS Weekly Briefing 48",
                "type_id": cls.env.ref("hr_civil_service.meeting_type_briefing").id,
                "company_id": cls.company.id,
                "date_start": "2026-11-23 01:00:00",
                "location": "HRCS Meeting Room 2",
                "chair_id": cls.emp_head.id,
                "secretary_id": cls.emp_office_head.id,
                "attendee_ids": [Command.create({"employee_id": employee.id}) for employee in cls.all_employees],
            }
        )
        Item = cls.env["hr.civil.action.item"]
        # Prosecutor one's own items (one overdue, one to be done), their unit's, and the office's.
        cls.item_own = Item.create(
            {
                "name": "HRCS Answer petition 7",
                "description": "HRCS answer <b>before</b> the hearing",
                "assignee_ids": [Command.set(cls.emp_prosecutor_1.ids)],
                "deadline": "2026-11-10",
                "priority": "2",
                "source_meeting_id": cls.meeting.id,
            }
        )
        cls.item_done = Item.create(
            {"name": "HRCS Close file 3", "assignee_ids": [Command.set(cls.emp_prosecutor_1.ids)]}
        )
        cls.item_unit = Item.create(
            {
                "name": "HRCS Division inspection plan",
                "assignee_ids": [Command.set(cls.emp_prosecutor_2.ids)],
                "department_id": cls.dept_prosecution.id,
                "deadline": "2026-12-15",
            }
        )
        cls.item_office = Item.create(
            {
                "name": "HRCS secret office directive",
                "assignee_ids": [Command.set(cls.emp_clerk.ids)],
                "department_id": cls.dept_office.id,
            }
        )
        # Last week's diary: prosecutor one's Tuesday serves two items; prosecutor two's serves the unit's.
        cls.diary_tuesday = cls.env["hr.work.diary"].create(
            {
                "employee_id": cls.emp_prosecutor_1.id,
                "date": TUESDAY,
                "line_ids": [
                    Command.create({"name": "HRCS indictment of case 12", "claimed_hours": 3, "product_ref": "12/CT"}),
                    Command.create(
                        {
                            "name": "HRCS draft of the answer",
                            "claimed_hours": 2,
                            "action_item_id": cls.item_own.id,
                            "action_item_progress": 40,
                        }
                    ),
                    Command.create(
                        {
                            "name": "HRCS file 3 closed",
                            "claimed_hours": 1,
                            "action_item_id": cls.item_done.id,
                            "action_item_progress": 100,
                        }
                    ),
                ],
            }
        )
        cls.diary_tuesday.action_submit()
        cls.other_diary = cls.env["hr.work.diary"].create(
            {
                "employee_id": cls.emp_prosecutor_2.id,
                "date": TUESDAY,
                "line_ids": [
                    Command.create(
                        {
                            "name": "HRCS secret line of prosecutor two",
                            "claimed_hours": 2,
                            "action_item_id": cls.item_unit.id,
                            "action_item_progress": 30,
                        }
                    )
                ],
            }
        )
        cls.other_diary.action_submit()
        cls.meeting.action_schedule()
        Report = cls.env["hr.civil.meeting.report"]
        cls.report = Report.search([("meeting_id", "=", cls.meeting.id), ("employee_id", "=", cls.emp_prosecutor_1.id)])
        cls.other_report = Report.search(
            [("meeting_id", "=", cls.meeting.id), ("employee_id", "=", cls.emp_prosecutor_2.id)]
        )
        cls.other_report.problems = "HRCS secret problem of prosecutor two"
        cls.clerk_report = Report.search([("meeting_id", "=", cls.meeting.id), ("employee_id", "=", cls.emp_clerk.id)])

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _login(self, user):
        self.authenticate(user.login, user.login)
        # The portal's language comes from the URL, then this cookie, then the user: pin it to the user's.
        self.opener.cookies.set("frontend_lang", user.lang or "en_US")

    def _post(self, url, data=None, csrf=True):
        data = dict(data or {})
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        response = self.url_open(url, data=data)
        self.env.invalidate_all()
        return response

    def _url(self, report, action=None):
        return f"/my/briefing-reports/{report.id}" + (f"/{action}" if action else "")

    def _error_of(self, response):
        match = re.search(r'class="o_hrcs_meeting_error">(.*?)</span>', response.text, re.S)
        return match and match.group(1).strip()

    def _texts(self, report):
        return (report.last_week_results, report.open_items, report.problems, report.next_week_plan, report.state)

    def _item_links(self, body):
        return {int(item_id) for item_id in re.findall(r'href="/my/action-items/(\d+)"', body)}

    # ------------------------------------------------------------------
    # Home page
    # ------------------------------------------------------------------
    def test_home_entries(self):
        self._login(self.portal_user)
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/briefing-reports"', response.text)
        self.assertIn('href="/my/action-items"', response.text)
        # the diary's entry is still there: the two controllers extend the home page together
        self.assertIn('href="/my/work-diary"', response.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["briefing_report_count", "action_item_count", "diary_count"]}
        )
        self.assertEqual(counters, {"briefing_report_count": 1, "action_item_count": 2, "diary_count": 1})
        self._login(self.user_internal)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["briefing_report_count", "action_item_count"]}
        )
        self.assertEqual(counters, {"briefing_report_count": 0, "action_item_count": 0})

    # ------------------------------------------------------------------
    # Briefing reports
    # ------------------------------------------------------------------
    def test_report_list_and_page(self):
        self._login(self.portal_user)
        response = self.url_open("/my/briefing-reports")
        self.assertEqual(response.status_code, 200)
        body = response.text
        self.assertIn(f'href="/my/briefing-reports/{self.report.id}"', body)
        self.assertNotIn(f'href="/my/briefing-reports/{self.other_report.id}"', body)
        self.assertIn("HRCS Weekly Briefing 48", body)
        self.assertIn("To fill in", body)
        self.assertNotIn(
            f'href="/my/briefing-reports/{self.report.id}"',
            self.url_open("/my/briefing-reports?filterby=submitted").text,
        )

        response = self.url_open(self._url(self.report))
        self.assertEqual(response.status_code, 200)
        body = response.text
        # The meeting's facts, last week's results prefilled from the diary, the open items.
        self.assertIn("HRCS Meeting Room 2", body)
        self.assertIn("HRCS Head", body)
        self.assertIn("11/16/2026", body)
        self.assertIn("17/11: HRCS indictment of case 12 (12/CT)", body)
        self.assertIn("- HRCS Answer petition 7 (10/11/2026)", body)
        self.assertNotIn("HRCS secret", body)
        self.assertIn(f'href="/my/action-items/{self.item_own.id}"', body)
        for action in ("save", "refill"):
            self.assertIn(f'action="{self._url(self.report, action)}"', body)
        self.assertIn(f'formaction="{self._url(self.report, "submit")}"', body)
        for name in ("last_week_results", "problems", "next_week_plan"):
            self.assertIn(f'name="{name}"', body)
        self.assertNotIn('name="open_items"', body)

    def test_report_save_and_submit(self):
        self._login(self.portal_user)
        response = self._post(
            self._url(self.report, "save"),
            {
                "last_week_results": "HRCS case 12 indicted\r\nHRCS petition 7 drafted",
                "problems": "  HRCS no car for the inspection  ",
                "next_week_plan": "HRCS hearing of case 12",
                # Only the texts are read from the form.
                "state": "submitted",
                "employee_id": str(self.emp_prosecutor_2.id),
                "open_items": "HRCS forged",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Report saved.", response.text)
        self.assertEqual(self.report.last_week_results, "HRCS case 12 indicted\nHRCS petition 7 drafted")
        self.assertEqual(self.report.problems, "HRCS no car for the inspection")
        self.assertEqual(self.report.next_week_plan, "HRCS hearing of case 12")
        self.assertEqual(self.report.state, "draft")
        self.assertEqual(self.report.employee_id, self.emp_prosecutor_1)
        self.assertIn("HRCS Answer petition 7", self.report.open_items)
        # Send: what was typed is saved with it, then the page is read only.
        response = self._post(
            self._url(self.report, "submit"),
            {
                "last_week_results": self.report.last_week_results,
                "problems": "",
                "next_week_plan": "HRCS hearing of case 12 on Tuesday",
            },
        )
        self.assertIn("has been sent to the chair", response.text)
        self.assertEqual(self.report.state, "submitted")
        self.assertFalse(self.report.problems)
        self.assertEqual(self.report.next_week_plan, "HRCS hearing of case 12 on Tuesday")
        self.assertNotIn("<textarea", response.text)
        self.assertNotIn(f'action="{self._url(self.report, "save")}"', response.text)
        self.assertIn("HRCS hearing of case 12 on Tuesday", response.text)
        # A sent report no longer changes.
        before = self._texts(self.report)
        for action in ("save", "submit", "refill"):
            response = self._post(self._url(self.report, action), {"problems": "HRCS too late"})
            self.assertEqual(response.status_code, 200, action)
            self.assertIn("has been sent", self._error_of(response), action)
        self.assertEqual(self._texts(self.report), before)

    def test_refill_from_the_diary(self):
        self.report.write({"last_week_results": "HRCS typed by hand", "problems": "HRCS kept problem"})
        self._diary(MONDAY, [self._text_line("HRCS reception of Monday", 1)], employee=self.emp_prosecutor_1)
        self._login(self.portal_user)
        response = self._post(self._url(self.report, "refill"))
        self.assertIn("refilled from your diary", response.text)
        self.assertEqual(
            self.report.last_week_results,
            "- 16/11: HRCS reception of Monday\n- 17/11: HRCS indictment of case 12 (12/CT)\n"
            "- 17/11: HRCS draft of the answer\n- 17/11: HRCS file 3 closed",
        )
        self.assertEqual(self.report.problems, "HRCS kept problem")
        self.assertNotIn("HRCS Close file 3", self.report.open_items, "done items are no longer open")

    def test_meeting_held_locks_the_report(self):
        self.report.problems = "HRCS before the meeting"
        self.meeting.action_hold()
        self._login(self.portal_user)
        body = self.url_open(self._url(self.report)).text
        self.assertIn("already taken place", body)
        self.assertNotIn("<textarea", body)
        self.assertNotIn(f'action="{self._url(self.report, "save")}"', body)
        self.assertNotIn(f'action="{self._url(self.report, "refill")}"', body)
        self.assertIn("HRCS before the meeting", body)
        before = self._texts(self.report)
        for action in ("save", "submit", "refill"):
            response = self._post(
                self._url(self.report, action), {"problems": "HRCS after the meeting", "next_week_plan": "HRCS x"}
            )
            self.assertEqual(response.status_code, 200, action)
            self.assertIn("already taken place", self._error_of(response), action)
            self.assertIn("Nothing was saved.", response.text)
        self.assertEqual(self._texts(self.report), before)
        # Approved minutes: the model's lock holds too, even for a write made with sudo() after the check.
        self.meeting.write({"minutes": "<p>HRCS minutes</p>"})
        self.meeting.action_approve_minutes()
        response = self._post(self._url(self.report, "save"), {"problems": "HRCS after the minutes"})
        self.assertTrue(self._error_of(response))
        self.assertEqual(self._texts(self.report), before)

    @mute_logger("odoo.http")
    def test_report_of_somebody_else_not_found(self):
        before = self._texts(self.other_report)
        self._login(self.portal_user)
        response = self.url_open(self._url(self.other_report))
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("HRCS secret", response.text)
        for action in ("save", "submit", "refill"):
            response = self._post(self._url(self.other_report, action), {"problems": "HRCS intruder"})
            self.assertEqual(response.status_code, 404, action)
            self.assertNotIn("HRCS secret", response.text)
        self.assertEqual(self._texts(self.other_report), before)
        self.assertEqual(self.url_open("/my/briefing-reports/999999999").status_code, 404)
        # The chair and the supervisors read the reports in the back end, not through the personal pages.
        self._login(self.supervisor)
        self.assertEqual(self.url_open(self._url(self.report)).status_code, 404)
        response = self._post(self._url(self.report, "save"), {"problems": "HRCS supervisor"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.report.problems)

    @mute_logger("odoo.http")
    def test_csrf_token_required(self):
        before = self._texts(self.report)
        self._login(self.portal_user)
        for action in ("save", "submit", "refill"):
            response = self._post(self._url(self.report, action), {"problems": "HRCS forged"}, csrf=False)
            self.assertEqual(response.status_code, 400, action)
        self.assertEqual(self._texts(self.report), before)
        # Every form of the page carries the token.
        body = self.url_open(self._url(self.report)).text
        self.assertEqual(body.count("<form"), body.count('name="csrf_token"'))
        # and a GET changes nothing
        self.url_open(self._url(self.report, "submit"))
        self.env.invalidate_all()
        self.assertEqual(self.report.state, "draft")

    def test_text_is_escaped(self):
        self._login(self.portal_user)
        self._post(self._url(self.report, "save"), {"problems": "<script>alert('hrcs')</script>"})
        self.assertEqual(self.report.problems, "<script>alert('hrcs')</script>")
        body = self.url_open(self._url(self.report)).text
        self.assertNotIn("<script>alert('hrcs')", body)
        self.assertIn("&lt;script&gt;alert(&#39;hrcs&#39;)&lt;/script&gt;", body)
        # Read only too
        self.report.action_submit()
        body = self.url_open(self._url(self.report)).text
        self.assertNotIn("<script>alert('hrcs')", body)
        self.assertIn("&lt;script&gt;alert(&#39;hrcs&#39;)&lt;/script&gt;", body)
        # What is typed comes back escaped with the error.
        self.report.with_context(civil_meeting_workflow=True).state = "draft"
        self.patch(portal_meeting, "MAX_REPORT_TEXT", 10)
        response = self._post(self._url(self.report, "save"), {"next_week_plan": '"><script>alert(2)</script>'})
        self.assertIn("is longer than 10 characters", self._error_of(response))
        self.assertNotIn("<script>alert(2)", response.text)
        self.assertIn("&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;", response.text)
        self.assertFalse(self.report.next_week_plan)
        # The description of an item
        body = self.url_open(f"/my/action-items/{self.item_own.id}").text
        self.assertNotIn("<b>before</b>", body)
        self.assertIn("HRCS answer &lt;b&gt;before&lt;/b&gt; the hearing", body)

    def test_internal_staff_user(self):
        self._login(self.staff)
        body = self.url_open("/my/briefing-reports").text
        self.assertIn(f'href="{self._url(self.clerk_report)}"', body)
        self.assertNotIn(f'href="{self._url(self.report)}"', body)
        response = self._post(self._url(self.clerk_report, "save"), {"next_week_plan": "HRCS register the files"})
        self.assertIn("Report saved.", response.text)
        self.assertEqual(self.clerk_report.next_week_plan, "HRCS register the files")
        self._post(self._url(self.clerk_report, "submit"), {"next_week_plan": "HRCS register the files"})
        self.assertEqual(self.clerk_report.state, "submitted")
        body = self.url_open("/my/action-items").text
        self.assertEqual(self._item_links(body), set(self.item_office.ids))
        self.assertEqual(self.url_open(f"/my/action-items/{self.item_office.id}").status_code, 200)

    # ------------------------------------------------------------------
    # Action items
    # ------------------------------------------------------------------
    def test_action_items_list(self):
        self._login(self.portal_user)
        response = self.url_open("/my/action-items")
        self.assertEqual(response.status_code, 200)
        body = response.text
        # Open items, the user's own and their unit's; not the office's.
        self.assertEqual(self._item_links(body), {self.item_own.id, self.item_unit.id})
        self.assertNotIn("HRCS secret", body)
        self.assertIn("o_hrcs_overdue", body)
        self.assertIn("Overdue by 8 day(s)", body)
        self.assertIn("width: 40%", body)
        self.assertIn("HRCS Weekly Briefing 48", body)
        self.assertIn("Unit: HRCS Prosecution Division", body)
        body = self.url_open("/my/action-items?filterby=done").text
        self.assertEqual(self._item_links(body), set(self.item_done.ids))
        body = self.url_open("/my/action-items?filterby=all").text
        self.assertEqual(self._item_links(body), {self.item_own.id, self.item_unit.id, self.item_done.id})
        # The other prosecutor sees their own item (the unit's) and not prosecutor one's.
        self._login(self.other_user)
        self.assertEqual(self._item_links(self.url_open("/my/action-items?filterby=all").text), set(self.item_unit.ids))

    def test_action_item_page(self):
        self._login(self.portal_user)
        response = self.url_open(f"/my/action-items/{self.item_own.id}")
        self.assertEqual(response.status_code, 200)
        body = response.text
        self.assertIn("HRCS Answer petition 7", body)
        self.assertIn("HRCS draft of the answer", body)
        self.assertIn(f'href="/my/work-diary/{self.diary_tuesday.id}"', body)
        self.assertIn("HRCS Weekly Briefing 48", body)
        self.assertIn(f'href="{self._url(self.report)}"', body, "the user's report to the meeting that discussed it")
        self.assertNotIn('method="post"', body, "read only")
        # The unit's item: the other person's diary lines stay private, only counted.
        body = self.url_open(f"/my/action-items/{self.item_unit.id}").text
        self.assertIn("HRCS Division inspection plan", body)
        self.assertNotIn("HRCS secret line of prosecutor two", body)
        self.assertIn("1 line(s) of other people", body)

    @mute_logger("odoo.http")
    def test_action_item_of_somebody_else_not_found(self):
        self._login(self.portal_user)
        for item_id in (self.item_office.id, 999999999):
            response = self.url_open(f"/my/action-items/{item_id}")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("HRCS secret", response.text)
        self._login(self.other_user)
        self.assertEqual(self.url_open(f"/my/action-items/{self.item_own.id}").status_code, 404)

    def test_user_without_employee(self):
        self._login(self.user_internal)
        for url in (
            "/my/briefing-reports",
            self._url(self.other_report),
            "/my/action-items",
            f"/my/action-items/{self.item_office.id}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertIn("not linked to an employee", response.text, url)
            self.assertNotIn("HRCS secret", response.text, url)
        # The diary's page is still its own: the portal controllers are merged into one class.
        response = self.url_open("/my/work-diary")
        self.assertEqual(response.status_code, 200)
        self.assertIn("there is no work diary for you yet", response.text)
