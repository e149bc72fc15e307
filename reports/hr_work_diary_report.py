from odoo import fields, models
from odoo.tools import SQL

from ..models.hr_work_diary import DIARY_STATES


class HrWorkDiaryReport(models.Model):
    """Converted hours by employee, unit, task group, task and period: one row per diary line."""

    _name = "hr.work.diary.report"
    _description = "Work Diary Analysis"
    _auto = False
    _order = "date desc, employee_id"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    job_id = fields.Many2one("hr.job", string="Position", readonly=True)
    approver_id = fields.Many2one("res.users", readonly=True)
    diary_id = fields.Many2one("hr.work.diary", string="Diary Sheet", readonly=True)
    task_id = fields.Many2one("hr.job.task", string="Catalogue Task", readonly=True)
    task_group_id = fields.Many2one("hr.job.task.group", readonly=True)
    role = fields.Selection([("lead", "Lead"), ("support", "Supporting")], readonly=True)
    state = fields.Selection(DIARY_STATES, string="Status", readonly=True)
    is_free_text = fields.Boolean(string="Free Text", readonly=True)
    is_late = fields.Boolean(string="Late for KPI", readonly=True)
    quantity = fields.Float(readonly=True, aggregator="sum")
    standard_hours = fields.Float(readonly=True, aggregator="sum")
    claimed_hours = fields.Float(readonly=True, aggregator="sum")
    converted_hours = fields.Float(readonly=True, aggregator="sum")
    line_count = fields.Integer(string="Tasks", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT line.id, line.date, line.company_id, line.employee_id, line.department_id,
                   diary.job_id, diary.approver_id, line.diary_id, line.task_id, task.group_id AS task_group_id,
                   line.role, diary.state, line.task_id IS NULL AS is_free_text,
                   COALESCE(diary.is_late, FALSE) AS is_late,
                   line.quantity, line.standard_hours, line.claimed_hours, line.converted_hours, 1 AS line_count
              FROM hr_work_diary_line line
              JOIN hr_work_diary diary ON diary.id = line.diary_id
         LEFT JOIN hr_job_task task ON task.id = line.task_id
            """
        )
