from odoo import api, fields, models
from odoo.exceptions import ValidationError

LEVELS = [
    ("excellent", "Excellent"),
    ("good", "Good"),
    ("done", "Completed"),
    ("fail", "Not Completed"),
]
LEVEL_RANK = {"excellent": 4, "good": 3, "done": 2, "fail": 1}


class HrCivilEvaluationScheme(models.Model):
    """A legal rule set for rating officials, as data: a new decree is a new record, not new code.

    Two methods: ``score`` (ND 335/2025: 30 general + 70 task points, thresholds) and ``criteria``
    (ND 90/2020 as amended by ND 48/2023: levels from the share of tasks done on time and to quality).
    Both compute the same KPI and score, so that annual averages and rankings work across schemes.
    """

    _name = "hr.civil.evaluation.scheme"
    _description = "Evaluation Scheme"
    _order = "date_from desc, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    legal_basis = fields.Char(translate=True, help="The decree and articles the scheme encodes.")
    method = fields.Selection(
        [("score", "Score Thresholds"), ("criteria", "Task Criteria")], required=True, default="score"
    )
    staff_type_ids = fields.Many2many("hr.civil.staff.type", string="Applies to", required=True)
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid Until")

    general_points = fields.Float(default=30.0, help="Points of the general criteria (ND 335/2025 Art. 12).")
    task_points = fields.Float(default=70.0, help="Points of the task results (ND 335/2025 Art. 12).")
    quantity_share = fields.Float(
        default=40.0, string="Quantity Share (%)", help="Share of the task points given by quantity."
    )
    quality_share = fields.Float(default=30.0, string="Quality Share (%)")
    progress_share = fields.Float(default=30.0, string="Progress Share (%)")
    leader_unit_share = fields.Float(
        default=30.0,
        string="Leaders' Unit Results Share (%)",
        help="Share of a leader's task points that comes from the results of the unit they lead "
        "(100 % when every subordinate is at least 'Hoàn thành nhiệm vụ', 50 % otherwise — ND 335/2025 Art. 14).",
    )
    leader_unit_partial = fields.Float(default=50.0, string="Unit Results When Someone Fails (%)")
    error_penalty = fields.Float(
        default=25.0, string="Major Error Deduction (%)", help="Of the product's quality share, per major-error return."
    )
    delay_penalty = fields.Float(
        default=25.0, string="Delay Deduction (%)", help="Of the product's progress share, per delay."
    )
    action_item_hours = fields.Float(
        default=4.0, help="Weight, in converted hours, of one directive in the progress of its assignee."
    )

    threshold_excellent = fields.Float(default=90.0)
    threshold_good = fields.Float(default=70.0)
    threshold_done = fields.Float(default=50.0)
    # Criteria method (ND 90/2020 Art. 3-6 as amended by ND 48/2023): quantity is converted ÷ standard hours, "on time
    # and to quality" the share of the completed products without a major error and without delay.
    excellent_min_quantity = fields.Float(
        default=120.0,
        string="Excellent: Minimum Quantity (%)",
        help="'At least 50 % of tasks exceeded' measured as converted hours above the period's standard: an "
        "assumption to confirm with the agency.",
    )
    excellent_min_on_time = fields.Float(default=100.0, string="Excellent: Minimum On Time and to Quality (%)")
    good_min_quantity = fields.Float(default=100.0, string="Good: Minimum Quantity (%)")
    good_min_on_time = fields.Float(default=100.0, string="Good: Minimum On Time and to Quality (%)")
    done_min_quantity = fields.Float(
        default=80.0,
        string="Completed: Minimum Quantity (%)",
        help="Converted hours against the standard hours: the diary records products, not every hour worked.",
    )
    done_min_on_time = fields.Float(default=80.0, string="Completed: Minimum On Time and to Quality (%)")

    quota_percent = fields.Float(
        default=20.0,
        string="Excellent Quota (%)",
        help="At most this share of those rated 'Hoàn thành tốt nhiệm vụ' may be rated 'xuất sắc', within the "
        "agency and within each group with similar tasks (ND 335/2025 Art. 20(5)).",
    )
    quota_rounding = fields.Selection(
        [("down", "Round Down"), ("half_up", "Round to Nearest"), ("up", "Round Up")],
        default="down",
        required=True,
        help="The decree does not say how to round the quota: down is the safe reading.",
    )
    min_months_rated = fields.Float(
        default=6.0, help="Officials who worked fewer months in the year are not rated; their self-review is kept."
    )
    capped_months_off = fields.Float(
        default=3.0,
        help="Officials off work from this many months (and under the minimum) are rated at most 'Completed'.",
    )
    deadline_month = fields.Integer(default=12, help="Annual rating due by this day and month of the year.")
    deadline_day = fields.Integer(default=15)

    _sql_constraints = [("code_uniq", "unique(code)", "The code of a scheme must be unique.")]

    @api.constrains("quantity_share", "quality_share", "progress_share")
    def _check_shares(self):
        for scheme in self:
            if round(scheme.quantity_share + scheme.quality_share + scheme.progress_share, 2) != 100.0:
                raise ValidationError(
                    self.env._(
                        "The quantity, quality and progress shares of %(scheme)s must add up to 100 %%.",
                        scheme=scheme.name,
                    )
                )

    @api.constrains("threshold_excellent", "threshold_good", "threshold_done", "general_points", "task_points")
    def _check_thresholds(self):
        for scheme in self:
            if not (
                0
                < scheme.threshold_done
                < scheme.threshold_good
                < scheme.threshold_excellent
                <= scheme.general_points + scheme.task_points
            ):
                raise ValidationError(
                    self.env._(
                        "The thresholds of %(scheme)s must rise from 'Completed' to 'Excellent' within "
                        "the total points.",
                        scheme=scheme.name,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for scheme in self:
            if scheme.date_to and scheme.date_to < scheme.date_from:
                raise ValidationError(self.env._("The scheme %(scheme)s ends before it starts.", scheme=scheme.name))

    @api.model
    def _for_employees(self, employees, date_from, date_to):
        """The scheme that applies to each employee for a period: by staff type, valid on the period's end."""
        schemes = self.search([("date_from", "<=", date_to), "|", ("date_to", "=", False), ("date_to", ">=", date_to)])
        result = {}
        for employee in employees:
            staff_type = employee.civil_staff_type_id
            result[employee.id] = schemes.filtered(lambda s, t=staff_type: t in s.staff_type_ids)[:1]
        return result

    def _level_from_score(self, score):
        self.ensure_one()
        if score >= self.threshold_excellent:
            return "excellent"
        if score >= self.threshold_good:
            return "good"
        if score >= self.threshold_done:
            return "done"
        return "fail"

    def _quota_allowed(self, good_count):
        """How many may be rated excellent for ``good_count`` rated good, with the scheme's rounding."""
        self.ensure_one()
        exact = good_count * self.quota_percent / 100.0
        if self.quota_rounding == "up":
            return int(-(-exact // 1))
        if self.quota_rounding == "half_up":
            return int(exact + 0.5)
        return int(exact + 1e-9)
