from odoo import api, fields, models
from odoo.exceptions import ValidationError

VIOLATION_TYPES = [
    ("late", "Late Arrival"),
    ("early_leave", "Leaving Early"),
    ("absence", "Absence without Leave"),
    ("left_post", "Leaving One's Post"),
    ("private_work", "Private Work in Office Hours"),
    ("smoking", "Smoking in the Office"),
    ("alcohol", "Alcohol in Working Hours"),
    ("no_card", "Not Wearing the ID Card"),
    ("public_service", "Public-Service Violation"),
    ("party", "Breach of Party Rules"),
    ("other", "Other"),
]

# Measures in increasing severity; everything from "reprimand" up makes the official "Không hoàn thành
# nhiệm vụ" in the year (ND 335/2025 Art. 20(4)(c); ND 90/2020 Art. 7).
MEASURES = [
    ("none", "No Measure"),
    ("reminder", "Reminder"),
    ("reprimand", "Reprimand"),
    ("warning", "Warning"),
    ("salary_demotion", "Salary Demotion"),
    ("demotion", "Demotion"),
    ("removal", "Removal from Office"),
    ("dismissal", "Dismissal"),
]
SERIOUS_MEASURES = ("reprimand", "warning", "salary_demotion", "demotion", "removal", "dismissal")


class HrCivilDiscipline(models.Model):
    """A recorded violation and, once decided, its disciplinary measure.

    The evaluation reads it for the hard conditions (a measure from reprimand up in the year forces
    "Không hoàn thành nhiệm vụ"), emulation reads it for "under review" (no award while a case is open)
    and for the end of the discipline period (achievements count from then on).
    """

    _name = "hr.civil.discipline"
    _description = "Violation and Discipline"
    _inherit = ["mail.thread"]
    _order = "violation_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Description", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, check_company=True, tracking=True, ondelete="cascade"
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    violation_type = fields.Selection(VIOLATION_TYPES, required=True, default="public_service", tracking=True)
    violation_date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    discipline_kind = fields.Selection(
        [("administrative", "Administrative"), ("party", "Party")],
        string="Discipline",
        required=True,
        default="administrative",
        help="Party and administrative discipline for the same violation count in one year only "
        "(ND 90/2020 Art. 2, as amended by ND 48/2023).",
    )
    same_violation_id = fields.Many2one(
        "hr.civil.discipline",
        string="Same Violation As",
        check_company=True,
        index=True,
        help="Link the Party and the administrative record of one violation: together they count once.",
    )
    state = fields.Selection(
        [("under_review", "Under Review"), ("decided", "Decided"), ("cancelled", "Cancelled")],
        required=True,
        default="under_review",
        tracking=True,
        index=True,
        help="While a case is under review, the official may not be proposed for any award (ND 98/2023 Art. 4).",
    )
    measure = fields.Selection(MEASURES, default="none", required=True, tracking=True)
    is_serious = fields.Boolean(
        compute="_compute_is_serious",
        store=True,
        string="Reprimand or Higher",
        help="A measure from reprimand (khiển trách) up.",
    )
    decision_number = fields.Char(tracking=True)
    decision_date = fields.Date(index=True, tracking=True)
    effective_from = fields.Date(string="Discipline From")
    effective_to = fields.Date(
        string="Discipline Until",
        help="End of the discipline period: achievements count again from the day after (ND 98/2023 Art. 4).",
    )
    counted_year = fields.Integer(
        aggregator=False,
        readonly=True,
        copy=False,
        help="Year whose evaluation already rated the official 'Không hoàn thành nhiệm vụ' for this "
        "violation: the violation is not counted again in another year.",
    )
    note = fields.Text()

    @api.depends("measure", "state")
    def _compute_is_serious(self):
        for record in self:
            record.is_serious = record.state == "decided" and record.measure in SERIOUS_MEASURES

    @api.constrains("state", "decision_date", "measure")
    def _check_decision(self):
        for record in self:
            if record.state == "decided" and not record.decision_date:
                raise ValidationError(self.env._("A decided discipline needs the date of its decision."))

    @api.constrains("effective_from", "effective_to")
    def _check_period(self):
        for record in self:
            if record.effective_from and record.effective_to and record.effective_to < record.effective_from:
                raise ValidationError(self.env._("The discipline period ends before it starts."))

    @api.constrains("same_violation_id")
    def _check_same_violation(self):
        for record in self:
            if record.same_violation_id and record.same_violation_id.employee_id != record.employee_id:
                raise ValidationError(self.env._("A linked record of the same violation must be the same person's."))
        if self._has_cycle("same_violation_id"):
            raise ValidationError(self.env._("Records of the same violation cannot link in a circle."))

    def _violation_root(self):
        self.ensure_one()
        root = self
        while root.same_violation_id:
            root = root.same_violation_id
        return root

    @api.model
    def _serious_for_year(self, employees, year):
        """Serious measures decided in ``year`` that count for it, per employee id.

        A violation counts in one year only: Party and administrative records of the same violation are
        one violation, and a violation already used for a "Không hoàn thành nhiệm vụ" rating in another
        year (``counted_year``) is not counted again. One query for every employee.
        """
        records = self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "decided"),
                ("measure", "in", SERIOUS_MEASURES),
                ("decision_date", ">=", f"{year}-01-01"),
                ("decision_date", "<=", f"{year}-12-31"),
            ]
        )
        if not records:
            return {}
        family = self.sudo().search([("employee_id", "in", records.employee_id.ids), ("counted_year", "!=", 0)])
        counted_roots = {}
        for other in family:
            counted_roots.setdefault(other._violation_root().id, set()).add(other.counted_year)
        result = {}
        for record in records:
            years = counted_roots.get(record._violation_root().id, set())
            if years - {year}:
                continue
            result.setdefault(record.employee_id.id, self.browse())
            result[record.employee_id.id] |= record
        return result

    @api.model
    def _under_review(self, employees):
        """Employee ids with a case under review: no award, no proposal (ND 98/2023 Art. 4)."""
        records = self.sudo().search([("employee_id", "in", employees.ids), ("state", "=", "under_review")])
        return set(records.employee_id.ids)
