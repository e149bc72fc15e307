from odoo import fields, models


class HrJobDuty(models.Model):
    _name = "hr.job.duty"
    _description = "Job Description Task"
    _order = "job_id, sequence, id"

    job_id = fields.Many2one("hr.job", string="Position", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Task", required=True, help="A task of the job description (bản mô tả công việc).")
    evaluation_criterion = fields.Text(
        help="How the fulfilment of this task is evaluated (tiêu chí đánh giá) — Công văn 7583/BNV-TCBC."
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True, index=True)
