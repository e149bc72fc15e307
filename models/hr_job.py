from odoo import api, fields, models

POSITION_GROUPS = [
    ("leadership", "Leadership and management"),
    ("professional", "Sector-specific professional"),
    ("shared", "Shared professional"),
    ("support", "Support and service"),
]


class HrJob(models.Model):
    _inherit = "hr.job"

    civil_position_group = fields.Selection(
        POSITION_GROUPS,
        string="Position Group",
        help="Group of the job position (nhóm vị trí việc làm): leadership and management; professional — "
        "sector-specific (chuyên ngành) or shared (dùng chung); support and service — "
        "Nghị định 62/2020/NĐ-CP Art. 4, Nghị định 361/2025/NĐ-CP.",
    )
    civil_rank_id = fields.Many2one(
        "hr.civil.rank",
        string="Rank",
        check_company=True,
        help="Lowest rank (ngạch) a holder of the position needs.",
    )
    civil_duty_ids = fields.One2many("hr.job.duty", "job_id", string="Tasks of the Position", copy=True)
    civil_relationships = fields.Text(string="Working Relationships")
    civil_authority = fields.Text(string="Authority")
    civil_working_conditions = fields.Text(string="Working Conditions")
    civil_competency_ids = fields.One2many("hr.job.competency", "job_id", string="Competencies", copy=True)
    civil_task_ids = fields.Many2many(
        "hr.job.task", "hr_job_task_hr_job_rel", "job_id", "task_id", string="Standard Tasks", check_company=True
    )
    civil_task_count = fields.Integer(compute="_compute_civil_task_count", string="Standard Task Count")
    civil_plan_id = fields.Many2one(
        "hr.job.plan",
        string="Plan in Force",
        compute="_compute_civil_headcount",
        compute_sudo=True,
        groups="hr_civil_service.group_supervisor,hr_civil_service.group_org_officer",
    )
    civil_approved_headcount = fields.Integer(
        string="Approved Headcount",
        compute="_compute_civil_headcount",
        compute_sudo=True,
        help="Headcount of this position in the approved plans in force.",
    )
    civil_filled_count = fields.Integer(
        string="Filled",
        compute="_compute_civil_headcount",
        compute_sudo=True,
        help="Active employees holding this position.",
    )
    civil_fill_rate = fields.Float(string="Fill Rate (%)", compute="_compute_civil_headcount", compute_sudo=True)
    civil_headcount_warning = fields.Char(
        string="Headcount Warning", compute="_compute_civil_headcount", compute_sudo=True
    )

    def _compute_civil_task_count(self):
        counts = (
            dict(self.env["hr.job.task"]._read_group([("job_ids", "in", self.ids)], ["job_ids"], ["__count"]))
            if self.ids
            else {}
        )
        for job in self:
            job.civil_task_count = counts.get(job, 0)

    @api.depends_context("company")
    def _compute_civil_headcount(self):
        """Approved vs filled for any number of positions with two grouped queries."""
        jobs = self.filtered("id")
        companies = jobs.company_id | self.env.company
        plans = self.env["hr.job.plan"]._get_plans_in_force(companies)
        approved = {}
        plan_of_job = {}
        if jobs and plans:
            for job, plan, headcount in (
                self.env["hr.job.plan.line"]
                .sudo()
                ._read_group(
                    [("plan_id", "in", plans.ids), ("job_id", "in", jobs.ids)],
                    ["job_id", "plan_id"],
                    ["approved_headcount:sum"],
                )
            ):
                approved[job.id] = approved.get(job.id, 0) + headcount
                plan_of_job.setdefault(job.id, plan)
        filled = (
            dict(self.env["hr.employee"].sudo()._read_group([("job_id", "in", jobs.ids)], ["job_id"], ["__count"]))
            if jobs
            else {}
        )
        for job in self:
            job_approved = approved.get(job.id, 0)
            job_filled = filled.get(job, 0) if job.id else 0
            job.civil_plan_id = plan_of_job.get(job.id, False)
            job.civil_approved_headcount = job_approved
            job.civil_filled_count = job_filled
            job.civil_fill_rate = 100.0 * job_filled / job_approved if job_approved else 0.0
            if job.id not in plan_of_job:
                job.civil_headcount_warning = (
                    self.env._(
                        "This position is in no approved plan in force, yet %(filled)s employees hold it.",
                        filled=job_filled,
                    )
                    if job_filled
                    else False
                )
            elif job_filled > job_approved:
                job.civil_headcount_warning = self.env._(
                    "%(filled)s employees hold this position for %(approved)s approved posts.",
                    filled=job_filled,
                    approved=job_approved,
                )
            else:
                job.civil_headcount_warning = False

    def action_open_civil_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_civil_service.hr_job_task_action")
        action["domain"] = [("job_ids", "in", self.ids)]
        action["context"] = {"default_job_ids": [self.id]}
        return action

    @api.model
    def action_open_my_position(self):
        """Open the current user's own position description, read-only."""
        employee = self.env.user.employee_id
        if not employee.job_id:
            # No position yet: land on the positions list rather than nowhere.
            return self.env["ir.actions.act_window"]._for_xml_id("hr_civil_service.hr_job_action_civil")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Position"),
            "res_model": "hr.job",
            "res_id": employee.job_id.id,
            "view_mode": "form",
            "views": [(self.env.ref("hr_civil_service.hr_job_view_form_civil").id, "form")],
            "target": "current",
        }
