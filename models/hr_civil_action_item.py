from odoo import Command, api, fields, models
from odoo.exceptions import UserError

ITEM_STATES = [("open", "Open"), ("in_progress", "In Progress"), ("done", "Done"), ("cancelled", "Cancelled")]


class HrCivilActionItem(models.Model):
    """A directive of a meeting's chair, tracked until done: assignee, deadline, progress from the diary."""

    _name = "hr.civil.action.item"
    _description = "Action Item"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority desc, deadline, id"
    _check_company_auto = True

    name = fields.Char(string="Directive", required=True, tracking=True)
    description = fields.Text()
    source_meeting_id = fields.Many2one("hr.civil.meeting", index=True, check_company=True, ondelete="set null")
    meeting_ids = fields.Many2many(
        "hr.civil.meeting",
        "hr_civil_action_item_meeting_rel",
        "item_id",
        "meeting_id",
        string="Discussed At",
        help="Every meeting that discussed the item: where it was decided and where it was followed up.",
    )
    series_id = fields.Many2one(related="source_meeting_id.series_id", store=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    assignee_ids = fields.Many2many("hr.employee", string="Assignees", check_company=True, tracking=True)
    department_id = fields.Many2one("hr.department", string="Unit in Charge", check_company=True, tracking=True)
    deadline = fields.Date(tracking=True, index=True)
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Important"), ("2", "Urgent")], default="0", required=True, tracking=True
    )
    line_ids = fields.One2many("hr.work.diary.line", "action_item_id", string="Diary Lines", readonly=True)
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        help="The highest progress reported by a submitted or approved diary line that serves the item.",
    )
    state = fields.Selection(ITEM_STATES, compute="_compute_progress", store=True, tracking=True, index=True)
    cancelled = fields.Boolean(copy=False, tracking=True)
    done_date = fields.Date(compute="_compute_progress", store=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    delay_days = fields.Integer(compute="_compute_is_overdue")

    @api.depends("line_ids.action_item_progress", "line_ids.state", "line_ids.date", "cancelled")
    def _compute_progress(self):
        for item in self:
            lines = item.line_ids.filtered(lambda line: line.state in ("submitted", "approved"))
            progress = max(lines.mapped("action_item_progress") or [0.0])
            item.progress = min(progress, 100.0)
            if item.cancelled:
                item.state, item.done_date = "cancelled", False
            elif progress >= 100:
                done = lines.filtered(lambda line: line.action_item_progress >= 100)
                item.state, item.done_date = "done", min(done.mapped("date"))
            else:
                item.state = "in_progress" if lines else "open"
                item.done_date = False

    @api.depends("deadline", "state", "done_date")
    @api.depends_context("civil_today")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for item in self:
            end = item.done_date or today
            late = bool(item.deadline and item.state != "cancelled" and end > item.deadline)
            item.is_overdue = late and item.state != "done"
            item.delay_days = (end - item.deadline).days if late else 0

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        positive = (operator == "=") == bool(value)
        if positive:
            return [("deadline", "<", today), ("state", "in", ("open", "in_progress"))]
        # the negation of both conditions, items without a deadline included
        return [
            "|",
            "|",
            ("deadline", "=", False),
            ("deadline", ">=", today),
            ("state", "not in", ("open", "in_progress")),
        ]

    def action_cancel(self):
        if not self.env.user.has_group("hr_civil_service.group_supervisor"):
            raise UserError(self.env._("Only the chair's side may cancel a directive."))
        self.write({"cancelled": True})
        self._close_finished_activities()
        return True

    def _close_finished_activities(self):
        """Once an item is done or cancelled, its to-dos are marked done."""
        finished = self.filtered(lambda item: item.state in ("done", "cancelled"))
        finished.sudo().activity_ids.action_feedback(feedback=self.env._("The action item is finished."))

    def action_reopen(self):
        self.write({"cancelled": False})
        return True

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._link_source_meeting()
        items._notify_assignees()
        return items

    def write(self, vals):
        result = super().write(vals)
        if vals.get("source_meeting_id"):
            self._link_source_meeting()
        return result

    def _link_source_meeting(self):
        """The source meeting is in the item's history; a directive entered once its meeting was held is
        followed up at the next meeting of the series, as the items carried at the hold are."""
        for item in self.filtered("source_meeting_id"):
            meeting = item.source_meeting_id
            item.meeting_ids = [Command.link(meeting.id)]
            if meeting.state in ("held", "approved") and item.state in ("open", "in_progress"):
                following = meeting._next_in_series()
                if following:
                    following._carry_open_items(previous=meeting)

    def _notify_assignees(self):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for item in self:
            users = item.assignee_ids.user_id or item.department_id.manager_id.user_id
            for user in users:
                item.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    date_deadline=item.deadline or fields.Date.context_today(item),
                    summary=item.name[:80],
                )
