from odoo import api, fields, models

from .hr_civil_evaluation_scheme import LEVELS

LINE_STATES = [
    ("draft", "To Self-Assess"),
    ("self", "Self-Assessed"),
    ("proposed", "Proposed"),
    ("decided", "Decided"),
    ("final", "Final"),
    ("appealed", "Appealed"),
]


class HrCivilEvaluationLine(models.Model):
    """One official in one evaluation campaign: KPI snapshot, points of each actor, levels, appeal."""

    _name = "hr.civil.evaluation.line"
    _description = "Evaluation Line"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "evaluation_id desc, department_id, total_score desc, id"
    _check_company_auto = True
    _rec_name = "employee_id"

    evaluation_id = fields.Many2one(
        "hr.civil.evaluation", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)
    period_type = fields.Selection(related="evaluation_id.period_type", store=True)
    year = fields.Integer(related="evaluation_id.year", store=True, index=True)
    date_from = fields.Date(related="evaluation_id.date_from", store=True)
    date_to = fields.Date(related="evaluation_id.date_to", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True, ondelete="cascade")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True, string="User")
    department_id = fields.Many2one("hr.department", index=True, check_company=True, string="Unit")
    job_id = fields.Many2one("hr.job", string="Position", check_company=True)
    parent_id = fields.Many2one("hr.employee", string="Supervisor", index=True)
    scheme_id = fields.Many2one("hr.civil.evaluation.scheme", required=True)
    staff_type_id = fields.Many2one("hr.civil.staff.type")
    is_leader = fields.Boolean(help="Heads a unit or has subordinates: the unit-results component applies.")
    quota_group = fields.Char(
        string="Similar-Task Group",
        help="The excellent quota holds within the agency and within each group with similar tasks "
        "(ND 335/2025 Art. 20(5)); defaults to the position group.",
    )

    # KPI snapshot, refreshed by the wizard
    standard_hours = fields.Float(digits=(10, 2), readonly=True, help="Working days × schedule hours, minus leave.")
    converted_hours = fields.Float(digits=(10, 2), readonly=True, help="Converted hours of the approved diary.")
    quality_hours = fields.Float(digits=(10, 2), readonly=True)
    progress_hours = fields.Float(digits=(10, 2), readonly=True)
    line_count = fields.Integer(string="Products", readonly=True)
    error_count = fields.Integer(string="Major Errors", readonly=True)
    delay_count = fields.Integer(string="Delays", readonly=True)
    action_item_count = fields.Integer(string="Directives", readonly=True)
    action_item_delay_count = fields.Integer(string="Directive Delays", readonly=True)
    quantity_ratio = fields.Float(string="Quantity (%)", digits=(6, 1), readonly=True)
    quality_ratio = fields.Float(string="Quality (%)", digits=(6, 1), readonly=True)
    progress_ratio = fields.Float(string="Progress (%)", digits=(6, 1), readonly=True)
    own_task_points = fields.Float(digits=(6, 2), readonly=True, string="Own Task Points")
    unit_factor = fields.Float(string="Unit Results (%)", digits=(6, 1), readonly=True)
    task_points = fields.Float(digits=(6, 2), readonly=True)
    months_worked = fields.Float(digits=(4, 1), readonly=True)
    months_off = fields.Float(digits=(4, 1), readonly=True, help="Months off work, maternity leave excluded.")
    kpi_date = fields.Datetime(string="KPI Computed On", readonly=True)

    # Human input: never overwritten by a refresh
    self_assessment = fields.Text()
    self_general_points = fields.Float(digits=(5, 2), tracking=True)
    self_level = fields.Selection(LEVELS, string="Self-Proposed Level", tracking=True)
    supervisor_general_points = fields.Float(digits=(5, 2), tracking=True)
    supervisor_comment = fields.Text()
    supervisor_level = fields.Selection(LEVELS, string="Supervisor's Proposal", tracking=True)
    leader_general_points = fields.Float(digits=(5, 2), tracking=True)
    leader_comment = fields.Text()
    degradation = fields.Boolean(
        string="Concluded Degradation", tracking=True,
        help="Concluded degradation of political ideology, ethics or lifestyle, or breach of the Party "
        "members' prohibitions (ND 335/2025 Art. 20(4)).",
    )
    unit_corruption = fields.Boolean(
        string="Unit Handled for Corruption", tracking=True,
        help="For leaders: a unit under them handled for corruption or waste (ND 335/2025 Art. 20(4)).",
    )

    # Results
    general_points = fields.Float(digits=(5, 2), compute="_compute_scores", store=True)
    total_score = fields.Float(digits=(6, 2), compute="_compute_scores", store=True, aggregator="avg")
    score_level = fields.Selection(LEVELS, compute="_compute_scores", store=True, string="Level by Score")
    discipline_ids = fields.Many2many("hr.civil.discipline", string="Discipline Counted", readonly=True)
    hard_condition = fields.Char(compute="_compute_scores", store=True, string="Hard Condition")
    not_rated = fields.Boolean(compute="_compute_scores", store=True, help="Fewer months worked than the minimum.")
    proposed_level = fields.Selection(LEVELS, compute="_compute_scores", store=True, tracking=True)
    final_level = fields.Selection(LEVELS, tracking=True, index=True, copy=False)
    override_reason = fields.Text(tracking=True)
    state = fields.Selection(LINE_STATES, default="draft", required=True, tracking=True, index=True, copy=False)
    notified_date = fields.Date(readonly=True, copy=False)
    appeal_deadline = fields.Date(readonly=True, copy=False)
    appeal_reason = fields.Text(copy=False)
    appeal_count = fields.Integer(readonly=True, copy=False)
    annual_source_count = fields.Integer(
        readonly=True, help="Monthly or quarterly results the annual score averages."
    )
    is_late = fields.Boolean(readonly=True, copy=False, help="Finalised after the annual deadline.")

    _sql_constraints = [
        ("employee_uniq", "unique(evaluation_id, employee_id)", "An official appears once in an evaluation."),
    ]

    @api.depends("employee_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.employee_id.name} — {line.evaluation_id.name}"

    def _compute_scores(self):
        for line in self:
            line.general_points = line.leader_general_points or line.supervisor_general_points or line.self_general_points
            line.total_score = line.general_points + line.task_points
            line.score_level = line.scheme_id._level_from_score(line.total_score) if line.scheme_id else False
            line.hard_condition = False
            line.not_rated = False
            line.proposed_level = line.score_level

    def _compute_access_url(self):
        super()._compute_access_url()
        for line in self:
            line.access_url = f"/my/evaluations/{line.id}"
