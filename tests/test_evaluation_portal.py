# Portal tests: /my/evaluations as the official, as an intruder and after the appeal window.
import re
from datetime import date

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_civil_service.controllers.portal_evaluation import vietnamese_number

from .common_diary import MONDAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestEvaluationPortal(HrWorkDiaryCase, HttpCase):
    """The self-assessment, the rating and the appeal on the portal, with the frozen clock of the diary tests
    (Wednesday 18/11/2026): the evaluation of November 2026 holds the approved days of that week."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A database created with only Vietnamese loaded has English inactive: the pages would fall back to it.
        cls.env["res.lang"]._activate_lang("en_US")
        # The portal official is prosecutor one; prosecutor two, of the same unit, is the other person.
        cls.portal_user, cls.other_user = (
            new_test_user(
                cls.env,
                login=login,
                groups="base.group_portal",
                lang="en_US",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
            for login in ("hrcs_portal_official", "hrcs_portal_colleague")
        )
        cls.emp_prosecutor_1.user_id = cls.portal_user
        cls.emp_prosecutor_2.user_id = cls.other_user
        cls.all_employees.civil_staff_type_id = cls.env.ref("hr_civil_service.hr_civil_staff_type_civil_servant")

        # Two approved days of prosecutor one: 3 h of indictment on Monday, 2 h of reception on Tuesday.
        Diary = cls.env["hr.work.diary"]
        diaries = Diary.create(
            [
                {
                    "employee_id": cls.emp_prosecutor_1.id,
                    "date": MONDAY,
                    "line_ids": [Command.create({"task_id": cls.task_prosecutor.id})],
                },
                {
                    "employee_id": cls.emp_prosecutor_1.id,
                    "date": TUESDAY,
                    "line_ids": [Command.create({"task_id": cls.task_hour.id, "quantity": 2})],
                },
            ]
        )
        diaries.action_submit()
        diaries.with_user(cls.head_user).action_approve()

        cls.evaluation = cls.env["hr.civil.evaluation"].create(
            {"company_id": cls.company.id, "period_type": "month", "year": 2026, "month": "11"}
        )
        cls.evaluation._populate()
        lines = cls.evaluation.line_ids
        cls.line = lines.filtered(lambda line: line.employee_id == cls.emp_prosecutor_1)
        cls.other_line = lines.filtered(lambda line: line.employee_id == cls.emp_prosecutor_2)
        cls.clerk_line = lines.filtered(lambda line: line.employee_id == cls.emp_clerk)
        cls.other_line.sudo().write({"self_assessment": "HRCS secret self-assessment of prosecutor two"})

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

    def _url(self, line, action=None):
        return f"/my/evaluations/{line.id}" + (f"/{action}" if action else "")

    def _error_of(self, response):
        match = re.search(r'class="o_hrcs_evaluation_error">(.*?)</span>', response.text, re.S)
        return match and match.group(1).strip()

    def _figure(self, body, name):
        match = re.search(rf'data-name="{name}">\s*(.*?)\s*<', body, re.S)
        return match and match.group(1).strip()

    def _state(self, line):
        return (line.self_assessment, line.self_general_points, line.self_level, line.state, line.appeal_reason)

    def _finalise(self):
        """The supervisor proposes, the leader decides and finalises: every official is notified."""
        self.evaluation.line_ids.action_propose()
        self.evaluation.with_user(self.leader).action_decide_all()
        self.evaluation.with_user(self.leader).action_finalise()
        self.assertEqual(self.line.state, "final")

    # ------------------------------------------------------------------
    # Home page, list, page
    # ------------------------------------------------------------------
    def test_home_entry_counter(self):
        self._login(self.portal_user)
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/evaluations"', response.text)
        # the other pages' entries are still there: the portal controllers extend the home page together
        self.assertIn('href="/my/work-diary"', response.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["evaluation_count", "diary_count"]})
        self.assertEqual(counters, {"evaluation_count": 1, "diary_count": 2})
        self.line.with_context(civil_evaluation_workflow=True).write({"state": "self"})
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["evaluation_count"]})
        self.assertEqual(counters, {"evaluation_count": 0}, "nothing left to self-assess")
        self.assertIn('href="/my/evaluations"', self.url_open("/my").text, "the entry stays")
        self._login(self.user_internal)
        self.assertEqual(
            self.make_jsonrpc_request("/my/counters", {"counters": ["evaluation_count"]}), {"evaluation_count": 0}
        )

    def test_list_and_page(self):
        self._login(self.portal_user)
        response = self.url_open("/my/evaluations")
        self.assertEqual(response.status_code, 200)
        body = response.text
        self.assertIn(f'href="{self._url(self.line)}"', body)
        self.assertNotIn(f'href="{self._url(self.other_line)}"', body)
        self.assertIn("Month 11/2026", body)
        self.assertIn("To Self-Assess", body)
        self.assertIn(vietnamese_number(self.line.total_score), body)
        self.assertNotIn(f'href="{self._url(self.line)}"', self.url_open("/my/evaluations?filterby=rated").text)

        response = self.url_open(self._url(self.line))
        self.assertEqual(response.status_code, 200)
        body = response.text
        # The KPI snapshot of the approved diary, in the Vietnamese number format.
        self.assertEqual(self.line.converted_hours, 5.0)
        self.assertEqual(self.line.line_count, 2)
        self.assertEqual(self._figure(body, "converted_hours"), "5")
        self.assertEqual(self._figure(body, "line_count"), "2")
        self.assertEqual(self._figure(body, "standard_hours"), vietnamese_number(self.line.standard_hours))
        self.assertEqual(self._figure(body, "quantity_ratio"), vietnamese_number(self.line.quantity_ratio, 1))
        self.assertIn(",", self._figure(body, "task_points"), "decimal comma")
        self.assertEqual(vietnamese_number(1234.5), "1.234,5")
        # The form: text, points within the scheme's 30, level; save and submit with the CSRF token.
        for name in ("self_assessment", "self_general_points", "self_level", "csrf_token"):
            self.assertIn(f'name="{name}"', body)
        self.assertIn('max="30.0"', body)
        self.assertIn(f'action="{self._url(self.line, "save")}"', body)
        self.assertIn(f'formaction="{self._url(self.line, "submit")}"', body)
        self.assertNotIn("HRCS secret", body)
        self.assertNotIn(f'action="{self._url(self.line, "appeal")}"', body)

    @mute_logger("odoo.http")
    def test_line_of_somebody_else_not_found(self):
        before = self._state(self.other_line)
        self._login(self.portal_user)
        for line_id in (self.other_line.id, 999999999):
            response = self.url_open(f"/my/evaluations/{line_id}")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("HRCS secret", response.text)
        for action in ("save", "submit", "appeal"):
            response = self._post(
                self._url(self.other_line, action),
                {"self_assessment": "HRCS intruder", "self_general_points": "30", "appeal_reason": "HRCS intruder"},
            )
            self.assertEqual(response.status_code, 404, action)
        self.assertEqual(self._state(self.other_line), before)
        # A change without the CSRF token is refused too.
        response = self._post(self._url(self.line, "save"), {"self_assessment": "HRCS no token"}, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.line.self_assessment)

    # ------------------------------------------------------------------
    # Self-assessment
    # ------------------------------------------------------------------
    def test_save_and_submit(self):
        self._login(self.portal_user)
        response = self._post(
            self._url(self.line, "save"),
            {
                "self_assessment": "HRCS indicted case 12\r\nHRCS answered petition 7",
                "self_general_points": "27,5",
                "self_level": "good",
                # Only the self-assessment is read from the form.
                "state": "final",
                "final_level": "excellent",
                "supervisor_general_points": "30",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Self-assessment saved.", response.text)
        self.assertRecordValues(
            self.line,
            [
                {
                    "self_assessment": "HRCS indicted case 12\nHRCS answered petition 7",
                    "self_general_points": 27.5,
                    "self_level": "good",
                    "state": "draft",
                    "final_level": False,
                    "supervisor_general_points": 0.0,
                    "general_points": 27.5,
                }
            ],
        )
        self.assertIn('value="27.5"', response.text)
        # Submit: what was typed is saved with it, then the page is read only.
        response = self._post(
            self._url(self.line, "submit"),
            {"self_assessment": "HRCS final self-assessment", "self_general_points": "28", "self_level": "good"},
        )
        self.assertIn("submitted to your supervisor", response.text)
        self.assertRecordValues(
            self.line, [{"state": "self", "self_assessment": "HRCS final self-assessment", "self_general_points": 28.0}]
        )
        self.assertIn(
            "<p>Self-assessment submitted.</p>", self.line.message_ids.mapped(lambda message: str(message.body))
        )
        self.assertNotIn("<textarea", response.text)
        self.assertNotIn(f'action="{self._url(self.line, "save")}"', response.text)
        self.assertIn("HRCS final self-assessment", response.text)
        # A submitted self-assessment no longer changes on the portal.
        before = self._state(self.line)
        for action in ("save", "submit"):
            response = self._post(self._url(self.line, action), {"self_assessment": "HRCS too late"})
            self.assertEqual(response.status_code, 200, action)
            self.assertIn("has been submitted", self._error_of(response), action)
        self.assertEqual(self._state(self.line), before)

    def test_bad_input_saves_nothing(self):
        self.line.sudo().write({"self_assessment": "HRCS first draft", "self_general_points": 20})
        before = self._state(self.line)
        self._login(self.portal_user)
        for points in ("31", "-1", "abc", "nan"):
            response = self._post(
                self._url(self.line, "save"),
                {"self_assessment": "HRCS changed", "self_general_points": points, "self_level": "good"},
            )
            self.assertEqual(response.status_code, 200, points)
            self.assertIn("Nothing was saved.", response.text)
            self.assertIn("between 0 and 30", self._error_of(response), points)
            self.assertIn("HRCS changed", response.text, "what was typed is shown again")
            self.assertEqual(self._state(self.line), before, points)
        response = self._post(self._url(self.line, "save"), {"self_assessment": "HRCS x", "self_level": "best"})
        self.assertIn("Choose the level", self._error_of(response))
        # Submitting without a text: the model refuses, and the points typed with it are not kept either.
        response = self._post(self._url(self.line, "submit"), {"self_assessment": "  ", "self_general_points": "25"})
        self.assertIn("Write your self-assessment", self._error_of(response))
        self.assertEqual(self._state(self.line), before)

    def test_submit_after_the_supervisor_proposed(self):
        self.line.sudo().write({"self_assessment": "HRCS before the proposal"})
        self.line.with_user(self.head_user).action_propose()
        self.assertEqual(self.line.state, "proposed")
        before = self._state(self.line)
        self._login(self.portal_user)
        body = self.url_open(self._url(self.line)).text
        self.assertNotIn("<textarea", body)
        self.assertIn("HRCS before the proposal", body)
        for action in ("save", "submit"):
            response = self._post(
                self._url(self.line, action),
                {"self_assessment": "HRCS after the proposal", "self_general_points": "30"},
            )
            self.assertEqual(response.status_code, 200, action)
            self.assertIn("the supervisor has proposed", self._error_of(response), action)
        self.assertEqual(self._state(self.line), before)

    def test_internal_staff_user(self):
        """An internal official (the clerk, staff user) uses the same pages."""
        self._login(self.staff)
        body = self.url_open("/my/evaluations").text
        self.assertIn(f'href="{self._url(self.clerk_line)}"', body)
        self.assertNotIn(f'href="{self._url(self.line)}"', body)
        response = self._post(
            self._url(self.clerk_line, "submit"),
            {"self_assessment": "HRCS registered every file", "self_general_points": "26", "self_level": "done"},
        )
        self.assertIn("submitted to your supervisor", response.text)
        self.assertRecordValues(self.clerk_line, [{"state": "self", "self_general_points": 26.0, "self_level": "done"}])

    def test_user_without_employee(self):
        self._login(self.user_internal)
        for url in ("/my/evaluations", self._url(self.other_line)):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertIn("not linked to an employee", response.text, url)
            self.assertNotIn("HRCS secret", response.text, url)

    def test_text_is_escaped(self):
        self._login(self.portal_user)
        self._post(self._url(self.line, "save"), {"self_assessment": "<script>alert('hrcs')</script>"})
        self.assertEqual(self.line.self_assessment, "<script>alert('hrcs')</script>")
        body = self.url_open(self._url(self.line)).text
        self.assertNotIn("<script>alert('hrcs')", body)
        self.assertIn("&lt;script&gt;alert(&#39;hrcs&#39;)&lt;/script&gt;", body)
        # Every form of the page carries the token.
        self.assertEqual(body.count("<form"), body.count('name="csrf_token"'))

    # ------------------------------------------------------------------
    # Rating and appeal
    # ------------------------------------------------------------------
    def test_appeal_within_the_window(self):
        self.line.with_context(civil_evaluation_workflow=True).write(
            {"leader_comment": "HRCS few products this month", "leader_general_points": 24}
        )
        self._finalise()
        self.assertEqual(self.line.appeal_deadline, date(2026, 11, 27), "7 working days after 18/11")
        self._login(self.portal_user)
        body = self.url_open(self._url(self.line)).text
        self.assertIn("Your rating", body)
        self.assertIn(dict(self.line._fields["final_level"].selection)[self.line.final_level], body)
        self.assertIn(vietnamese_number(self.line.total_score), body)
        self.assertIn("HRCS few products this month", body)
        self.assertIn("You may appeal until 11/27/2026.", body)
        self.assertIn(f'action="{self._url(self.line, "appeal")}"', body)
        self.assertNotIn('<textarea id="hrcs_self_assessment"', body)
        self.assertIn(self._url(self.line), self.url_open("/my/evaluations?filterby=rated").text)
        # An appeal needs a reason.
        response = self._post(self._url(self.line, "appeal"), {"appeal_reason": " "})
        self.assertIn("Say why you appeal", self._error_of(response))
        self.assertEqual(self.line.state, "final")

        response = self._post(
            self._url(self.line, "appeal"), {"appeal_reason": "HRCS the reception hours of the 19th are missing"}
        )
        self.assertIn("Your appeal has been sent", response.text)
        self.assertRecordValues(
            self.line,
            [
                {
                    "state": "appealed",
                    "appeal_reason": "HRCS the reception hours of the 19th are missing",
                    "appeal_count": 1,
                }
            ],
        )
        appeal = self.line.message_ids.filtered(lambda message: "HRCS the reception hours" in str(message.body))
        self.assertEqual(appeal.author_id, self.portal_user.partner_id, "the appeal is logged in the chatter")
        self.assertTrue(self.line.activity_ids, "a leader is asked to decide again")
        self.assertIn("Your appeal is being considered", response.text)
        self.assertNotIn(f'action="{self._url(self.line, "appeal")}"', response.text)
        # Appealing again while the appeal is pending is refused.
        response = self._post(self._url(self.line, "appeal"), {"appeal_reason": "HRCS again"})
        self.assertIn("already being considered", self._error_of(response))
        self.assertEqual(self.line.appeal_count, 1)

    def test_appeal_after_the_window(self):
        self._finalise()
        self.line.with_context(civil_evaluation_workflow=True).write({"appeal_deadline": date(2026, 11, 17)})
        before = self._state(self.line)
        self._login(self.portal_user)
        body = self.url_open(self._url(self.line)).text
        self.assertIn("The appeal window closed on 11/17/2026.", body)
        self.assertNotIn(f'action="{self._url(self.line, "appeal")}"', body)
        response = self._post(self._url(self.line, "appeal"), {"appeal_reason": "HRCS too late"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("The appeal window closed on 17/11/2026", self._error_of(response))
        self.assertEqual(self._state(self.line), before)
        self.assertFalse(self.line.activity_ids)
