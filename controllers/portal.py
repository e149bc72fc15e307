"""Portal pages of the work diary: /my/work-diary.

An employee (internal or portal user linked to an ``hr.employee``) lists their days, opens one, adds, edits and
deletes tasks, attaches files and submits the day. Portal users only have read access to the diary models: every
change goes through the models with ``sudo()`` *after* the ownership check of this controller, so the models'
blocking rules (dates, hours, catalogue, locking) still run and their messages are shown on the page. Each change
runs in a savepoint: on error nothing is saved.
"""

from werkzeug.exceptions import NotFound

from odoo import Command, fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import float_compare, format_date

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

MAX_ATTACHMENT_MB = 10
MAX_ATTACHMENT_SIZE = MAX_ATTACHMENT_MB * 1024 * 1024
DIARY_ITEMS_PER_PAGE = 20
DIARY_STATE_BADGES = {
    "draft": "text-bg-secondary",
    "submitted": "text-bg-info",
    "approved": "text-bg-success",
    "returned": "text-bg-danger",
}
FLAG_SEVERITY_CLASSES = {"info": "text-bg-info", "warning": "text-bg-warning", "danger": "text-bg-danger"}
DIARY_ERRORS = (UserError, ValidationError, AccessError)


class WorkDiaryPortal(CustomerPortal):
    # ------------------------------------------------------------------
    # Home page entry
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "diary_count" in counters:
            employees = self._diary_employees()
            values["diary_count"] = (
                request.env["hr.work.diary"].sudo().search_count([("employee_id", "in", employees.ids)])
                if employees
                else 0
            )
        if not counters:
            # /my itself: show the entry to every employee, even before their first day is logged.
            values["diary_employee_linked"] = bool(self._diary_employees())
        return values

    # ------------------------------------------------------------------
    # Helpers: who, which sheet, which tasks
    # ------------------------------------------------------------------
    def _diary_employees(self):
        """Every employee record of the current user (one per company at most)."""
        return request.env["hr.employee"].sudo().search([("user_id", "=", request.env.uid)])

    def _diary_employee(self):
        """The employee of the current user in the current company, else any of theirs."""
        employees = self._diary_employees()
        return employees.filtered(lambda employee: employee.company_id == request.env.company)[:1] or employees[:1]

    def _diary_get_sheet(self, diary_id):
        """The sheet ``diary_id`` of the current user, sudoed; 404 for a missing sheet or somebody else's.

        Equivalent of ``_document_check_access`` restricted to the owner: no access token, no supervisor view
        (the portal is the employee's own diary, approvals happen in the back end).
        """
        diary = request.env["hr.work.diary"].sudo().browse(diary_id).exists()
        if not diary or diary.employee_id.user_id.id != request.env.uid:
            raise NotFound()
        return diary

    def _diary_get_line(self, diary, line_id):
        line = diary.line_ids.filtered(lambda item: item.id == line_id)
        if not line:
            raise NotFound()
        return line

    def _diary_tasks(self, employee, day):
        """Catalogue tasks the employee may choose on ``day``: their position's, and those open to all."""
        domain = [("company_id", "=", employee.company_id.id), "|", ("group_id.open_to_all", "=", True)]
        domain.append(("job_ids", "in", employee.job_id.ids))
        tasks = request.env["hr.job.task"].sudo().search(domain)
        return tasks.filtered(lambda task: task._is_valid_on(day))

    def _diary_action_items(self, employee, current=None):
        """Open action items the employee may log work against: theirs and their unit's."""
        items = (
            request.env["hr.civil.action.item"]
            .sudo()
            .search(
                [
                    ("company_id", "=", employee.company_id.id),
                    ("state", "in", ("open", "in_progress")),
                    "|",
                    ("assignee_ids", "in", employee.ids),
                    ("department_id", "in", employee.department_id.ids),
                ],
                order="deadline, id",
            )
        )
        return items | (current or items.browse())

    def _diary_today(self):
        return fields.Date.context_today(request.env["hr.work.diary"])

    def _diary_selection_labels(self, model, field):
        return dict(request.env[model]._fields[field]._description_selection(request.env))

    @staticmethod
    def _diary_number(value):
        """A float for an input box: 2.0 → '2', 1.25 → '1.25'."""
        return ("%.2f" % value).rstrip("0").rstrip(".") if value else "0"

    @staticmethod
    def _diary_error_message(error):
        # str() turns a Markup message into plain text: the template escapes it.
        return str(error.args[0]) if error.args else str(error)

    # ------------------------------------------------------------------
    # Rendering
    # ------------------------------------------------------------------
    def _diary_common_values(self):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "work_diary",
                "state_labels": self._diary_selection_labels("hr.work.diary", "state"),
                "state_badges": DIARY_STATE_BADGES,
                "format_day": lambda day, pattern=False: format_date(request.env, day, date_format=pattern),
                "hours": lambda value: self._diary_number(round(value or 0.0, 2)),
            }
        )
        return values

    def _render_no_employee(self):
        values = self._diary_common_values()
        return request.render("hr_civil_service.portal_work_diary_no_employee", values)

    def _render_diary_list(self, employee, page=1, filterby=None, error=None, new_date=None):
        env = request.env
        Diary = env["hr.work.diary"].sudo()
        state_labels = self._diary_selection_labels("hr.work.diary", "state")
        searchbar_filters = {"all": {"label": env._("All"), "domain": []}}
        for state, label in state_labels.items():
            searchbar_filters[state] = {"label": label, "domain": [("state", "=", state)]}
        if filterby not in searchbar_filters:
            filterby = "all"
        employees = self._diary_employees()
        domain = [("employee_id", "in", employees.ids)] + searchbar_filters[filterby]["domain"]
        count = Diary.search_count(domain)
        pager = portal_pager(
            url="/my/work-diary",
            url_args={"filterby": filterby} if filterby != "all" else None,
            total=count,
            page=page,
            step=DIARY_ITEMS_PER_PAGE,
        )
        diaries = Diary.search(domain, order="date desc, id desc", limit=DIARY_ITEMS_PER_PAGE, offset=pager["offset"])
        returned = Diary.search([("employee_id", "in", employees.ids), ("state", "=", "returned")], order="date desc")
        today = self._diary_today()
        values = self._diary_common_values()
        values.update(
            {
                "employee": employee,
                "diaries": diaries,
                "returned_diaries": returned,
                "pager": pager,
                "default_url": "/my/work-diary",
                "searchbar_filters": searchbar_filters,
                "filterby": filterby,
                "today": today,
                "new_date": new_date or fields.Date.to_string(today),
                "error": error,
            }
        )
        return request.render("hr_civil_service.portal_my_work_diary", values)

    def _diary_line_form(self, line=None, post=None):
        """Values of the task form: what was posted (after an error), else the line's, else the defaults."""
        if post is not None:
            task_id = post.get("task_id") or ""
            return {
                "task_id": int(task_id) if str(task_id).isdigit() else False,
                "name": post.get("name") or "",
                "role": post.get("role") or "lead",
                "quantity": post.get("quantity") or "",
                "claimed_hours": post.get("claimed_hours") or "",
                "product_ref": post.get("product_ref") or "",
                "deadline": post.get("deadline") or "",
                "deadline_met": bool(post.get("deadline_met")),
                "action_item_id": int(post["action_item_id"]) if str(post.get("action_item_id")).isdigit() else False,
                "action_item_progress": post.get("action_item_progress") or "",
            }
        if line:
            # Claimed hours equal to the standard stay blank: they keep following the task and quantity.
            follows_standard = line.task_id and not float_compare(
                line.claimed_hours, line.standard_hours, precision_digits=2
            )
            return {
                "task_id": line.task_id.id,
                "name": line.name or "",
                "role": line.role,
                "quantity": self._diary_number(line.quantity),
                "claimed_hours": "" if follows_standard else self._diary_number(line.claimed_hours),
                "product_ref": line.product_ref or "",
                "deadline": fields.Date.to_string(line.deadline) if line.deadline else "",
                "deadline_met": line.deadline_met,
                "action_item_id": line.action_item_id.id,
                "action_item_progress": self._diary_number(line.action_item_progress) if line.action_item_id else "",
            }
        return {
            "task_id": False,
            "name": "",
            "role": "lead",
            "quantity": "1",
            "claimed_hours": "",
            "product_ref": "",
            "deadline": "",
            "deadline_met": True,
            "action_item_id": False,
            "action_item_progress": "",
        }

    def _render_diary_day(self, diary, error=None, message=None, edit_line=None, post=None):
        env = request.env
        employee = diary.employee_id
        tasks = self._diary_tasks(employee, diary.date)
        if edit_line and edit_line.task_id:
            tasks |= edit_line.task_id
        task_groups = []
        for task in tasks.sorted(lambda item: (item.group_id.sequence, item.group_id.name or "", item.code)):
            if not task_groups or task_groups[-1][0] != task.group_id:
                task_groups.append((task.group_id, []))
            task_groups[-1][1].append(task)
        lines = diary.line_ids.sorted(lambda item: (item.sequence, item.id))
        for attachment in lines.attachment_ids:
            if not attachment.access_token:
                attachment.generate_access_token()
        values = self._diary_common_values()
        values.update(
            {
                "hrcs_diary": diary,
                "employee": employee,
                "lines": lines,
                "flags": diary.flag_ids,
                "task_groups": task_groups,
                "action_items": self._diary_action_items(employee, edit_line.action_item_id if edit_line else None),
                "edit_line": edit_line,
                "form": self._diary_line_form(edit_line, post),
                "error": error,
                "message": message,
                "can_edit": diary.can_edit,
                "role_labels": self._diary_selection_labels("hr.work.diary.line", "role"),
                "severity_labels": self._diary_selection_labels("hr.work.diary.flag.rule", "severity"),
                "severity_badges": FLAG_SEVERITY_CLASSES,
                "max_attachment_mb": MAX_ATTACHMENT_MB,
                "task_label": lambda task: env._(
                    "%(code)s – %(name)s (%(hours)s h)",
                    code=task.code,
                    name=task.name,
                    hours=self._diary_number(task.standard_hours),
                ),
            }
        )
        return request.render("hr_civil_service.portal_work_diary_day", values)

    def _diary_messages(self):
        env = request.env
        return {
            "added": env._("Task added."),
            "saved": env._("Task saved."),
            "deleted": env._("Task deleted."),
            "attached": env._("File attached."),
            "detached": env._("File removed."),
            "submitted": env._("The day has been submitted for approval."),
        }

    # ------------------------------------------------------------------
    # Changes: always on the checked sheet, in a savepoint, with the models' rules
    # ------------------------------------------------------------------
    def _diary_check_open(self, diary):
        """The sheet accepts changes: the model's own message first, then the portal's stricter rule (even an
        approver does not change a submitted sheet from the portal)."""
        diary._check_editable()
        if not diary.can_edit:
            raise UserError(request.env._("This day can no longer be changed."))

    def _diary_parse_float(self, value, label, default=None):
        value = (value or "").strip().replace(",", ".")
        if not value:
            return default
        try:
            return float(value)
        except ValueError:
            raise UserError(request.env._("%(field)s must be a number.", field=label)) from None

    def _diary_parse_date(self, value, label):
        value = (value or "").strip()
        if not value:
            return False
        try:
            return fields.Date.to_date(value)
        except ValueError:
            raise UserError(request.env._("%(field)s is not a valid date.", field=label)) from None

    def _diary_line_values(self, diary, post, line=None):
        """Values of a line from the posted form. Only known fields are read: the sheet comes from the URL,
        never from the form."""
        env = request.env
        task = env["hr.job.task"].sudo()
        task_raw = (post.get("task_id") or "").strip()
        if task_raw:
            task = task.browse(int(task_raw)).exists() if task_raw.isdigit() else task
            current = line.task_id if line else task.browse()
            if not task or task.company_id != diary.company_id or not (task.active or task == current):
                raise UserError(env._("Choose a task from the catalogue list."))
        name = (post.get("name") or "").strip()
        if not task and not name:
            raise UserError(env._("Describe the task, or choose one from the catalogue."))
        role = post.get("role") if post.get("role") in ("lead", "support") else "lead"
        quantity = self._diary_parse_float(post.get("quantity"), env._("Quantity"), default=1.0)
        claimed = self._diary_parse_float(post.get("claimed_hours"), env._("Claimed hours"))
        vals = {
            "task_id": task.id or False,
            "role": role,
            "quantity": quantity,
            "product_ref": (post.get("product_ref") or "").strip() or False,
            "deadline": self._diary_parse_date(post.get("deadline"), env._("Deadline")),
            "deadline_met": bool(post.get("deadline_met")),
        }
        vals.update(self._diary_line_item_values(diary, post, line))
        if line is None:
            if name:
                vals["name"] = name
            if claimed is not None:
                vals["claimed_hours"] = claimed
            return vals

        # Edit: write what changed only, so that an unchanged (even expired) task is not checked again.
        if task == line.task_id:
            del vals["task_id"]
            if name and name != line.name:
                vals["name"] = name
        else:
            vals["name"] = task.name if task and (not name or name == line.task_id.name) else name
        if not float_compare(quantity, line.quantity, precision_digits=2):
            del vals["quantity"]
        for key in ("role", "product_ref", "deadline", "deadline_met"):
            if vals[key] == (line[key] or False):
                del vals[key]
        if claimed is not None:
            if float_compare(claimed, line.claimed_hours, precision_digits=2):
                vals["claimed_hours"] = claimed
        elif "task_id" not in vals and "quantity" not in vals:
            # Blank hours: back to the standard (a free-text line has none: the model refuses 0 h).
            if float_compare(line.claimed_hours, line.standard_hours, precision_digits=2):
                vals["claimed_hours"] = line.standard_hours
        return vals

    def _diary_line_item_values(self, diary, post, line=None):
        """The action item a line serves and its progress, when the form sends them."""
        env = request.env
        if "action_item_id" not in post:
            return {}
        item_raw = (post.get("action_item_id") or "").strip()
        item = env["hr.civil.action.item"].sudo()
        if item_raw:
            allowed = self._diary_action_items(diary.employee_id, line.action_item_id if line else None)
            item = allowed.filtered(lambda record: str(record.id) == item_raw)
            if not item:
                raise UserError(env._("Choose one of your open action items."))
        progress = self._diary_parse_float(post.get("action_item_progress"), env._("Progress"), default=0.0)
        vals = {"action_item_id": item.id or False, "action_item_progress": progress if item else 0.0}
        if line:  # an edit writes what changed only
            if vals["action_item_id"] == line.action_item_id.id:
                del vals["action_item_id"]
            if not float_compare(vals["action_item_progress"], line.action_item_progress, precision_digits=2):
                del vals["action_item_progress"]
        return vals

    def _diary_attach(self, line, upload):
        env = request.env
        if not upload or not upload.filename:
            raise UserError(env._("Choose a file to attach."))
        data = upload.read(MAX_ATTACHMENT_SIZE + 1)
        if len(data) > MAX_ATTACHMENT_SIZE:
            raise UserError(
                env._(
                    "The file %(name)s is larger than %(size)s MB: attach a smaller file.",
                    name=upload.filename,
                    size=MAX_ATTACHMENT_MB,
                )
            )
        if not data:
            raise UserError(env._("The file %(name)s is empty.", name=upload.filename))
        attachment = (
            env["ir.attachment"]
            .sudo()
            .create({"name": upload.filename, "raw": data, "res_model": line._name, "res_id": line.id})
        )
        attachment.generate_access_token()
        line.write({"attachment_ids": [Command.link(attachment.id)]})

    def _diary_change(self, diary, operation, message, edit_line=None, post=None):
        """Run ``operation`` in a savepoint; on error show the page again with the message and what was typed."""
        try:
            with request.env.cr.savepoint():
                operation()
        except DIARY_ERRORS as error:
            diary.invalidate_recordset()
            return self._render_diary_day(
                diary, error=self._diary_error_message(error), edit_line=edit_line and edit_line.exists(), post=post
            )
        return request.redirect(f"{diary.access_url}?message={message}")

    # ------------------------------------------------------------------
    # Routes: pages
    # ------------------------------------------------------------------
    @http.route(
        ["/my/work-diary", "/my/work-diary/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def portal_my_work_diary(self, page=1, filterby=None, **kw):
        employee = self._diary_employee()
        if not employee:
            return self._render_no_employee()
        return self._render_diary_list(employee, page=page, filterby=filterby)

    @http.route("/my/work-diary/<int:diary_id>", type="http", auth="user", website=True, methods=["GET"], readonly=True)
    def portal_work_diary_day(self, diary_id, edit=None, message=None, **kw):
        if not self._diary_employee():
            return self._render_no_employee()
        diary = self._diary_get_sheet(diary_id)
        edit_line = None
        if edit and str(edit).isdigit() and diary.can_edit:
            edit_line = diary.line_ids.filtered(lambda item: item.id == int(edit)) or None
        return self._render_diary_day(diary, message=self._diary_messages().get(message), edit_line=edit_line)

    # ------------------------------------------------------------------
    # Routes: changes (POST, CSRF-checked by the framework)
    # ------------------------------------------------------------------
    @http.route("/my/work-diary/new", type="http", auth="user", website=True, methods=["POST"])
    def portal_work_diary_new(self, date=None, **kw):
        """Open the sheet of a day, creating it if needed (the model refuses future and too old days)."""
        employee = self._diary_employee()
        if not employee:
            return self._render_no_employee()
        Diary = request.env["hr.work.diary"].sudo()
        try:
            day = self._diary_parse_date(date, request.env._("Date")) or self._diary_today()
            diary = Diary.search([("employee_id", "=", employee.id), ("date", "=", day)], limit=1)
            if not diary:
                with request.env.cr.savepoint():
                    diary = Diary.create({"employee_id": employee.id, "date": day})
        except DIARY_ERRORS as error:
            return self._render_diary_list(employee, error=self._diary_error_message(error), new_date=date)
        return request.redirect(diary.access_url)

    @http.route("/my/work-diary/<int:diary_id>/line/add", type="http", auth="user", website=True, methods=["POST"])
    def portal_work_diary_line_add(self, diary_id, **post):
        diary = self._diary_get_sheet(diary_id)

        def add():
            self._diary_check_open(diary)
            vals = self._diary_line_values(diary, post)
            line = request.env["hr.work.diary.line"].sudo().create(dict(vals, diary_id=diary.id))
            upload = request.httprequest.files.get("attachment")
            if upload and upload.filename:
                self._diary_attach(line, upload)

        return self._diary_change(diary, add, "added", post=post)

    @http.route(
        "/my/work-diary/<int:diary_id>/line/<int:line_id>/edit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_work_diary_line_edit(self, diary_id, line_id, **post):
        diary = self._diary_get_sheet(diary_id)
        line = self._diary_get_line(diary, line_id)

        def edit():
            self._diary_check_open(diary)
            vals = self._diary_line_values(diary, post, line=line)
            if vals:
                line.write(vals)

        return self._diary_change(diary, edit, "saved", edit_line=line, post=post)

    @http.route(
        "/my/work-diary/<int:diary_id>/line/<int:line_id>/delete",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_work_diary_line_delete(self, diary_id, line_id, **post):
        diary = self._diary_get_sheet(diary_id)
        line = self._diary_get_line(diary, line_id)

        def delete():
            self._diary_check_open(diary)
            attachments = line.attachment_ids.filtered(
                lambda attachment: attachment.res_model == line._name and attachment.res_id == line.id
            )
            line.unlink()
            attachments.unlink()

        return self._diary_change(diary, delete, "deleted")

    @http.route(
        "/my/work-diary/<int:diary_id>/line/<int:line_id>/attach",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_work_diary_line_attach(self, diary_id, line_id, **post):
        diary = self._diary_get_sheet(diary_id)
        line = self._diary_get_line(diary, line_id)

        def attach():
            self._diary_check_open(diary)
            self._diary_attach(line, request.httprequest.files.get("attachment"))

        return self._diary_change(diary, attach, "attached", edit_line=line)

    @http.route(
        "/my/work-diary/<int:diary_id>/line/<int:line_id>/attachment/<int:attachment_id>/delete",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_work_diary_attachment_delete(self, diary_id, line_id, attachment_id, **post):
        diary = self._diary_get_sheet(diary_id)
        line = self._diary_get_line(diary, line_id)
        attachment = line.attachment_ids.filtered(lambda item: item.id == attachment_id)
        if not attachment:
            raise NotFound()

        def detach():
            self._diary_check_open(diary)
            line.write({"attachment_ids": [Command.unlink(attachment.id)]})
            if attachment.res_model == line._name and attachment.res_id == line.id:
                attachment.unlink()

        return self._diary_change(diary, detach, "detached", edit_line=line)

    @http.route("/my/work-diary/<int:diary_id>/submit", type="http", auth="user", website=True, methods=["POST"])
    def portal_work_diary_submit(self, diary_id, **post):
        diary = self._diary_get_sheet(diary_id)
        return self._diary_change(diary, diary.action_submit, "submitted")
