from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_civil_rank import RANK_LEVELS


class HrCivilRankCap(models.Model):
    _name = "hr.civil.rank.cap"
    _description = "Rank Share Cap"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    rank_level = fields.Selection(
        RANK_LEVELS,
        string="Tier",
        required=True,
        default="senior",
        help="Every rank of this tier counts against the cap.",
    )
    max_share = fields.Float(
        string="Maximum Share (%)",
        required=True,
        help="Highest share of the department's approved headcount that may hold ranks of this tier.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Departments the cap applies to. A cap without departments applies to none: "
        "assign it to the units whose kind of work it describes.",
    )
    legal_basis = fields.Char(help="e.g. Nghị định 361/2025/NĐ-CP")
    date_from = fields.Date(string="Valid From")
    date_to = fields.Date(string="Valid To")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.constrains("max_share")
    def _check_max_share(self):
        for cap in self:
            if not 0 < cap.max_share <= 100:
                raise ValidationError(self.env._("The maximum share of a rank cap must be between 0 and 100 percent."))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for cap in self:
            if cap.date_from and cap.date_to and cap.date_from > cap.date_to:
                raise ValidationError(
                    self.env._("The end date of the rank cap '%(name)s' is before its start date.", name=cap.name)
                )

    def _is_valid_on(self, date):
        self.ensure_one()
        return (not self.date_from or self.date_from <= date) and (not self.date_to or self.date_to >= date)
