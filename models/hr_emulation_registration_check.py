from odoo import api, fields, models

EVIDENCE_MODELS = [
    ("hr.civil.evaluation.line", "Evaluation"),
    ("hr.civil.discipline", "Discipline"),
    ("hr.initiative", "Initiative"),
    ("hr.emulation.registration", "Registration"),
    ("hr.employee", "Employee"),
    ("hr.department", "Unit"),
]


class HrEmulationRegistrationCheck(models.Model):
    """One criterion of a registration's eligibility, as found by the last check, with the record it rests on."""

    _name = "hr.emulation.registration.check"
    _description = "Eligibility Criterion"
    _order = "registration_id, sequence, id"

    registration_id = fields.Many2one("hr.emulation.registration", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="registration_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Technical key of the criterion.")
    name = fields.Char(string="Criterion", required=True, translate=True)
    passed = fields.Boolean()
    result = fields.Selection([("pass", "Pass"), ("fail", "Fail")], compute="_compute_result", store=True)
    evidence = fields.Char(help="The fact found.", translate=True)
    evidence_ref = fields.Reference(EVIDENCE_MODELS, string="Evidence Record")

    @api.depends("passed")
    def _compute_result(self):
        for line in self:
            line.result = "pass" if line.passed else "fail"
