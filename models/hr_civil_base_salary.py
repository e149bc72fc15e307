from odoo import api, fields, models
from odoo.tools import float_round


class HrCivilBaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date: bonuses are multiples of the amount in force on the
    decision date. A new decree adds a record."""

    _name = "hr.civil.base.salary"
    _description = "Base Salary"
    _order = "date_from desc, id desc"

    date_from = fields.Date(string="In Force From", required=True, index=True)
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one("res.currency", required=True, default=lambda self: self.env.ref("base.VND"))
    legal_basis = fields.Char(translate=True)
    company_id = fields.Many2one("res.company", index=True, help="Empty: the national base salary.")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "The base salary must be positive."),
        ("date_company_uniq", "unique(date_from, company_id)", "Only one base salary starts on a given date."),
    ]

    @api.depends("date_from", "amount")
    def _compute_display_name(self):
        for salary in self:
            salary.display_name = (
                f"{salary.amount:,.0f} ({salary.date_from.strftime('%d/%m/%Y')})" if (salary.date_from) else ""
            )

    @api.model
    def _amount_on(self, day, company=None):
        """The base salary in force on ``day``: the agency's own record first, else the national one."""
        company = company or self.env.company
        found = [
            self.sudo().search([("date_from", "<=", day), ("company_id", "=", company_value)], limit=1)
            for company_value in (company.id, False)
        ]
        found = [record for record in found if record]
        if not found:
            return 0.0
        # the latest in force; the agency's own record wins a tie
        return max(found, key=lambda record: (record.date_from, bool(record.company_id))).amount

    @api.model
    def _bonus(self, multiple, day, company=None):
        """``multiple`` × the base salary on ``day``, rounded to the đồng."""
        return float_round((multiple or 0.0) * self._amount_on(day, company), precision_digits=0)
