from odoo import fields, models


class HrWorkDiaryFlag(models.Model):
    _name = "hr.work.diary.flag"
    _description = "Work Diary Flag"
    _order = "diary_id, severity desc, id"

    diary_id = fields.Many2one("hr.work.diary", required=True, index=True, ondelete="cascade")
    line_id = fields.Many2one("hr.work.diary.line", ondelete="cascade")
    rule_id = fields.Many2one("hr.work.diary.flag.rule", required=True, ondelete="cascade")
    # precomputed: written with the INSERT, not by an UPDATE after it
    code = fields.Char(related="rule_id.code", store=True, precompute=True)
    severity = fields.Selection(related="rule_id.severity", store=True, precompute=True)
    explanation = fields.Text(required=True)
    employee_id = fields.Many2one(related="diary_id.employee_id", store=True, index=True, precompute=True)
    date = fields.Date(related="diary_id.date", store=True, precompute=True)
    company_id = fields.Many2one(related="diary_id.company_id", store=True, index=True, precompute=True)
