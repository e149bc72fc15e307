from odoo import fields, models


class HrWorkDiaryFlag(models.Model):
    _name = "hr.work.diary.flag"
    _description = "Work Diary Flag"
    _order = "diary_id, severity desc, id"

    diary_id = fields.Many2one("hr.work.diary", required=True, index=True, ondelete="cascade")
    line_id = fields.Many2one("hr.work.diary.line", ondelete="cascade")
    rule_id = fields.Many2one("hr.work.diary.flag.rule", required=True, ondelete="cascade")
    code = fields.Char(related="rule_id.code", store=True)
    severity = fields.Selection(related="rule_id.severity", store=True)
    explanation = fields.Text(required=True)
    employee_id = fields.Many2one(related="diary_id.employee_id", store=True, index=True)
    date = fields.Date(related="diary_id.date", store=True)
    company_id = fields.Many2one(related="diary_id.company_id", store=True, index=True)
