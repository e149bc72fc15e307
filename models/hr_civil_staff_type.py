from odoo import fields, models


class HrCivilStaffType(models.Model):
    """The legal status of an official, which decides the evaluation scheme that applies to them."""

    _name = "hr.civil.staff.type"
    _description = "Staff Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [("code_uniq", "unique(code)", "The code of a staff type must be unique.")]
