from odoo import fields, models


class HrJobCompetency(models.Model):
    _name = "hr.job.competency"
    _description = "Required Competency of a Position"
    _order = "job_id, competency_category, sequence, id"
    _check_company_auto = True

    job_id = fields.Many2one("hr.job", string="Position", required=True, index=True, ondelete="cascade")
    competency_id = fields.Many2one("hr.competency", required=True, ondelete="restrict", check_company=True)
    competency_category = fields.Selection(related="competency_id.category", store=True)
    sequence = fields.Integer(related="competency_id.sequence", store=True)
    required_level = fields.Selection(
        [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3"), ("4", "Level 4"), ("5", "Level 5")],
        required=True,
        default="3",
        help="Level of the competency the position requires, on the five-level scale of the framework.",
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("job_competency_uniq", "unique(job_id, competency_id)", "A competency is listed once per position."),
    ]
