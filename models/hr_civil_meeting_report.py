from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class HrCivilMeetingReport(models.Model):
    """A participant's report to a briefing: last week's results, problems, next week's plan."""

    _name = "hr.civil.meeting.report"
    _description = "Briefing Report"
    _inherit = ["mail.thread"]
    _order = "meeting_id, department_id, report_type desc, employee_id"

    meeting_id = fields.Many2one("hr.civil.meeting", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    meeting_date = fields.Datetime(related="meeting_id.date_start", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department", compute="_compute_department_id", store=True, readonly=False, precompute=True
    )
    report_type = fields.Selection(
        [("individual", "Individual"), ("area_summary", "Summary of an Area")],
        default="individual",
        required=True,
        help="A deputy sums up the area they lead.",
    )
    week_start = fields.Date(compute="_compute_week", store=True, help="Monday of the week reported on.")
    week_end = fields.Date(compute="_compute_week", store=True)
    last_week_results = fields.Text(
        compute="_compute_prefill", store=True, readonly=False, help="Prefilled from the diary lines of the week."
    )
    open_items = fields.Text(string="Open Action Items", compute="_compute_prefill", store=True, readonly=False)
    problems = fields.Text(string="Problems and Proposals")
    next_week_plan = fields.Text()
    state = fields.Selection([("draft", "Draft"), ("submitted", "Submitted")], default="draft", required=True)

    _sql_constraints = [
        ("meeting_employee_uniq", "unique(meeting_id, employee_id)", "One report per person and meeting."),
    ]

    @api.depends("employee_id")
    def _compute_department_id(self):
        for report in self:
            report.department_id = report.employee_id.department_id

    @api.depends("meeting_id.date_start", "meeting_id.series_id.tz", "employee_id.tz")
    def _compute_week(self):
        """The week before the meeting's local day: a Monday 06:30 briefing in Hanoi is still on Sunday in UTC."""
        for report in self:
            tz = report.meeting_id.series_id.tz or report.employee_id.tz or self.env.user.tz or "UTC"
            start = report.meeting_id.date_start or fields.Datetime.now()
            day = fields.Datetime.context_timestamp(report.with_context(tz=tz), start).date()
            this_monday = day - timedelta(days=day.weekday())
            report.week_start = this_monday - timedelta(days=7)
            report.week_end = this_monday - timedelta(days=1)

    @api.depends("employee_id", "week_start")
    def _compute_prefill(self):
        """Last week's diary lines, day by day, and the person's open action items."""
        lines_by_employee = {}
        employees = self.employee_id
        if employees and self.filtered("week_start"):
            start = min(self.filtered("week_start").mapped("week_start"))
            end = max(self.filtered("week_end").mapped("week_end"))
            for line in (
                self.env["hr.work.diary.line"]
                .sudo()
                .search(
                    [("employee_id", "in", employees.ids), ("date", ">=", start), ("date", "<=", end)],
                    order="date, sequence, id",
                )
            ):
                lines_by_employee.setdefault(line.employee_id.id, []).append(line)
        items = (
            self.env["hr.civil.action.item"]
            .sudo()
            .search([("assignee_ids", "in", employees.ids), ("state", "in", ("open", "in_progress"))])
        )
        for report in self:
            if report.last_week_results:
                continue
            rows = []
            for line in lines_by_employee.get(report.employee_id.id, []):
                if not (report.week_start <= line.date <= report.week_end):
                    continue
                text = f"{line.date.strftime('%d/%m')}: {line.name}"
                if line.product_ref:
                    text += f" ({line.product_ref})"
                rows.append(f"- {text}")
            report.last_week_results = "\n".join(rows)
            mine = items.filtered(lambda item, e=report.employee_id: e in item.assignee_ids)
            report.open_items = "\n".join(
                f"- {item.name}" + (f" ({item.deadline.strftime('%d/%m/%Y')})" if item.deadline else "")
                for item in mine
            )

    def action_refresh_from_diary(self):
        """Refill last week's results and the open items from the diary, as they are now."""
        drafts = self.filtered(lambda report: report.state == "draft")
        drafts.write({"last_week_results": False, "open_items": False})
        drafts._compute_prefill()
        return True

    def action_submit(self):
        for report in self:
            if report.meeting_id.state in ("held", "approved", "cancelled"):
                raise UserError(self.env._("The meeting has already taken place: the report can no longer be sent."))
        self.write({"state": "submitted"})
        return True

    def write(self, vals):
        if self.env.context.get("civil_meeting_workflow"):
            return super().write(vals)
        for report in self:
            if report.meeting_id.state == "approved":
                raise UserError(self.env._("The minutes of the meeting are approved: its reports are locked."))
        own_fields = {"last_week_results", "open_items", "problems", "next_week_plan", "report_type", "state"}
        is_supervisor = self.env.su or self.env.user.has_group("hr_civil_service.group_supervisor")
        if set(vals) - own_fields and not is_supervisor:
            raise UserError(self.env._("A report's meeting and author are set when the meeting is scheduled."))
        return super().write(vals)
