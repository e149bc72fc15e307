"""Portal pages of the evaluation: /my/evaluations.

An official (internal or portal user linked to an ``hr.employee``) lists their evaluation lines, reads the KPI
figures of the period taken from their approved diary, writes and submits their self-assessment with the points
of the general criteria and the level they propose for themselves, reads the final rating with its reasons once
the evaluation is finalised, and appeals it within the appeal window. Portal users only have read access to the
lines: every change goes through the models with ``sudo()`` *after* the ownership check of this controller, so
the models' rules (points within the scheme's range, submission only before the supervisor's proposal, appeal
only within the window) still run and their messages are shown on the page. Each change runs in a savepoint: on
error nothing is saved.

The pages follow those of the work diary and the meetings (``controllers/portal.py``,
``controllers/portal_meeting.py``): 404 for somebody else's record, POST with the CSRF token for every change,
Bootstrap only, every text escaped by the templates. Odoo merges every extension of ``CustomerPortal`` into one
class: the helpers here all start with ``_evaluation_`` so that none overrides another page's.
"""

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import format_date

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

EVALUATION_ITEMS_PER_PAGE = 20
# A self-assessment: long enough for a year of work, short enough to be read by the supervisor.
MAX_SELF_ASSESSMENT = 20000
MAX_APPEAL_REASON = 5000
EVALUATION_STATE_BADGES = {
    "draft": "text-bg-warning",
    "self": "text-bg-info",
    "proposed": "text-bg-primary",
    "decided": "text-bg-secondary",
    "final": "text-bg-success",
    "appealed": "text-bg-danger",
}
LEVEL_BADGES = {
    "excellent": "text-bg-success",
    "good": "text-bg-primary",
    "done": "text-bg-info",
    "fail": "text-bg-danger",
}
# The rating is shown to the official once the evaluation is finalised (they are notified then).
RATED_STATES = ("final", "appealed")
EVALUATION_ERRORS = (UserError, ValidationError, AccessError)


def vietnamese_number(value, digits=2):
    """A figure as written in Vietnamese documents: '.' between thousands, ',' before the decimals
    (1234.5 → '1.234,5'); trailing decimal zeros are dropped."""
    text = f"{value or 0.0:,.{digits}f}"
    if digits:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


class EvaluationPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Home page entry
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "evaluation_count" in counters:
            employees = self._evaluation_employees()
            values["evaluation_count"] = (
                request.env["hr.civil.evaluation.line"].sudo().search_count(self._evaluation_to_do_domain(employees))
                if employees
                else 0
            )
        if not counters:
            # /my itself: the entry stays once every self-assessment is sent (its counter shows those to write).
            employees = self._evaluation_employees()
            values["evaluation_any"] = bool(
                employees
                and request.env["hr.civil.evaluation.line"].sudo().search_count([("employee_id", "in", employees.ids)])
            )
        return values

    # ------------------------------------------------------------------
    # Helpers: who, which line
    # ------------------------------------------------------------------
    def _evaluation_employees(self):
        """Every employee record of the current user (one per company at most)."""
        return request.env["hr.employee"].sudo().search([("user_id", "=", request.env.uid)])

    @staticmethod
    def _evaluation_to_do_domain(employees):
        """Lines awaiting the official's self-assessment."""
        return [
            ("employee_id", "in", employees.ids),
            ("state", "=", "draft"),
            ("evaluation_id.state", "=", "open"),
        ]

    def _evaluation_get_line(self, line_id):
        """The line ``line_id`` of the current user, sudoed; 404 for a missing line or somebody else's.

        Only the owner: the supervisors and the leaders work on the lines in the back end.
        """
        line = request.env["hr.civil.evaluation.line"].sudo().browse(line_id).exists()
        if not line or line.employee_id.user_id.id != request.env.uid:
            raise NotFound()
        return line

    @staticmethod
    def _evaluation_can_edit(line):
        """The portal's rule: the self-assessment is written until it is submitted (the model also lets the
        official change it after submitting, until the supervisor proposes; the portal keeps what was sent)."""
        return line.state == "draft" and line.evaluation_id.state == "open"

    @staticmethod
    def _evaluation_can_appeal(line):
        today = fields.Date.context_today(line)
        return line.state == "final" and (not line.appeal_deadline or today <= line.appeal_deadline)

    def _evaluation_selection_labels(self, model, field):
        return dict(request.env[model]._fields[field]._description_selection(request.env))

    @staticmethod
    def _evaluation_error_message(error):
        # str() turns a Markup message into plain text: the template escapes it.
        return str(error.args[0]) if error.args else str(error)

    # ------------------------------------------------------------------
    # Rendering
    # ------------------------------------------------------------------
    def _evaluation_common_values(self):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "evaluations",
                "format_day": lambda day, pattern=False: format_date(request.env, day, date_format=pattern),
                "number": vietnamese_number,
                "state_labels": self._evaluation_selection_labels("hr.civil.evaluation.line", "state"),
                "state_badges": EVALUATION_STATE_BADGES,
                "level_labels": self._evaluation_selection_labels("hr.civil.evaluation.line", "final_level"),
                "level_badges": LEVEL_BADGES,
                "rated_states": RATED_STATES,
            }
        )
        return values

    def _evaluation_render_no_employee(self):
        values = self._evaluation_common_values()
        return request.render("hr_civil_service.portal_evaluation_no_employee", values)

    def _evaluation_render_list(self, employees, page=1, filterby=None):
        env = request.env
        Line = env["hr.civil.evaluation.line"].sudo()
        searchbar_filters = {
            "all": {"label": env._("All"), "domain": []},
            "to_do": {
                "label": env._("To self-assess"),
                "domain": [("state", "=", "draft"), ("evaluation_id.state", "=", "open")],
            },
            "rated": {"label": env._("Rated"), "domain": [("state", "in", RATED_STATES)]},
        }
        if filterby not in searchbar_filters:
            filterby = "all"
        domain = [("employee_id", "in", employees.ids)] + searchbar_filters[filterby]["domain"]
        count = Line.search_count(domain)
        pager = portal_pager(
            url="/my/evaluations",
            url_args={"filterby": filterby} if filterby != "all" else None,
            total=count,
            page=page,
            step=EVALUATION_ITEMS_PER_PAGE,
        )
        lines = Line.search(
            domain, order="date_from desc, id desc", limit=EVALUATION_ITEMS_PER_PAGE, offset=pager["offset"]
        )
        values = self._evaluation_common_values()
        values.update(
            {
                "lines": lines,
                "pager": pager,
                "default_url": "/my/evaluations",
                "searchbar_filters": searchbar_filters,
                "filterby": filterby,
            }
        )
        return request.render("hr_civil_service.portal_my_evaluations", values)

    def _evaluation_form(self, line, post=None):
        """Values of the self-assessment form: what was posted (after an error), else the line's."""
        if post is not None:
            return {
                "self_assessment": post.get("self_assessment") or "",
                "self_general_points": post.get("self_general_points") or "",
                "self_level": post.get("self_level") or "",
                "appeal_reason": post.get("appeal_reason") or "",
            }
        return {
            "self_assessment": line.self_assessment or "",
            "self_general_points": ("%.2f" % line.self_general_points).rstrip("0").rstrip("."),
            "self_level": line.self_level or "",
            "appeal_reason": "",
        }

    def _evaluation_render_line(self, line, error=None, message=None, post=None):
        env = request.env
        values = self._evaluation_common_values()
        values.update(
            {
                "hrcs_line": line,
                "evaluation": line.evaluation_id,
                "employee": line.employee_id,
                "scheme": line.scheme_id,
                "form": self._evaluation_form(line, post),
                "can_edit": self._evaluation_can_edit(line),
                "can_appeal": self._evaluation_can_appeal(line),
                "is_rated": line.state in RATED_STATES,
                "error": error,
                "message": message,
                "window_closed_label": line.appeal_deadline
                and env._("The appeal window closed on %(date)s.", date=format_date(env, line.appeal_deadline)),
                "annual_label": line.annual_source_count
                and env._(
                    "The annual score is the average of %(count)s monthly or quarterly results.",
                    count=line.annual_source_count,
                ),
                "appeal_until_label": line.appeal_deadline
                and env._("You may appeal until %(date)s.", date=format_date(env, line.appeal_deadline)),
            }
        )
        return request.render("hr_civil_service.portal_evaluation", values)

    def _evaluation_messages(self):
        env = request.env
        return {
            "saved": env._("Self-assessment saved."),
            "submitted": env._("Your self-assessment has been submitted to your supervisor."),
            "appealed": env._("Your appeal has been sent: your leader will decide again."),
        }

    # ------------------------------------------------------------------
    # Changes: always on the checked line, in a savepoint, with the models' rules
    # ------------------------------------------------------------------
    def _evaluation_check_open(self, line):
        """The line accepts a self-assessment: the portal's rule (not submitted yet) is stricter than the
        model's (until the supervisor proposes)."""
        env = request.env
        if line.evaluation_id.state != "open" or line.state in ("decided", "final", "appealed"):
            raise UserError(env._("The evaluation is decided: the self-assessment can no longer be changed."))
        if line.state == "proposed":
            raise UserError(env._("The self-assessment can no longer be changed: the supervisor has proposed."))
        if line.state != "draft":
            raise UserError(env._("Your self-assessment has been submitted: it can no longer be changed."))

    def _evaluation_values(self, line, post):
        """The self-assessment of the posted form. Only these fields are read: the line, its person and its
        figures come from the URL and the database, never from the form."""
        env = request.env
        text = (post.get("self_assessment") or "").replace("\r\n", "\n").strip()
        if len(text) > MAX_SELF_ASSESSMENT:
            raise UserError(
                env._("The self-assessment is longer than %(max)s characters: shorten it.", max=MAX_SELF_ASSESSMENT)
            )
        raw_points = (post.get("self_general_points") or "").strip().replace(",", ".")
        try:
            points = float(raw_points) if raw_points else 0.0
        except ValueError:
            raise UserError(
                env._(
                    "The general-criteria points must be a number between 0 and %(maximum)s.",
                    maximum=vietnamese_number(line.scheme_id.general_points),
                )
            ) from None
        maximum = line.scheme_id.general_points
        if points != points or points < 0 or points > maximum:  # points != points: NaN
            raise UserError(
                env._(
                    "The general-criteria points must be a number between 0 and %(maximum)s.",
                    maximum=vietnamese_number(maximum),
                )
            )
        level = post.get("self_level") or False
        if level and level not in dict(line._fields["self_level"].selection):
            raise UserError(env._("Choose the level you propose from the list."))
        return {"self_assessment": text or False, "self_general_points": round(points, 2), "self_level": level}

    def _evaluation_save(self, line, post):
        self._evaluation_check_open(line)
        vals = self._evaluation_values(line, post)
        vals = {key: value for key, value in vals.items() if value != (line[key] or False)}
        if vals:
            line.write(vals)

    def _evaluation_appeal(self, line, post):
        env = request.env
        if line.state == "appealed":
            raise UserError(env._("Your appeal is already being considered."))
        reason = (post.get("appeal_reason") or "").replace("\r\n", "\n").strip()
        if len(reason) > MAX_APPEAL_REASON:
            raise UserError(env._("The reason is longer than %(max)s characters: shorten it.", max=MAX_APPEAL_REASON))
        line.action_appeal(reason)

    def _evaluation_change(self, line, operation, message, post=None):
        """Run ``operation`` in a savepoint; on error show the page again with the message and what was typed."""
        try:
            with request.env.cr.savepoint():
                operation()
        except EVALUATION_ERRORS as error:
            line.invalidate_recordset()
            return self._evaluation_render_line(line, error=self._evaluation_error_message(error), post=post)
        return request.redirect(f"/my/evaluations/{line.id}?message={message}")

    # ------------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------------
    @http.route(
        ["/my/evaluations", "/my/evaluations/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_my_evaluations(self, page=1, filterby=None, **kw):
        employees = self._evaluation_employees()
        if not employees:
            return self._evaluation_render_no_employee()
        return self._evaluation_render_list(employees, page=page, filterby=filterby)

    @http.route("/my/evaluations/<int:line_id>", type="http", auth="user", website=True, methods=["GET"], readonly=True)
    def portal_evaluation(self, line_id, message=None, **kw):
        if not self._evaluation_employees():
            return self._evaluation_render_no_employee()
        line = self._evaluation_get_line(line_id)
        return self._evaluation_render_line(line, message=self._evaluation_messages().get(message))

    @http.route("/my/evaluations/<int:line_id>/save", type="http", auth="user", website=True, methods=["POST"])
    def portal_evaluation_save(self, line_id, **post):
        line = self._evaluation_get_line(line_id)
        return self._evaluation_change(line, lambda: self._evaluation_save(line, post), "saved", post=post)

    @http.route("/my/evaluations/<int:line_id>/submit", type="http", auth="user", website=True, methods=["POST"])
    def portal_evaluation_submit(self, line_id, **post):
        """Save what was typed, then submit the self-assessment to the supervisor."""
        line = self._evaluation_get_line(line_id)

        def submit():
            self._evaluation_save(line, post)
            line.action_self_submit()

        return self._evaluation_change(line, submit, "submitted", post=post)

    @http.route("/my/evaluations/<int:line_id>/appeal", type="http", auth="user", website=True, methods=["POST"])
    def portal_evaluation_appeal(self, line_id, **post):
        """Appeal the final rating: the line reopens for the leader's logged re-decision."""
        line = self._evaluation_get_line(line_id)
        return self._evaluation_change(line, lambda: self._evaluation_appeal(line, post), "appealed", post=post)
