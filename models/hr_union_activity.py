from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

UNION_ACTIVITY_TYPES = [
    ("welfare_visit", "Welfare Visit"),
    ("support", "Support"),
    ("donation", "Donation"),
    ("blood_donation", "Blood Donation"),
    ("dialogue", "Dialogue"),
    ("other", "Other"),
]


class HrUnionActivity(models.Model):
    """An activity of the agency's trade union (công đoàn cơ sở): welfare visits (thăm hỏi) on illness,
    bereavement or childbirth, support (hỗ trợ) to members in hardship, donations (ủng hộ), blood donation drives
    (hiến máu tình nguyện) with their donors, and workplace dialogues (đối thoại tại nơi làm việc)."""

    _name = "hr.union.activity"
    _description = "Trade Union Activity"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, index="trigram")
    activity_type = fields.Selection(UNION_ACTIVITY_TYPES, string="Type", required=True, default="welfare_visit")
    date = fields.Date(required=True, index=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True, aggregator=False)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    movement_id = fields.Many2one("hr.emulation.movement", check_company=True, index=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Member Concerned",
        check_company=True,
        index=True,
        help="The member visited or supported.",
    )
    beneficiary = fields.Char(help="Who receives the visit, support or donation, when not a member of the agency.")
    amount = fields.Monetary(tracking=True, help="Money spent or given by the union.")
    participant_ids = fields.One2many("hr.union.activity.participant", "activity_id", string="Participants", copy=False)
    participant_count = fields.Integer(compute="_compute_participant_count", store=True, string="Participants (count)")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="done",
        required=True,
        tracking=True,
    )
    description = fields.Text()

    _sql_constraints = [("amount_positive", "CHECK(amount >= 0)", "The amount cannot be negative.")]

    @api.depends("date")
    def _compute_year(self):
        for activity in self:
            activity.year = activity.date.year if activity.date else 0

    @api.depends("participant_ids")
    def _compute_participant_count(self):
        for activity in self:
            activity.participant_count = len(activity.participant_ids)

    @api.constrains("activity_type", "amount")
    def _check_amount(self):
        for activity in self:
            if activity.activity_type == "dialogue" and activity.amount:
                raise ValidationError(self.env._("A dialogue has no amount."))

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    @api.model
    def _yearly_summary(self, year, company=None):
        """Totals of the union's done activities of ``year``: per type and overall, the number of activities,
        of participants and the amount. The pivot, the PDF and the tests all read this one function.

        Returns ``{"year", "company", "currency", "rows": [{"type", "label", "count", "participants",
        "amount"}] (every type, in the order of the selection), "total": {"count", "participants", "amount"}}``.
        """
        company = company or self.env.company
        groups = self._read_group(
            [("year", "=", year), ("state", "=", "done"), ("company_id", "=", company.id)],
            ["activity_type"],
            ["__count", "participant_count:sum", "amount:sum"],
        )
        values = defaultdict(lambda: (0, 0, 0.0))
        for activity_type, count, participants, amount in groups:
            values[activity_type] = (count, participants or 0, amount or 0.0)
        labels = dict(self._fields["activity_type"]._description_selection(self.env))
        rows = [
            {
                "type": key,
                "label": labels[key],
                "count": values[key][0],
                "participants": values[key][1],
                "amount": values[key][2],
            }
            for key, _label in UNION_ACTIVITY_TYPES
        ]
        return {
            "year": year,
            "company": company,
            "currency": company.currency_id,
            "rows": rows,
            "total": {
                "count": sum(row["count"] for row in rows),
                "participants": sum(row["participants"] for row in rows),
                "amount": company.currency_id.round(sum(row["amount"] for row in rows)),
            },
        }
