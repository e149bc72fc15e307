from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrCommendationRecipient(models.Model):
    """A person or a unit commended by a decision, with their bonus."""

    _name = "hr.commendation.recipient"
    _description = "Commendation Recipient"
    _order = "commendation_id, id"
    _check_company_auto = True

    commendation_id = fields.Many2one("hr.commendation", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="commendation_id.company_id", store=True, index=True)
    state = fields.Selection(related="commendation_id.state", store=True)
    year = fields.Integer(aggregator=False, related="commendation_id.year", store=True)
    employee_id = fields.Many2one("hr.employee", string="Person", index=True, check_company=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        index=True,
        check_company=True,
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    partner_id = fields.Many2one("res.partner", string="External Recipient", index=True)
    is_collective = fields.Boolean(compute="_compute_is_collective", store=True, string="Collective")
    currency_id = fields.Many2one(related="commendation_id.currency_id")
    amount = fields.Monetary(compute="_compute_amount", store=True, string="Bonus")

    @api.depends("employee_id")
    def _compute_department_id(self):
        for recipient in self:
            if recipient.employee_id:
                recipient.department_id = recipient.employee_id.department_id

    @api.depends("employee_id")
    def _compute_is_collective(self):
        for recipient in self:
            recipient.is_collective = not recipient.employee_id

    @api.depends("commendation_id.bonus_multiple", "commendation_id.decision_date", "commendation_id.company_id")
    def _compute_amount(self):
        Salary = self.env["hr.civil.base.salary"]
        for recipient in self:
            commendation = recipient.commendation_id
            day = commendation.decision_date or fields.Date.context_today(self)
            recipient.amount = Salary._bonus(commendation.bonus_multiple, day, commendation.company_id)

    @api.depends("employee_id", "department_id", "partner_id")
    def _compute_display_name(self):
        for recipient in self:
            recipient.display_name = (
                recipient.employee_id or recipient.department_id or recipient.partner_id
            ).display_name or ""

    @api.constrains("employee_id", "department_id", "partner_id")
    def _check_recipient(self):
        for recipient in self:
            if not (recipient.employee_id or recipient.department_id or recipient.partner_id):
                raise ValidationError(self.env._("A recipient is a person or a unit."))
