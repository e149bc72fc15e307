"""Portal pages of the meetings: /my/briefing-reports and /my/action-items.

An employee (internal or portal user linked to an ``hr.employee``) lists their briefing reports, fills one in
(last week's results prefilled from the diary, problems, next week's plan), refills it from the diary and sends
it; and follows the action items assigned to them or to their unit. Portal users only have read access to these
models: every change goes through the models with ``sudo()`` *after* the ownership check of this controller, so
the models' rules (locking once the minutes are approved, no sending after the meeting) still run and their
messages are shown on the page. Each change runs in a savepoint: on error nothing is saved.

The pages follow those of the work diary (``controllers/portal.py``): 404 for somebody else's record, POST with
the CSRF token for every change, Bootstrap only, every text escaped by the templates. Odoo merges every extension of
``CustomerPortal`` into one class: the helpers here all start with ``_meeting_`` so that none overrides the diary's.
"""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import format_date, format_datetime
from odoo.tools.misc import babel_locale_parse, get_lang, posix_to_ldml

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

MEETING_ITEMS_PER_PAGE = 20
# The texts of a report: long enough for a week of work, short enough to keep a briefing readable.
MAX_REPORT_TEXT = 20000
REPORT_TEXT_FIELDS = ("last_week_results", "problems", "next_week_plan")
REPORT_STATE_BADGES = {"draft": "text-bg-warning", "submitted": "text-bg-success"}
MEETING_STATE_BADGES = {
    "draft": "text-bg-light border",
    "scheduled": "text-bg-info",
    "held": "text-bg-secondary",
    "approved": "text-bg-dark",
    "cancelled": "text-bg-danger",
}
ITEM_STATE_BADGES = {
    "open": "text-bg-info",
    "in_progress": "text-bg-primary",
    "done": "text-bg-success",
    "cancelled": "text-bg-secondary",
}
PRIORITY_BADGES = {"1": "text-bg-warning", "2": "text-bg-danger"}
OPEN_ITEM_STATES = ("open", "in_progress")
# A report can be written while its meeting is still ahead.
MEETING_OPEN_STATES = ("draft", "scheduled")
MEETING_ERRORS = (UserError, ValidationError, AccessError)


class MeetingPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Home page entries
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        wanted = {"briefing_report_count", "action_item_count"}.intersection(counters)
        if not wanted and counters:
            return values
        employees = self._meeting_employees()
        Item = request.env["hr.civil.action.item"].sudo()
        if "briefing_report_count" in wanted:
            values["briefing_report_count"] = (
                request.env["hr.civil.meeting.report"].sudo().search_count([("employee_id", "in", employees.ids)])
                if employees
                else 0
            )
        if "action_item_count" in wanted:
            domain = self._meeting_item_domain(employees) + [("state", "in", OPEN_ITEM_STATES)]
            values["action_item_count"] = Item.search_count(domain) if employees else 0
        if not counters:
            # /my itself: the action items entry stays once everything is done (its counter shows the open ones).
            values["action_item_any"] = bool(employees and Item.search_count(self._meeting_item_domain(employees)))
        return values

    # ------------------------------------------------------------------
    # Helpers: who, which report, which items
    # ------------------------------------------------------------------
    def _meeting_employees(self):
        """Every employee record of the current user (one per company at most)."""
        return request.env["hr.employee"].sudo().search([("user_id", "=", request.env.uid)])

    def _meeting_get_report(self, report_id):
        """The report ``report_id`` of the current user, sudoed; 404 for a missing report or somebody else's.

        Only the owner: the chair and the supervisors read the reports in the back end.
        """
        report = request.env["hr.civil.meeting.report"].sudo().browse(report_id).exists()
        if not report or report.employee_id.user_id.id != request.env.uid:
            raise NotFound()
        return report

    @staticmethod
    def _meeting_item_domain(employees):
        """The items of the portal pages: assigned to one of ``employees``, or to their unit (as the record rule
        of the staff and portal users)."""
        return [
            "|",
            ("assignee_ids", "in", employees.ids),
            ("department_id", "in", employees.department_id.ids),
        ]

    def _meeting_get_item(self, item_id, employees):
        """The action item ``item_id`` if it is the user's or their unit's, sudoed; 404 otherwise."""
        Item = request.env["hr.civil.action.item"].sudo()
        if not employees or not Item.search_count([("id", "=", item_id)] + self._meeting_item_domain(employees)):
            raise NotFound()
        return Item.browse(item_id)

    @staticmethod
    def _meeting_report_can_edit(report):
        return report.state == "draft" and report.meeting_id.state in MEETING_OPEN_STATES

    def _meeting_selection_labels(self, model, field):
        return dict(request.env[model]._fields[field]._description_selection(request.env))

    @staticmethod
    def _meeting_moment(moment, weekday=True):
        """A meeting's start in the user's time zone: the day of the week, the language's date, hours and
        minutes."""
        env = request.env
        lang = get_lang(env)
        pattern = posix_to_ldml(lang.date_format, locale=babel_locale_parse(lang.code))
        return format_datetime(env, moment, dt_format=f"{'EEE ' if weekday else ''}{pattern} HH:mm")

    @staticmethod
    def _meeting_error_message(error):
        # str() turns a Markup message into plain text: the template escapes it.
        return str(error.args[0]) if error.args else str(error)

    # ------------------------------------------------------------------
    # Rendering
    # ------------------------------------------------------------------
    def _meeting_common_values(self, page_name):
        env = request.env
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": page_name,
                "format_day": lambda day, pattern=False: format_date(request.env, day, date_format=pattern),
                "format_moment": self._meeting_moment,
                "report_state_labels": self._meeting_selection_labels("hr.civil.meeting.report", "state"),
                "report_state_badges": REPORT_STATE_BADGES,
                "meeting_state_labels": self._meeting_selection_labels("hr.civil.meeting", "state"),
                "meeting_state_badges": MEETING_STATE_BADGES,
                "item_state_labels": self._meeting_selection_labels("hr.civil.action.item", "state"),
                "item_state_badges": ITEM_STATE_BADGES,
                "priority_labels": self._meeting_selection_labels("hr.civil.action.item", "priority"),
                "priority_badges": PRIORITY_BADGES,
                "percent": lambda value: "%d" % round(min(max(value or 0.0, 0.0), 100.0)),
                # Whole sentences for the translators, rather than pieces around the figures.
                "overdue_label": lambda item: env._("Overdue by %(days)s day(s)", days=item.delay_days),
                "late_label": lambda item: env._("Done %(days)s day(s) late", days=item.delay_days),
                "week_label": lambda report: env._(
                    "Week of %(start)s – %(end)s",
                    start=format_date(env, report.week_start),
                    end=format_date(env, report.week_end),
                ),
            }
        )
        return values

    def _meeting_render_no_employee(self, page_name):
        values = self._meeting_common_values(page_name)
        return request.render("hr_civil_service.portal_meeting_no_employee", values)

    def _meeting_render_report_list(self, employees, page=1, filterby=None):
        env = request.env
        Report = env["hr.civil.meeting.report"].sudo()
        searchbar_filters = {
            "all": {"label": env._("All"), "domain": []},
            "to_do": {
                "label": env._("To fill in"),
                "domain": [("state", "=", "draft"), ("meeting_id.state", "in", MEETING_OPEN_STATES)],
            },
            "submitted": {"label": env._("Sent"), "domain": [("state", "=", "submitted")]},
        }
        if filterby not in searchbar_filters:
            filterby = "all"
        domain = [("employee_id", "in", employees.ids)] + searchbar_filters[filterby]["domain"]
        count = Report.search_count(domain)
        pager = portal_pager(
            url="/my/briefing-reports",
            url_args={"filterby": filterby} if filterby != "all" else None,
            total=count,
            page=page,
            step=MEETING_ITEMS_PER_PAGE,
        )
        reports = Report.search(
            domain, order="meeting_date desc, id desc", limit=MEETING_ITEMS_PER_PAGE, offset=pager["offset"]
        )
        values = self._meeting_common_values("briefing_reports")
        values.update(
            {
                "reports": reports,
                "can_edit": self._meeting_report_can_edit,
                "pager": pager,
                "default_url": "/my/briefing-reports",
                "searchbar_filters": searchbar_filters,
                "filterby": filterby,
            }
        )
        return request.render("hr_civil_service.portal_my_briefing_reports", values)

    def _meeting_report_form(self, report, post=None):
        """Texts of the form: what was posted (after an error), else the report's."""
        if post is not None:
            return {key: post.get(key) or "" for key in REPORT_TEXT_FIELDS}
        return {key: report[key] or "" for key in REPORT_TEXT_FIELDS}

    def _meeting_render_report(self, report, error=None, message=None, post=None):
        meeting = report.meeting_id
        employee = report.employee_id
        items = (
            request.env["hr.civil.action.item"]
            .sudo()
            .search([("assignee_ids", "in", employee.ids), ("state", "in", OPEN_ITEM_STATES)])
        )
        values = self._meeting_common_values("briefing_reports")
        values.update(
            {
                "hrcs_report": report,
                "meeting": meeting,
                "employee": employee,
                "open_item_records": items,
                "form": self._meeting_report_form(report, post),
                "can_edit": self._meeting_report_can_edit(report),
                "report_type_labels": self._meeting_selection_labels("hr.civil.meeting.report", "report_type"),
                "error": error,
                "message": message,
            }
        )
        return request.render("hr_civil_service.portal_briefing_report", values)

    def _meeting_render_item_list(self, employees, page=1, filterby=None):
        env = request.env
        Item = env["hr.civil.action.item"].sudo()
        searchbar_filters = {
            "open": {"label": env._("Open"), "domain": [("state", "in", OPEN_ITEM_STATES)]},
            "done": {"label": env._("Done"), "domain": [("state", "=", "done")]},
            "all": {"label": env._("All"), "domain": []},
        }
        if filterby not in searchbar_filters:
            filterby = "open"
        domain = self._meeting_item_domain(employees) + searchbar_filters[filterby]["domain"]
        count = Item.search_count(domain)
        pager = portal_pager(
            url="/my/action-items",
            url_args={"filterby": filterby} if filterby != "open" else None,
            total=count,
            page=page,
            step=MEETING_ITEMS_PER_PAGE,
        )
        items = Item.search(domain, limit=MEETING_ITEMS_PER_PAGE, offset=pager["offset"])
        values = self._meeting_common_values("action_items")
        values.update(
            {
                "items": items,
                "own_item_ids": set(items.filtered(lambda item: item.assignee_ids & employees).ids),
                "pager": pager,
                "default_url": "/my/action-items",
                "searchbar_filters": searchbar_filters,
                "filterby": filterby,
            }
        )
        return request.render("hr_civil_service.portal_my_action_items", values)

    def _meeting_render_item(self, item, employees):
        lines = item.line_ids.sorted(lambda line: (line.date, line.id), reverse=True)
        own_lines = lines.filtered(lambda line: line.employee_id in employees)
        # Other people's diary lines stay private (the diary's record rules): only how many count.
        other_count = len((lines - own_lines).filtered(lambda line: line.state in ("submitted", "approved")))
        meetings = (item.meeting_ids | item.source_meeting_id).sorted(
            lambda meeting: (meeting.date_start, meeting.id), reverse=True
        )
        reports = (
            request.env["hr.civil.meeting.report"]
            .sudo()
            .search([("meeting_id", "in", meetings.ids), ("employee_id", "in", employees.ids)])
        )
        values = self._meeting_common_values("action_items")
        values.update(
            {
                "hrcs_item": item,
                "own_lines": own_lines,
                "other_lines_label": other_count
                and request.env._("%(count)s line(s) of other people also serve this item.", count=other_count),
                "meetings": meetings,
                "report_by_meeting": {report.meeting_id.id: report for report in reports},
                "line_state_labels": self._meeting_selection_labels("hr.work.diary", "state"),
                "is_own": bool(item.assignee_ids & employees),
            }
        )
        return request.render("hr_civil_service.portal_action_item", values)

    def _meeting_report_messages(self):
        env = request.env
        return {
            "saved": env._("Report saved."),
            "refilled": env._("Last week's results and the open action items were refilled from your diary."),
            "submitted": env._("The report has been sent to the chair of the meeting."),
        }

    # ------------------------------------------------------------------
    # Changes: always on the checked report, in a savepoint, with the models' rules
    # ------------------------------------------------------------------
    def _meeting_report_check_open(self, report):
        """The report accepts changes: the portal's rule (the report is still a draft, the meeting still ahead)
        is stricter than the model's (locked once the minutes are approved)."""
        env = request.env
        if report.state != "draft":
            raise UserError(env._("The report has been sent: it can no longer be changed."))
        if report.meeting_id.state == "cancelled":
            raise UserError(env._("The meeting was cancelled: the report can no longer be changed."))
        if report.meeting_id.state not in MEETING_OPEN_STATES:
            raise UserError(env._("The meeting has already taken place: the report can no longer be changed."))

    def _meeting_report_values(self, post):
        """The texts of the posted form. Only these fields are read: the report, its person and its meeting come
        from the URL, never from the form."""
        env = request.env
        labels = {
            "last_week_results": env._("Last week's results"),
            "problems": env._("Problems and proposals"),
            "next_week_plan": env._("Next week's plan"),
        }
        vals = {}
        for key in REPORT_TEXT_FIELDS:
            if key not in post:
                continue
            text = (post.get(key) or "").replace("\r\n", "\n").strip()
            if len(text) > MAX_REPORT_TEXT:
                raise UserError(
                    env._(
                        "%(field)s is longer than %(max)s characters: shorten it.",
                        field=labels[key],
                        max=MAX_REPORT_TEXT,
                    )
                )
            vals[key] = text or False
        return vals

    def _meeting_report_save(self, report, post):
        self._meeting_report_check_open(report)
        vals = self._meeting_report_values(post)
        vals = {key: value for key, value in vals.items() if value != (report[key] or False)}
        if vals:
            report.write(vals)

    def _meeting_report_change(self, report, operation, message, post=None):
        """Run ``operation`` in a savepoint; on error show the page again with the message and what was typed."""
        try:
            with request.env.cr.savepoint():
                operation()
        except MEETING_ERRORS as error:
            report.invalidate_recordset()
            return self._meeting_render_report(report, error=self._meeting_error_message(error), post=post)
        return request.redirect(f"/my/briefing-reports/{report.id}?message={message}")

    # ------------------------------------------------------------------
    # Routes: briefing reports
    # ------------------------------------------------------------------
    @http.route(
        ["/my/briefing-reports", "/my/briefing-reports/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_my_briefing_reports(self, page=1, filterby=None, **kw):
        employees = self._meeting_employees()
        if not employees:
            return self._meeting_render_no_employee("briefing_reports")
        return self._meeting_render_report_list(employees, page=page, filterby=filterby)

    @http.route(
        "/my/briefing-reports/<int:report_id>", type="http", auth="user", website=True, methods=["GET"], readonly=True
    )
    def portal_briefing_report(self, report_id, message=None, **kw):
        if not self._meeting_employees():
            return self._meeting_render_no_employee("briefing_reports")
        report = self._meeting_get_report(report_id)
        return self._meeting_render_report(report, message=self._meeting_report_messages().get(message))

    @http.route("/my/briefing-reports/<int:report_id>/save", type="http", auth="user", website=True, methods=["POST"])
    def portal_briefing_report_save(self, report_id, **post):
        report = self._meeting_get_report(report_id)
        return self._meeting_report_change(report, lambda: self._meeting_report_save(report, post), "saved", post=post)

    @http.route("/my/briefing-reports/<int:report_id>/submit", type="http", auth="user", website=True, methods=["POST"])
    def portal_briefing_report_submit(self, report_id, **post):
        """Save what was typed, then send the report."""
        report = self._meeting_get_report(report_id)

        def submit():
            self._meeting_report_save(report, post)
            report.action_submit()

        return self._meeting_report_change(report, submit, "submitted", post=post)

    @http.route("/my/briefing-reports/<int:report_id>/refill", type="http", auth="user", website=True, methods=["POST"])
    def portal_briefing_report_refill(self, report_id, **post):
        """Refill last week's results and the open items from the diary as it is now (the other texts stay)."""
        report = self._meeting_get_report(report_id)

        def refill():
            self._meeting_report_check_open(report)
            report.action_refresh_from_diary()

        return self._meeting_report_change(report, refill, "refilled")

    # ------------------------------------------------------------------
    # Routes: action items (read only: progress comes from the diary lines)
    # ------------------------------------------------------------------
    @http.route(
        ["/my/action-items", "/my/action-items/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_my_action_items(self, page=1, filterby=None, **kw):
        employees = self._meeting_employees()
        if not employees:
            return self._meeting_render_no_employee("action_items")
        return self._meeting_render_item_list(employees, page=page, filterby=filterby)

    @http.route(
        "/my/action-items/<int:item_id>", type="http", auth="user", website=True, methods=["GET"], readonly=True
    )
    def portal_action_item(self, item_id, **kw):
        employees = self._meeting_employees()
        if not employees:
            return self._meeting_render_no_employee("action_items")
        item = self._meeting_get_item(item_id, employees)
        return self._meeting_render_item(item, employees)
