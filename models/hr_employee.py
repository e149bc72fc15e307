from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    civil_plan_id = fields.Many2one(
        related="job_id.civil_plan_id",
        string="Position Plan",
        groups="hr_civil_service.group_supervisor,hr_civil_service.group_org_officer",
    )
