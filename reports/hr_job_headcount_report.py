from odoo import fields, models
from odoo.tools import SQL


class HrJobHeadcountReport(models.Model):
    _name = "hr.job.headcount.report"
    _description = "Approved vs Filled Headcount"
    _auto = False
    _order = "company_id, department_id, job_id"

    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    job_id = fields.Many2one("hr.job", string="Position", readonly=True)
    plan_id = fields.Many2one("hr.job.plan", string="Plan in Force", readonly=True)
    position_group = fields.Selection(related="job_id.civil_position_group", string="Position Group")
    approved_headcount = fields.Integer(readonly=True, aggregator="sum")
    filled_count = fields.Integer(string="Filled", readonly=True, aggregator="sum")
    gap = fields.Integer(readonly=True, aggregator="sum", help="Filled minus approved: positive means over the plan.")
    over_count = fields.Integer(
        string="Over the Plan",
        readonly=True,
        aggregator="sum",
        help="Employees above the approved headcount of the line.",
    )
    vacancy_count = fields.Integer(string="Vacancies", readonly=True, aggregator="sum")
    is_over = fields.Boolean(string="Over Headcount", readonly=True)

    @property
    def _table_query(self):
        # The plans in force match hr.job.plan._get_plans_in_force: per scope, the latest effective approved plan.
        return SQL(
            """
            WITH in_force AS (
                SELECT DISTINCT ON (company_id, COALESCE(department_id, 0)) id, company_id
                  FROM hr_job_plan
                 WHERE state = 'approved' AND effective_date <= CURRENT_DATE
              ORDER BY company_id, COALESCE(department_id, 0), effective_date DESC, id DESC
            ), figures AS (
                SELECT line.company_id, line.department_id, line.job_id, line.plan_id,
                       line.approved_headcount AS approved, 0 AS filled
                  FROM hr_job_plan_line line
                  JOIN in_force ON in_force.id = line.plan_id
                 WHERE line.job_id IS NOT NULL
             UNION ALL
                SELECT employee.company_id, employee.department_id, employee.job_id, NULL, 0, 1
                  FROM hr_employee employee
                 WHERE employee.active AND employee.job_id IS NOT NULL
            )
            SELECT ROW_NUMBER() OVER (ORDER BY company_id, department_id, job_id) AS id,
                   company_id, department_id, job_id,
                   MAX(plan_id) AS plan_id,
                   SUM(approved) AS approved_headcount,
                   SUM(filled) AS filled_count,
                   SUM(filled) - SUM(approved) AS gap,
                   GREATEST(SUM(filled) - SUM(approved), 0) AS over_count,
                   GREATEST(SUM(approved) - SUM(filled), 0) AS vacancy_count,
                   SUM(filled) > SUM(approved) AS is_over
              FROM figures
          GROUP BY company_id, department_id, job_id
            """
        )
