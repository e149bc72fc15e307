from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class HrJobPlanLine(models.Model):
    _name = "hr.job.plan.line"
    _description = "Approved Headcount Line"
    _order = "plan_id, department_id, job_id, id"
    _check_company_auto = True

    plan_id = fields.Many2one("hr.job.plan", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True, precompute=True)
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")
    department_id = fields.Many2one("hr.department", required=True, index=True, check_company=True)
    job_id = fields.Many2one(
        "hr.job",
        string="Position",
        index=True,
        ondelete="set null",
        check_company=True,
        help="Empty when the position has been deleted since the plan was approved.",
    )
    job_name = fields.Char(
        string="Position Name",
        compute="_compute_job_name",
        store=True,
        readonly=False,
        precompute=True,
        help="Name of the position as approved; kept when the position is later deleted.",
    )
    approved_headcount = fields.Integer(required=True, default=1)
    filled_count = fields.Integer(compute="_compute_filled", string="Filled")
    gap = fields.Integer(compute="_compute_filled", help="Filled minus approved: positive means over the plan.")
    warning = fields.Char(compute="_compute_filled")

    _sql_constraints = [
        (
            "plan_department_job_uniq",
            "unique(plan_id, department_id, job_id)",
            "A position appears once per department in a plan.",
        ),
    ]

    @api.depends("job_id")
    def _compute_job_name(self):
        for line in self:
            if line.job_id:
                line.job_name = line.job_id.name

    @api.depends("job_id", "department_id", "approved_headcount", "plan_id.state")
    def _compute_filled(self):
        counts = self.env["hr.job.plan"]._get_filled_counts(self.company_id) if self.company_id else {}
        for line in self:
            filled = counts.get((line.department_id.id, line.job_id.id), 0) if line.job_id else 0
            line.filled_count = filled
            line.gap = filled - line.approved_headcount
            if line.plan_id.state == "superseded":
                line.warning = False
            elif not line.job_id or not line.job_id.active:
                line.warning = self.env._(
                    "%(department)s: the position %(position)s of this plan no longer exists.",
                    department=line.department_id.display_name,
                    position=line.job_name or self.env._("(unnamed)"),
                )
            elif filled > line.approved_headcount:
                line.warning = self.env._(
                    "%(department)s / %(position)s: %(filled)s employees for %(approved)s approved posts.",
                    department=line.department_id.display_name,
                    position=line.job_id.name,
                    filled=filled,
                    approved=line.approved_headcount,
                )
            else:
                line.warning = False

    @api.constrains("approved_headcount")
    def _check_approved_headcount(self):
        for line in self:
            if line.approved_headcount < 0:
                raise ValidationError(
                    self.env._(
                        "The approved headcount of %(position)s cannot be negative.", position=line.job_name or ""
                    )
                )

    def _check_plan_is_draft(self):
        if self.env.context.get("civil_plan_workflow"):
            return
        locked = self.plan_id.filtered(lambda plan: plan.state != "draft")
        if locked:
            raise UserError(
                self.env._(
                    "The plan %(plan)s is no longer a draft: its headcount lines can no longer change.",
                    plan=locked[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_plan_is_draft()
        return lines

    def write(self, vals):
        self._check_plan_is_draft()
        result = super().write(vals)
        if "plan_id" in vals:
            self._check_plan_is_draft()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft(self):
        self._check_plan_is_draft()
