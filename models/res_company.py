from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    civil_max_complexity_coefficient = fields.Float(
        string="Maximum Complexity Coefficient",
        default=3.0,
        help="Highest complexity coefficient a standard task may carry in this agency. "
        "There is no national table of coefficients: each agency sets its own.",
    )

    @api.constrains("civil_max_complexity_coefficient")
    def _check_civil_max_complexity_coefficient(self):
        for company in self:
            maximum = company.civil_max_complexity_coefficient
            if maximum <= 0:
                raise ValidationError(_("The maximum complexity coefficient must be greater than zero."))
            above = self.env["hr.job.task"].sudo().with_context(active_test=False).search_count(
                [("company_id", "=", company.id), ("coefficient", ">", maximum)]
            )
            above += self.env["hr.job.task.complexity"].sudo().with_context(active_test=False).search_count(
                [("company_id", "in", [company.id, False]), ("coefficient", ">", maximum)]
            )
            if above:
                raise ValidationError(
                    _(
                        "%(count)s standard tasks or complexity levels of %(company)s carry a coefficient above "
                        "%(maximum)s: lower them before lowering the maximum.",
                        count=above,
                        company=company.name,
                        maximum=maximum,
                    )
                )
