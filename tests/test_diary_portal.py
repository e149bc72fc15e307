# Portal tests: /my/work-diary as its own user and as an intruder.
import re
from datetime import timedelta

from odoo import Command, http
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.hr_civil_service.controllers import portal as diary_portal

from .common_diary import TODAY, TUESDAY, HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestDiaryPortal(HrWorkDiaryCase, HttpCase):
    """The portal pages of the work diary, with the frozen clock of the diary tests (the HTTP server thread sees
    the same frozen clock)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A database created with only Vietnamese loaded has English inactive: the pages would fall back to it.
        cls.env["res.lang"]._activate_lang("en_US")
        # A portal user who is an employee: prosecutor one. Their approver is the division head.
        cls.portal_user = new_test_user(
            cls.env,
            login="hrcs_portal_employee",
            groups="base.group_portal",
            lang="en_US",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.emp_prosecutor_1.user_id = cls.portal_user
        # Prosecutor two has a user too: the owner of "another person's sheet".
        cls.other_user = new_test_user(
            cls.env,
            login="hrcs_portal_other",
            groups="base.group_portal",
            lang="en_US",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.emp_prosecutor_2.user_id = cls.other_user
        cls.other_diary = cls.env["hr.work.diary"].create(
            {
                "employee_id": cls.emp_prosecutor_2.id,
                "date": TODAY,
                "line_ids": [Command.create({"name": "HRCS secret case of prosecutor two", "claimed_hours": 3})],
            }
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _login(self, user):
        self.authenticate(user.login, user.login)
        # The portal's language comes from the URL, then this cookie, then the user: pin it to the user's.
        self.opener.cookies.set("frontend_lang", user.lang or "en_US")

    def _post(self, url, data=None, files=None, csrf=True):
        data = dict(data or {})
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        response = self.url_open(url, data=data, files=files)
        self.env.invalidate_all()
        return response

    def _portal_diary(self, day=TODAY, lines=None):
        """A draft sheet of the portal employee."""
        return self._diary(day, lines, employee=self.emp_prosecutor_1)

    def _line_count(self, diary=None):
        domain = [("diary_id", "=", diary.id)] if diary else []
        return self.env["hr.work.diary.line"].search_count(domain)

    def _error_of(self, response):
        match = re.search(r'class="o_hrcs_diary_error">(.*?)</span>', response.text, re.S)
        return match and match.group(1).strip()

    # ------------------------------------------------------------------
    # Pages and who sees what
    # ------------------------------------------------------------------
    def test_home_entry(self):
        self._login(self.portal_user)
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/work-diary"', response.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["diary_count"]})
        self.assertEqual(counters["diary_count"], 0)
        self._portal_diary()
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["diary_count"]})
        self.assertEqual(counters["diary_count"], 1)

    def test_list_shows_only_own_sheets(self):
        own_today = self._portal_diary()
        own_tuesday = self._portal_diary(TUESDAY, [self._task_line(self.task_shared)])
        own_tuesday.action_submit()
        self._login(self.portal_user)
        response = self.url_open("/my/work-diary")
        self.assertEqual(response.status_code, 200)
        body = response.text
        today_link, tuesday_link = (f'href="/my/work-diary/{diary.id}"' for diary in (own_today, own_tuesday))
        self.assertIn(today_link, body)
        self.assertIn(tuesday_link, body)
        self.assertLess(body.index(today_link), body.index(tuesday_link), "latest day first")
        self.assertNotIn(f'href="/my/work-diary/{self.other_diary.id}"', body)
        self.assertNotIn("HRCS Prosecutor Two", body)
        # Filtered by state
        body = self.url_open("/my/work-diary?filterby=submitted").text
        self.assertIn(tuesday_link, body)
        self.assertNotIn(today_link, body)

    def test_open_own_day(self):
        diary = self._portal_diary(lines=[self._text_line("HRCS hearing of the day", 2)])
        self._login(self.portal_user)
        response = self.url_open(f"/my/work-diary/{diary.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("HRCS hearing of the day", response.text)
        self.assertIn(f'action="/my/work-diary/{diary.id}/line/add"', response.text)
        self.assertIn(f'action="/my/work-diary/{diary.id}/submit"', response.text)
        # The catalogue offers the position's tasks and those open to all, valid on the day, and nothing else.
        self.assertIn(f'value="{self.task_prosecutor.id}"', response.text)
        self.assertIn(f'value="{self.task_hour.id}"', response.text)
        for task in (self.task_clerk, self.task_expired, self.task_not_yet, self.task_other):
            self.assertNotIn(f'<option value="{task.id}"', response.text)

    @mute_logger("odoo.http")
    def test_foreign_sheet_not_found(self):
        self._login(self.portal_user)
        response = self.url_open(f"/my/work-diary/{self.other_diary.id}")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn("HRCS secret case", response.text)
        self.assertNotIn("HRCS Prosecutor Two", response.text)
        # A supervisor reads their staff's sheets in the back end, not through the personal portal pages.
        clerk_diary = self._diary()
        self._login(self.supervisor)
        response = self.url_open(f"/my/work-diary/{clerk_diary.id}")
        self.assertEqual(response.status_code, 404)
        response = self.url_open("/my/work-diary/999999999")
        self.assertEqual(response.status_code, 404)

    def test_user_without_employee(self):
        self._login(self.user_internal)
        for url in ("/my/work-diary", f"/my/work-diary/{self.other_diary.id}"):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200)
            self.assertIn("not linked to an employee", response.text)
            self.assertNotIn("HRCS secret case", response.text)
        count = self.env["hr.work.diary"].search_count([])
        response = self._post("/my/work-diary/new", {"date": "2026-11-18"})
        self.assertIn("not linked to an employee", response.text)
        self.assertEqual(self.env["hr.work.diary"].search_count([]), count)

    # ------------------------------------------------------------------
    # Changes
    # ------------------------------------------------------------------
    def test_new_day_created_once(self):
        Diary = self.env["hr.work.diary"]
        self._login(self.portal_user)
        response = self._post("/my/work-diary/new", {"date": "2026-11-17"})
        diary = Diary.search([("employee_id", "=", self.emp_prosecutor_1.id)])
        self.assertEqual(len(diary), 1)
        self.assertEqual(diary.date, TUESDAY)
        self.assertEqual(diary.state, "draft")
        self.assertTrue(response.url.endswith(f"/my/work-diary/{diary.id}"))
        # The same day again opens the same sheet.
        response = self._post("/my/work-diary/new", {"date": "2026-11-17"})
        self.assertTrue(response.url.endswith(f"/my/work-diary/{diary.id}"))
        self.assertEqual(Diary.search_count([("employee_id", "=", self.emp_prosecutor_1.id)]), 1)

    def test_new_day_in_the_future_refused(self):
        self._login(self.portal_user)
        response = self._post("/my/work-diary/new", {"date": str(TODAY + timedelta(days=1))})
        self.assertEqual(response.status_code, 200)
        self.assertIn("is in the future", self._error_of(response))
        self.assertIn("Nothing was saved.", response.text)
        self.assertFalse(self.env["hr.work.diary"].search([("employee_id", "=", self.emp_prosecutor_1.id)]))

    def test_add_lines(self):
        diary = self._portal_diary(lines=[])
        self._login(self.portal_user)
        response = self._post(
            f"/my/work-diary/{diary.id}/line/add",
            {"task_id": str(self.task_prosecutor.id), "quantity": "2", "role": "support", "product_ref": "15/CT"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Task added.", response.text)
        line = diary.line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.task_id, self.task_prosecutor)
        self.assertEqual(line.name, "Draft an indictment")
        self.assertEqual(line.role, "support")
        self.assertEqual(line.quantity, 2)
        self.assertEqual(line.claimed_hours, 6.0, "blank claimed hours follow the standard: 3 h x 2")
        self.assertEqual(line.product_ref, "15/CT")
        self.assertFalse(line.deadline_met, "the on-time box was not ticked")
        # A free-text line needs a description; with one it is saved with its hours.
        response = self._post(f"/my/work-diary/{diary.id}/line/add", {"claimed_hours": "1.5"})
        self.assertIn("Describe the task", self._error_of(response))
        self.assertEqual(len(diary.line_ids), 1)
        self._post(
            f"/my/work-diary/{diary.id}/line/add",
            {"name": "HRCS meeting", "claimed_hours": "1,5", "deadline": "2026-11-18", "deadline_met": "1"},
        )
        free = diary.line_ids - line
        self.assertEqual((free.name, free.claimed_hours, free.task_id), ("HRCS meeting", 1.5, self.env["hr.job.task"]))
        self.assertEqual(str(free.deadline), "2026-11-18")
        self.assertTrue(free.deadline_met)

    def test_internal_staff_edits_and_deletes(self):
        diary = self._diary(lines=[self._task_line(self.task_clerk), self._task_line(self.task_hour, quantity=2)])
        line, other_line = diary.line_ids.sorted("id")
        self._login(self.staff)
        # The edit form opens on the line.
        response = self.url_open(f"/my/work-diary/{diary.id}?edit={line.id}")
        self.assertIn(f'action="/my/work-diary/{diary.id}/line/{line.id}/edit"', response.text)
        response = self._post(
            f"/my/work-diary/{diary.id}/line/{line.id}/edit",
            {"task_id": str(self.task_clerk.id), "name": line.name, "quantity": "3", "claimed_hours": "5"},
        )
        self.assertIn("Task saved.", response.text)
        self.assertEqual((line.quantity, line.claimed_hours, line.standard_hours), (3, 5, 6))
        # Blank claimed hours: back to the standard.
        self._post(
            f"/my/work-diary/{diary.id}/line/{line.id}/edit",
            {"task_id": str(self.task_clerk.id), "name": line.name, "quantity": "3", "claimed_hours": ""},
        )
        self.assertEqual(line.claimed_hours, 6)
        response = self._post(f"/my/work-diary/{diary.id}/line/{line.id}/delete")
        self.assertIn("Task deleted.", response.text)
        self.assertFalse(line.exists())
        self.assertTrue(other_line.exists())
        self.assertEqual(diary.total_claimed_hours, 2)

    def test_attachment_upload_and_download(self):
        diary = self._portal_diary()
        line = diary.line_ids
        self._login(self.portal_user)
        response = self._post(
            f"/my/work-diary/{diary.id}/line/{line.id}/attach",
            files={"attachment": ("minutes.txt", b"HRCS minutes of the hearing", "text/plain")},
        )
        self.assertIn("File attached.", response.text)
        attachment = line.attachment_ids
        self.assertEqual(attachment.name, "minutes.txt")
        self.assertEqual((attachment.res_model, attachment.res_id), ("hr.work.diary.line", line.id))
        link = f"/web/content/{attachment.id}?access_token={attachment.access_token}&amp;download=true"
        self.assertIn(link, response.text)
        download = self.url_open(link.replace("&amp;", "&"))
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"HRCS minutes of the hearing")
        # A file added with a new line, and one too big, refused with a clear message and nothing saved.
        self._post(
            f"/my/work-diary/{diary.id}/line/add",
            {"task_id": str(self.task_shared.id)},
            files={"attachment": ("report.pdf", b"%PDF-1.4 HRCS", "application/pdf")},
        )
        self.assertEqual(
            diary.line_ids.filtered(lambda item: item.task_id == self.task_shared).attachment_ids.name, "report.pdf"
        )
        self.patch(diary_portal, "MAX_ATTACHMENT_SIZE", 10)
        count = self.env["ir.attachment"].search_count([("res_model", "=", "hr.work.diary.line")])
        response = self._post(
            f"/my/work-diary/{diary.id}/line/add",
            {"task_id": str(self.task_hour.id)},
            files={"attachment": ("big.txt", b"x" * 11, "text/plain")},
        )
        self.assertIn("is larger than", self._error_of(response))
        self.assertEqual(len(diary.line_ids), 2, "the line of the refused file is not saved either")
        self.assertEqual(self.env["ir.attachment"].search_count([("res_model", "=", "hr.work.diary.line")]), count)
        # Removing the file
        response = self._post(f"/my/work-diary/{diary.id}/line/{line.id}/attachment/{attachment.id}/delete")
        self.assertIn("File removed.", response.text)
        self.assertFalse(line.attachment_ids)
        self.assertFalse(attachment.exists())

    def test_submit_locks_the_day(self):
        diary = self._portal_diary(lines=[self._task_line(self.task_hour, quantity=2)])
        line = diary.line_ids
        self._login(self.portal_user)
        response = self._post(f"/my/work-diary/{diary.id}/submit")
        self.assertIn("submitted for approval", response.text)
        self.assertEqual(diary.state, "submitted")
        self.assertNotIn(f'action="/my/work-diary/{diary.id}/line/add"', response.text)
        # Every change is refused, with the model's message, and nothing changes.
        attempts = [
            (f"/my/work-diary/{diary.id}/line/add", {"name": "HRCS late addition", "claimed_hours": "1"}),
            (f"/my/work-diary/{diary.id}/line/{line.id}/edit", {"task_id": str(self.task_hour.id), "quantity": "9"}),
            (f"/my/work-diary/{diary.id}/line/{line.id}/delete", {}),
            (f"/my/work-diary/{diary.id}/submit", {}),
        ]
        for url, data in attempts:
            response = self._post(url, data)
            self.assertEqual(response.status_code, 200, url)
            self.assertTrue(self._error_of(response), url)
        self.assertIn("has been submitted", self._error_of(self._post(attempts[0][0], attempts[0][1])))
        self.assertEqual(diary.line_ids, line)
        self.assertEqual((line.quantity, line.claimed_hours, diary.state), (2, 2, "submitted"))
        # The portal writes with sudo() after its ownership check: the model's lock still holds then.
        with self.assertRaisesRegex(UserError, "has been submitted"):
            line.with_user(self.portal_user).sudo().write({"quantity": 9})
        diary.with_user(self.head_user).action_approve()
        with self.assertRaisesRegex(UserError, "approved and locked"):
            line.with_user(self.portal_user).sudo().write({"quantity": 9})
        response = self._post(attempts[0][0], attempts[0][1])
        self.assertIn("approved and locked", self._error_of(response))
        self.assertEqual(diary.line_ids, line)

    @mute_logger("odoo.http")
    def test_no_line_on_somebody_elses_sheet(self):
        own = self._portal_diary(lines=[])
        other_line = self.other_diary.line_ids
        self._login(self.portal_user)
        before = self._line_count()
        for url in (
            f"/my/work-diary/{self.other_diary.id}/line/add",
            f"/my/work-diary/{self.other_diary.id}/line/{other_line.id}/edit",
            f"/my/work-diary/{self.other_diary.id}/line/{other_line.id}/delete",
            f"/my/work-diary/{own.id}/line/{other_line.id}/edit",
            f"/my/work-diary/{own.id}/line/{other_line.id}/delete",
            f"/my/work-diary/{self.other_diary.id}/submit",
        ):
            response = self._post(url, {"name": "HRCS intruder", "claimed_hours": "1", "quantity": "5"})
            self.assertIn(response.status_code, (403, 404), url)
            self.assertNotIn("HRCS secret case", response.text)
        self.assertEqual(self._line_count(), before)
        self.assertEqual((other_line.name, other_line.quantity), ("HRCS secret case of prosecutor two", 1))
        self.assertEqual(self.other_diary.state, "draft")
        # A sheet id in the form is ignored: the line goes to the sheet of the URL.
        self._post(
            f"/my/work-diary/{own.id}/line/add",
            {"name": "HRCS own task", "claimed_hours": "1", "diary_id": str(self.other_diary.id)},
        )
        self.assertEqual(own.line_ids.name, "HRCS own task")
        self.assertEqual(self.other_diary.line_ids, other_line)

    @mute_logger("odoo.http")
    def test_csrf_token_required(self):
        diary = self._portal_diary(lines=[])
        self._login(self.portal_user)
        response = self._post(
            f"/my/work-diary/{diary.id}/line/add", {"name": "HRCS forged", "claimed_hours": "1"}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        response = self._post(f"/my/work-diary/{diary.id}/submit", {"dummy": "1"}, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(diary.line_ids)
        self.assertEqual(diary.state, "draft")
        # Every form of the pages carries the token.
        body = self.url_open(f"/my/work-diary/{diary.id}").text
        self.assertEqual(body.count("<form"), body.count('name="csrf_token"'))

    def test_blocked_input_shows_translated_error(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.portal_user.lang = "vi_VN"
        diary = self._portal_diary(lines=[])
        self._login(self.portal_user)
        response = self._post(
            f"/my/work-diary/{diary.id}/line/add",
            {"task_id": str(self.task_hour.id), "claimed_hours": "30", "product_ref": "HRCS kept"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self._error_of(response),
            "Số giờ kê khai cho &#39;Reception of citizens&#39; phải lớn hơn 0 và không vượt quá 24.",
        )
        self.assertIn('value="HRCS kept"', response.text, "what was typed is shown again")
        self.assertFalse(diary.line_ids)
        # A task of another position: the model's rule, not saved either.
        response = self._post(f"/my/work-diary/{diary.id}/line/add", {"task_id": str(self.task_clerk.id)})
        self.assertIn("không thuộc vị trí việc làm", self._error_of(response))
        self.assertFalse(diary.line_ids)
        # Above the daily maximum (12 h): refused on the sheet's total.
        self._post(f"/my/work-diary/{diary.id}/line/add", {"task_id": str(self.task_hour.id), "quantity": "8"})
        response = self._post(
            f"/my/work-diary/{diary.id}/line/add", {"task_id": str(self.task_hour.id), "quantity": "5"}
        )
        self.assertTrue(self._error_of(response))
        self.assertEqual(diary.total_claimed_hours, 8)

    def test_text_is_escaped(self):
        diary = self._portal_diary(lines=[self._text_line("<script>alert('hrcs')</script>", 1, product_ref="<b>x</b>")])
        self._login(self.portal_user)
        body = self.url_open(f"/my/work-diary/{diary.id}").text
        self.assertNotIn("<script>alert('hrcs')", body)
        self.assertNotIn("<b>x</b>", body)
        self.assertIn("&lt;script&gt;alert(&#39;hrcs&#39;)&lt;/script&gt;", body)
        # and what is typed in a form comes back escaped with the error
        response = self._post(
            f"/my/work-diary/{diary.id}/line/add", {"name": '"><script>alert(2)</script>', "claimed_hours": "99"}
        )
        self.assertTrue(self._error_of(response))
        self.assertNotIn("<script>alert(2)", response.text)

    def test_return_reason_and_flags_visible(self):
        diary = self._portal_diary(lines=[self._task_line(self.task_hour, quantity=2)])
        diary.action_submit()
        diary.with_user(self.head_user).action_return("HRCS <i>split</i> the reception in two lines")
        rule = self.env.ref("hr_civil_service.flag_rule_long_day")
        self.env["hr.work.diary.flag"].create(
            {"diary_id": diary.id, "rule_id": rule.id, "explanation": "HRCS explanation of the flag"}
        )
        self._login(self.portal_user)
        body = self.url_open(f"/my/work-diary/{diary.id}").text
        self.assertIn("o_hrcs_return_reason", body)
        self.assertIn("HRCS &lt;i&gt;split&lt;/i&gt; the reception in two lines", body)
        self.assertIn("HRCS explanation of the flag", body)
        # A returned sheet is editable again
        self.assertIn(f'action="/my/work-diary/{diary.id}/line/add"', body)
        body = self.url_open("/my/work-diary").text
        self.assertIn("HRCS &lt;i&gt;split&lt;/i&gt; the reception in two lines", body)

    def test_line_serves_an_action_item(self):
        Item = self.env["hr.civil.action.item"]
        mine = Item.create({"name": "HRCS review the backlog", "assignee_ids": [(4, self.emp_prosecutor_1.id)]})
        theirs = Item.create({"name": "HRCS somebody else's item", "assignee_ids": [(4, self.emp_clerk.id)]})
        diary = self._portal_diary(lines=[])
        self._login(self.portal_user)
        page = self.url_open(f"/my/work-diary/{diary.id}").text
        self.assertIn("HRCS review the backlog", page)
        self.assertNotIn("HRCS somebody else", page)
        response = self._post(
            f"/my/work-diary/{diary.id}/line/add",
            {"task_id": str(self.task_prosecutor.id), "action_item_id": str(theirs.id), "action_item_progress": "50"},
        )
        self.assertIn("open action items", self._error_of(response))
        self.assertFalse(diary.line_ids)
        self._post(
            f"/my/work-diary/{diary.id}/line/add",
            {"task_id": str(self.task_prosecutor.id), "action_item_id": str(mine.id), "action_item_progress": "50"},
        )
        self.assertRecordValues(diary.line_ids, [{"action_item_id": mine.id, "action_item_progress": 50.0}])
        self._post(f"/my/work-diary/{diary.id}/submit")
        self.assertRecordValues(mine, [{"state": "in_progress", "progress": 50.0}])
