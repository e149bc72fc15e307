from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.hr_civil_evaluation import PERIOD_TYPES
from ..models.hr_civil_evaluation_line import LINE_STATES, QUOTA_GROUPS
from ..models.hr_civil_evaluation_scheme import LEVELS


class HrCivilEvaluationAnalysis(models.Model):
    """The leaders' dashboard of the evaluations: one row per evaluation line, with the share scored, the levels
    and the gap between the official's own general points and the leader's. Figures are the lines' stored ones."""

    _name = "hr.civil.evaluation.analysis"
    _description = "Evaluation Analysis"
    _auto = False
    _order = "date_from desc, department_id, total_score desc"
    _rec_name = "employee_id"

    evaluation_id = fields.Many2one("hr.civil.evaluation", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    period_type = fields.Selection(PERIOD_TYPES, readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    date_from = fields.Date(string="Period", readonly=True)
    date_to = fields.Date(string="Period End", readonly=True)
    evaluation_state = fields.Selection(
        [("open", "Open"), ("final", "Finalised")], string="Evaluation Status", readonly=True
    )
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    user_id = fields.Many2one("res.users", readonly=True)
    job_id = fields.Many2one("hr.job", string="Position", readonly=True)
    quota_group = fields.Selection(QUOTA_GROUPS, string="Similar-Task Group", readonly=True)
    state = fields.Selection(LINE_STATES, string="Status", readonly=True)
    proposed_level = fields.Selection(LEVELS, readonly=True)
    final_level = fields.Selection(LEVELS, readonly=True)
    level = fields.Selection(LEVELS, readonly=True, help="The level decided or, before a decision, the proposed one.")
    not_rated = fields.Boolean(readonly=True)
    scored = fields.Boolean(readonly=True, help="The leader has decided the level (decided, final or appealed).")
    total_score = fields.Float(digits=(6, 2), readonly=True, aggregator="avg")
    task_points = fields.Float(digits=(6, 2), readonly=True, aggregator="avg")
    general_points = fields.Float(digits=(5, 2), readonly=True, aggregator="avg")
    self_general_points = fields.Float(digits=(5, 2), readonly=True, aggregator="avg")
    leader_general_points = fields.Float(digits=(5, 2), readonly=True, aggregator="avg")
    score_gap = fields.Float(
        string="Leader - Self Gap",
        digits=(5, 2),
        readonly=True,
        aggregator="avg",
        help="Leader's general points minus the official's own, when both are given; negative when the leader "
        "rates lower.",
    )
    score_gap_abs = fields.Float(string="Absolute Gap", digits=(5, 2), readonly=True, aggregator="avg")
    scored_rate = fields.Float(
        string="Scored (%)", digits=(5, 1), readonly=True, aggregator="avg", help="Share of the officials scored."
    )
    line_count = fields.Integer(string="Officials", readonly=True, aggregator="sum")
    scored_count = fields.Integer(string="Officials Scored", readonly=True, aggregator="sum")
    excellent_count = fields.Integer(string="Excellent (HTXSNV)", readonly=True, aggregator="sum")
    good_count = fields.Integer(string="Good (HTTNV)", readonly=True, aggregator="sum")
    done_count = fields.Integer(string="Completed (HTNV)", readonly=True, aggregator="sum")
    fail_count = fields.Integer(string="Not Completed (KHTNV)", readonly=True, aggregator="sum")
    not_rated_count = fields.Integer(readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _query(self):
        level = SQL("CASE WHEN line.not_rated THEN NULL ELSE COALESCE(line.final_level, line.proposed_level) END")
        scored = SQL("line.state IN ('decided', 'final', 'appealed')")
        gap = SQL(
            "CASE WHEN line.self_general_points > 0 AND line.leader_general_points > 0 "
            "THEN line.leader_general_points - line.self_general_points END"
        )
        return SQL(
            """
            SELECT line.id, line.evaluation_id, evaluation.company_id, evaluation.period_type, evaluation.year,
                   evaluation.date_from, evaluation.date_to, evaluation.state AS evaluation_state,
                   line.department_id, line.employee_id, line.user_id, line.job_id, line.quota_group, line.state,
                   line.proposed_level, line.final_level, %(level)s AS level,
                   COALESCE(line.not_rated, FALSE) AS not_rated, %(scored)s AS scored,
                   line.total_score, line.task_points, line.general_points,
                   line.self_general_points, line.leader_general_points,
                   %(gap)s AS score_gap, ABS(%(gap)s) AS score_gap_abs,
                   CASE WHEN %(scored)s THEN 100.0 ELSE 0.0 END AS scored_rate,
                   1 AS line_count,
                   CASE WHEN %(scored)s THEN 1 ELSE 0 END AS scored_count,
                   CASE WHEN %(level)s = 'excellent' THEN 1 ELSE 0 END AS excellent_count,
                   CASE WHEN %(level)s = 'good' THEN 1 ELSE 0 END AS good_count,
                   CASE WHEN %(level)s = 'done' THEN 1 ELSE 0 END AS done_count,
                   CASE WHEN %(level)s = 'fail' THEN 1 ELSE 0 END AS fail_count,
                   CASE WHEN line.not_rated THEN 1 ELSE 0 END AS not_rated_count
              FROM hr_civil_evaluation_line line
              JOIN hr_civil_evaluation evaluation ON evaluation.id = line.evaluation_id
            """,
            level=level,
            scored=scored,
            gap=gap,
        )
