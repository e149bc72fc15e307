from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    civil_rank_id = fields.Many2one(readonly=True)
