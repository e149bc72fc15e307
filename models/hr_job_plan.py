from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

LOCKED_PLAN_FIELDS = {"name", "decision_date", "effective_date", "authority", "company_id", "department_id", "line_ids"}


class HrJobPlan(models.Model):
    _name = "hr.job.plan"
    _description = "Approved Job Position Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "effective_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Decision Number",
        required=True,
        tracking=True,
        index="trigram",
        help="Number of the decision approving the job positions (Đề án / quyết định phê duyệt vị trí việc làm) "
        "— Nghị định 361/2025/NĐ-CP for công chức, Nghị định 106/2020/NĐ-CP for viên chức.",
    )
    subject = fields.Char(help="Title of the plan, e.g. 'Đề án vị trí việc làm giai đoạn 2026–2030'.")
    decision_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    authority = fields.Char(string="Issuing Authority", required=True, tracking=True)
    effective_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, tracking=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Scope",
        check_company=True,
        tracking=True,
        help="Leave empty when the plan covers the whole agency. Approving a plan supersedes the plan "
        "of the same scope that was in force.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("superseded", "Superseded")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    line_ids = fields.One2many("hr.job.plan.line", "plan_id", string="Approved Headcount", copy=True)
    superseded_by_id = fields.Many2one("hr.job.plan", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approval_date = fields.Datetime(readonly=True, copy=False)
    note = fields.Html()
    total_approved_headcount = fields.Integer(compute="_compute_totals", string="Approved Headcount Total")
    total_filled = fields.Integer(compute="_compute_totals", string="Filled Total")
    warning_count = fields.Integer(compute="_compute_warnings")
    warning_html = fields.Html(string="Warnings", compute="_compute_warnings", sanitize=False)

    @api.depends("line_ids.approved_headcount", "line_ids.filled_count")
    def _compute_totals(self):
        for plan in self:
            plan.total_approved_headcount = sum(plan.line_ids.mapped("approved_headcount"))
            plan.total_filled = sum(plan.line_ids.mapped("filled_count"))

    @api.depends("line_ids.warning", "line_ids.approved_headcount", "line_ids.department_id")
    def _compute_warnings(self):
        # A superseded plan is a record of the past: today's staff are no longer measured against it.
        live_plans = self.filtered(lambda p: p.state != "superseded")
        cap_warnings = live_plans._get_rank_cap_warnings()
        for plan in self:
            if plan.state == "superseded":
                plan.warning_count = 0
                plan.warning_html = False
                continue
            messages = [line.warning for line in plan.line_ids if line.warning] + cap_warnings.get(plan.id, [])
            plan.warning_count = len(messages)
            plan.warning_html = (
                Markup("<ul class='mb-0'>%s</ul>") % Markup().join(Markup("<li>%s</li>") % escape(m) for m in messages)
                if messages
                else False
            )

    # ------------------------------------------------------------------
    # Shared figures: every screen, report and test reads them from here
    # ------------------------------------------------------------------
    @api.model
    def _get_plans_in_force(self, companies, date=None):
        """The approved plan of each scope (company, department) with the latest effective date."""
        date = date or fields.Date.context_today(self)
        plans = self.sudo().search(
            [("state", "=", "approved"), ("effective_date", "<=", date), ("company_id", "in", companies.ids)],
            order="effective_date desc, id desc",
        )
        in_force = self.browse()
        scopes = set()
        for plan in plans:
            scope = (plan.company_id.id, plan.department_id.id)
            if scope not in scopes:
                scopes.add(scope)
                in_force |= plan
        return in_force

    @api.model
    def _get_filled_counts(self, companies):
        """Active employees per (department, position): one grouped query for any number of positions."""
        groups = (
            self.env["hr.employee"]
            .sudo()
            ._read_group(
                [("company_id", "in", companies.ids), ("job_id", "!=", False)],
                ["department_id", "job_id"],
                ["__count"],
            )
        )
        return {(department.id, job.id): count for department, job, count in groups}

    def _get_rank_cap_warnings(self):
        """Rank-tier share per department against the caps assigned to it (Nghị định 361/2025)."""
        result = defaultdict(list)
        plans = self.filtered("line_ids")
        if not plans:
            return result
        caps = (
            self.env["hr.civil.rank.cap"]
            .sudo()
            .search([("company_id", "in", plans.company_id.ids + [False]), ("department_ids", "!=", False)])
        )
        today = fields.Date.context_today(self)
        caps = caps.filtered(lambda cap: cap._is_valid_on(today))
        if not caps:
            return result
        departments = plans.line_ids.department_id
        groups = (
            self.env["hr.employee"]
            .sudo()
            ._read_group(
                [("department_id", "in", departments.ids), ("civil_rank_id", "!=", False)],
                ["department_id", "civil_rank_id"],
                ["__count"],
            )
        )
        tier_counts = defaultdict(int)
        for department, rank, count in groups:
            tier_counts[(department.id, rank.level)] += count
        for plan in plans:
            headcount = defaultdict(int)
            for line in plan.line_ids:
                headcount[line.department_id] += line.approved_headcount
            for department, approved in headcount.items():
                for cap in caps.filtered(lambda c, d=department: d in c.department_ids):
                    holders = tier_counts[(department.id, cap.rank_level)]
                    share = 100.0 * holders / approved if approved else (100.0 if holders else 0.0)
                    if share > cap.max_share:
                        result[plan.id].append(
                            self.env._(
                                "%(department)s: %(holders)s of %(approved)s approved posts (%(share).1f%%) are held "
                                "at the rank tier '%(tier)s', above the cap of %(cap).1f%% (%(rule)s).",
                                department=department.display_name,
                                holders=holders,
                                approved=approved,
                                share=share,
                                tier=dict(cap._fields["rank_level"]._description_selection(self.env))[cap.rank_level],
                                cap=cap.max_share,
                                rule=cap.name,
                            )
                        )
        return result

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_approve(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    self.env._("Only a draft plan can be approved; %(plan)s is not a draft.", plan=plan.name)
                )
            if not plan.line_ids:
                raise UserError(
                    self.env._(
                        "The plan %(plan)s has no headcount lines: add at least one before approving it.",
                        plan=plan.name,
                    )
                )
        self.write({"state": "approved", "approved_by_id": self.env.uid, "approval_date": fields.Datetime.now()})
        self._supersede_older_plans()
        return True

    def _supersede_older_plans(self):
        """A plan that has taken effect supersedes the older approved plans of its scope; they stay readable."""
        today = fields.Date.context_today(self)
        for plan in self.filtered(lambda p: p.state == "approved" and p.effective_date <= today):
            older = self.search(
                [
                    ("id", "!=", plan.id),
                    ("state", "=", "approved"),
                    ("company_id", "=", plan.company_id.id),
                    ("department_id", "=", plan.department_id.id),
                    ("effective_date", "<=", plan.effective_date),
                ]
            )
            if older:
                older.with_context(civil_plan_workflow=True).write({"state": "superseded", "superseded_by_id": plan.id})
                for old in older:
                    old.message_post(body=self.env._("Superseded by plan %(plan)s.", plan=plan.name))
                plan.message_post(body=self.env._("Supersedes %(plans)s.", plans=", ".join(older.mapped("name"))))

    @api.model
    def _cron_supersede_plans(self):
        self.search([("state", "=", "approved")])._supersede_older_plans()

    def write(self, vals):
        if LOCKED_PLAN_FIELDS.intersection(vals) and not self.env.context.get("civil_plan_workflow"):
            locked = self.filtered(lambda p: p.state != "draft")
            if locked:
                raise UserError(
                    self.env._(
                        "The plan %(plan)s is no longer a draft: its decision and headcount can no longer change.",
                        plan=locked[0].name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    self.env._(
                        "The plan %(plan)s has been approved: it is kept as a record and cannot be deleted.",
                        plan=plan.name,
                    )
                )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        return [dict(vals, name=self.env._("%s (copy)", plan.name)) for plan, vals in zip(self, vals_list, strict=True)]
