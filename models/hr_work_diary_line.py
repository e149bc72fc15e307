from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class HrWorkDiaryLine(models.Model):
    _name = "hr.work.diary.line"
    _description = "Work Diary Task"
    _order = "date desc, diary_id, sequence, id"
    _check_company_auto = True

    diary_id = fields.Many2one("hr.work.diary", string="Diary Sheet", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    employee_id = fields.Many2one(related="diary_id.employee_id", store=True, index=True)
    department_id = fields.Many2one(related="diary_id.department_id", store=True, index=True)
    date = fields.Date(
        compute="_compute_date",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The day of the sheet. A line created with a date and no sheet goes to that day's sheet, created "
        "if needed.",
    )
    company_id = fields.Many2one(related="diary_id.company_id", store=True, index=True)
    state = fields.Selection(related="diary_id.state", store=True, string="Status")
    task_id = fields.Many2one(
        "hr.job.task",
        string="Catalogue Task",
        index=True,
        check_company=True,
        ondelete="restrict",
        help="A task of the position's catalogue (groups open to all are available to everyone). "
        "Leave empty for free text: the approver then sets the converted hours.",
    )
    task_group_id = fields.Many2one(related="task_id.group_id", store=True, string="Task Group")
    allowed_task_ids = fields.Many2many(
        "hr.job.task",
        compute="_compute_allowed_task_ids",
        help="Tasks of the employee's position and the groups open to all, valid on the day.",
    )
    name = fields.Char(
        string="Description",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    role = fields.Selection(
        [("lead", "Lead"), ("support", "Supporting")],
        default="lead",
        required=True,
        help="Lead (chủ trì) or support (phối hợp): converted hours are weighted by the role factors of the settings.",
    )
    quantity = fields.Float(default=1.0, digits=(8, 2), required=True)
    standard_hours = fields.Float(
        compute="_compute_standard_hours",
        store=True,
        digits=(8, 2),
        help="Standard hours per unit of the task times the quantity.",
    )
    claimed_hours = fields.Float(
        compute="_compute_claimed_hours",
        store=True,
        readonly=False,
        digits=(6, 2),
        aggregator="sum",
        help="Hours spent, as declared; defaults to the standard hours.",
    )
    coefficient = fields.Float(
        compute="_compute_standard_hours",
        store=True,
        digits=(4, 2),
        help="Complexity coefficient of the task when the line was entered.",
    )
    role_factor = fields.Float(compute="_compute_role_factor", store=True, digits=(4, 2))
    converted_hours = fields.Float(
        compute="_compute_converted_hours",
        store=True,
        digits=(8, 2),
        aggregator="sum",
        help="Quantity × standard hours × complexity coefficient × role factor (giờ quy đổi); for a free-text "
        "task, the value set by the approver.",
    )
    approved_converted_hours = fields.Float(string="Converted Hours Set by Approver", digits=(8, 2), copy=False)
    approved_converted_hours_set = fields.Boolean(copy=False)
    adjustment_reason = fields.Char(copy=False)
    product_ref = fields.Char(string="Product Reference", help="Number of the document produced, e.g. 15/CT-VKS.")
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments", copy=False)
    deadline = fields.Date()
    deadline_met = fields.Boolean(string="On Time", default=True)
    action_item_id = fields.Many2one(
        "hr.civil.action.item",
        index=True,
        ondelete="set null",
        domain="[('state', 'in', ('open', 'in_progress'))]",
        help="The directive of a meeting this work serves: its progress comes from these lines.",
    )
    action_item_progress = fields.Float(
        string="Item Progress (%)", help="How far the action item is after this work; 100 completes it."
    )
    major_error_count = fields.Integer(
        string="Major Errors",
        readonly=True,
        copy=False,
        help="Returns of this product for a major content error: each takes 25 % of its quality share in the KPI "
        "(ND 335/2025 Art. 14).",
    )
    delay_count = fields.Integer(
        string="Delays",
        compute="_compute_delay_count",
        store=True,
        readonly=False,
        copy=False,
        help="Times the product missed its deadline: each takes 25 % of its progress share in the KPI "
        "(ND 335/2025 Art. 14). One when done after the deadline or marked not on time.",
    )
    objective_cause = fields.Boolean(
        copy=False,
        help="An objective cause of the error or delay is confirmed: no deduction (ND 335/2025 Art. 14).",
    )
    is_copied = fields.Boolean(readonly=True, copy=False, help="Copied from an earlier day in one click.")

    # ------------------------------------------------------------------
    @api.depends("task_id")
    def _compute_name(self):
        """The task's name, unless the description was written by hand."""
        for line in self:
            previous = line._origin.task_id.name if line._origin else False
            if line.task_id and (not line.name or line.name == previous):
                line.name = line.task_id.name
            elif not line.name:
                line.name = False

    @api.depends_context("uid", "default_employee_id")
    @api.depends("diary_id.employee_id.job_id", "date")
    def _compute_allowed_task_ids(self):
        tasks_by_key = {}
        default_employee = self.env["hr.employee"].browse(self.env.context.get("default_employee_id"))
        for line in self:
            employee = line.diary_id.employee_id or default_employee or self.env.user.employee_id
            day = line.date or fields.Date.context_today(line)
            key = (employee.job_id.id, day)
            if key not in tasks_by_key:
                tasks = self.env["hr.job.task"].search(
                    ["|", ("group_id.open_to_all", "=", True), ("job_ids", "in", employee.job_id.ids)]
                )
                tasks_by_key[key] = tasks.filtered(lambda task, d=day: task._is_valid_on(d))
            line.allowed_task_ids = tasks_by_key[key]

    @api.depends("diary_id.date")
    def _compute_date(self):
        for line in self:
            line.date = line.diary_id.date

    @api.depends("task_id", "quantity")
    def _compute_standard_hours(self):
        for line in self:
            line.standard_hours = line.task_id.standard_hours * line.quantity if line.task_id else 0.0
            line.coefficient = line.task_id.coefficient if line.task_id else 0.0

    @api.depends("role", "company_id")
    def _compute_role_factor(self):
        for line in self:
            company = line.company_id or self.env.company
            line.role_factor = (
                company.civil_diary_support_factor if line.role == "support" else company.civil_diary_lead_factor
            )

    @api.depends("standard_hours")
    def _compute_claimed_hours(self):
        """Claimed hours follow the standard whenever the task or the quantity changes; a free-text line keeps
        what was typed."""
        for line in self:
            if line.task_id or not line.claimed_hours:
                line.claimed_hours = line.standard_hours

    @api.depends("deadline", "date", "deadline_met")
    def _compute_delay_count(self):
        for line in self:
            late = (line.deadline and line.date and line.date > line.deadline) or not line.deadline_met
            line.delay_count = max(line.delay_count, 1) if late else 0

    @api.depends(
        "standard_hours", "coefficient", "role_factor", "approved_converted_hours", "approved_converted_hours_set"
    )
    def _compute_converted_hours(self):
        for line in self:
            if line.approved_converted_hours_set:
                line.converted_hours = line.approved_converted_hours
            elif line.task_id:
                line.converted_hours = line.standard_hours * line.coefficient * line.role_factor
            else:
                line.converted_hours = 0.0

    # ------------------------------------------------------------------
    @api.constrains("claimed_hours", "quantity", "action_item_progress")
    def _check_hours_and_quantity(self):
        for line in self:
            if not 0 <= line.action_item_progress <= 100:
                raise ValidationError(self.env._("The progress of an action item is between 0 and 100%."))
            if float_compare(line.quantity, 0.0, precision_digits=4) <= 0:
                raise ValidationError(
                    self.env._("The quantity of '%(task)s' must be greater than zero.", task=line.name)
                )
            if float_compare(line.claimed_hours, 0.0, precision_digits=4) <= 0 or line.claimed_hours > 24:
                raise ValidationError(
                    self.env._("The hours claimed for '%(task)s' must be more than 0 and at most 24.", task=line.name)
                )

    @api.constrains("task_id", "date", "employee_id")
    def _check_task_allowed(self):
        for line in self.filtered("task_id"):
            task = line.task_id
            if not task._is_valid_on(line.date):
                raise ValidationError(
                    self.env._(
                        "The task %(task)s is not valid on %(date)s.",
                        task=task.display_name,
                        date=line.date.strftime("%d/%m/%Y"),
                    )
                )
            if not task.group_id.open_to_all and line.employee_id.job_id not in task.job_ids:
                raise ValidationError(
                    self.env._(
                        "The task %(task)s does not belong to the position of %(employee)s.",
                        task=task.display_name,
                        employee=line.employee_id.name,
                    )
                )

    def _check_diary_editable(self):
        if self.env.context.get("civil_diary_workflow"):
            return
        self.diary_id._check_editable()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.context.get("civil_diary_workflow"):
            for vals in vals_list:
                if vals.get("approved_converted_hours_set") or vals.get("adjustment_reason"):
                    raise UserError(
                        self.env._("Converted hours are set by the approver with a reason, not edited directly.")
                    )
        for vals in vals_list:
            if not vals.get("task_id") and not (vals.get("name") or "").strip():
                raise ValidationError(self.env._("Describe the task, or choose one from the catalogue."))
        self._attach_to_sheets(vals_list)
        lines = super().create(vals_list)
        lines._check_diary_editable()
        lines.diary_id._check_daily_total()
        return lines

    @api.model
    def _attach_to_sheets(self, vals_list):
        """Lines entered by day (the week board) name a date instead of a sheet: find or create the sheet of
        that employee and day. The sheet's own rules (dates, one per day, locking) apply."""
        diaries = self.env["hr.work.diary"]
        keys = {}
        for vals in vals_list:
            if vals.get("diary_id"):
                vals.pop("date", None)
                continue
            employee_id = vals.get("employee_id") or self.env.context.get("default_employee_id")
            employee_id = employee_id or self.env.user.employee_id.id
            if not employee_id:
                raise UserError(self.env._("Your user is not linked to an employee: there is no diary to add to."))
            day = fields.Date.to_date(vals.get("date")) or fields.Date.context_today(self)
            keys.setdefault((employee_id, day), []).append(vals)
        if not keys:
            return
        employee_ids = list({employee for employee, _day in keys})
        existing = {
            (diary.employee_id.id, diary.date): diary
            for diary in diaries.search([("employee_id", "in", employee_ids), ("date", "in", [d for _e, d in keys])])
        }
        missing = [key for key in keys if key not in existing]
        if missing:
            created = diaries.create([{"employee_id": employee, "date": day} for employee, day in missing])
            existing.update({(diary.employee_id.id, diary.date): diary for diary in created})
        for key, grouped in keys.items():
            for vals in grouped:
                vals.pop("employee_id", None)
                vals.pop("date", None)
                vals["diary_id"] = existing[key].id

    def write(self, vals):
        if "date" in vals and not self.env.context.get("civil_diary_workflow"):
            # moving a line to another day moves it to that day's sheet
            day = fields.Date.to_date(vals.pop("date"))
            for line in self.filtered(lambda item: item.date != day):
                target = {"employee_id": line.employee_id.id, "date": day}
                self._attach_to_sheets([target])
                line.write({"diary_id": target["diary_id"]})
            if not vals:
                return True
        guarded = {
            "approved_converted_hours",
            "approved_converted_hours_set",
            "adjustment_reason",
            "is_copied",
            "major_error_count",
            "objective_cause",
            "delay_count",
        }
        if guarded.intersection(vals) and not self.env.context.get("civil_diary_workflow") and not self.env.su:
            raise UserError(self.env._("Converted hours are set by the approver with a reason, not edited directly."))
        self._check_diary_editable()
        renamed = self.browse()
        if vals.get("task_id") and "name" not in vals:  # a name taken from the old task follows the new one
            renamed = self.filtered(lambda line: line.task_id and line.name == line.task_id.name)
        result = super().write(vals)
        if renamed:
            renamed.write({"name": renamed[:1].task_id.name})
        if "claimed_hours" in vals or "diary_id" in vals:
            self._check_diary_editable()
            self.diary_id._check_daily_total()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_editable(self):
        self._check_diary_editable()

    # ------------------------------------------------------------------
    def _record_major_error(self, reason):
        """Count one major-error return on each product; the sheet's chatter says which (the KPI reads the count)."""
        for line in self:
            line.with_context(civil_diary_workflow=True).sudo().major_error_count += 1
            line.diary_id.message_post(
                body=self.env._("Major content error in '%(task)s': %(reason)s", task=line.name, reason=reason)
            )

    def action_toggle_objective_cause(self):
        """The approver (or a Leader) confirms or withdraws an objective cause of a product's error or delay:
        with it, no deduction in the KPI (ND 335/2025 Art. 14). Kept in the sheet's chatter."""
        is_leader = self.env.user.has_group("hr_civil_service.group_leader")
        for line in self:
            if not (is_leader or (line.diary_id.state == "submitted" and line.diary_id._is_approver())):
                raise UserError(
                    self.env._("Only the approver of a submitted diary, or a Leader, confirms an objective cause.")
                )
            if not (line.major_error_count or line.delay_count):
                raise UserError(
                    self.env._("'%(task)s' has neither a major error nor a delay to excuse.", task=line.name)
                )
            line.with_context(civil_diary_workflow=True).sudo().objective_cause = not line.objective_cause
            line.diary_id.message_post(
                body=self.env._("Objective cause confirmed for '%(task)s': no deduction.", task=line.name)
                if line.objective_cause
                else self.env._("Objective cause withdrawn for '%(task)s'.", task=line.name)
            )
        return True

    def action_set_converted_hours(self, hours, reason):
        """The approver sets or adjusts converted hours; the reason is kept in the sheet's chatter."""
        if not reason or not reason.strip():
            raise UserError(self.env._("Say why the converted hours are set or adjusted."))
        if hours < 0:
            raise ValidationError(self.env._("Converted hours cannot be negative."))
        for line in self:
            if line.diary_id.state != "submitted" or not line.diary_id._is_approver():
                raise UserError(self.env._("Only the approver of a submitted diary can set its converted hours."))
            old = line.converted_hours
            line.with_context(civil_diary_workflow=True).write(
                {
                    "approved_converted_hours": hours,
                    "approved_converted_hours_set": True,
                    "adjustment_reason": reason.strip(),
                }
            )
            line.diary_id.message_post(
                body=self.env._(
                    "Converted hours of '%(task)s' set from %(old)s to %(new)s: %(reason)s",
                    task=line.name,
                    old=round(old, 2),
                    new=round(hours, 2),
                    reason=reason.strip(),
                )
            )
        return True
