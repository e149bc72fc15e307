from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.models import PREFETCH_MAX
from odoo.tools import SQL, sql

from .hr_employee import civil_fetch_columns

DAYS_PER_MONTH = 30.4375


class HrCivilKpi(models.AbstractModel):
    """The one KPI function: the evaluation wizard, the screens, the PDFs, the XLSX and the tests all call
    :meth:`compute`, so that every figure printed comes from the same stored rows.

    For a period and a set of employees, from approved diary sheets only (ND 335/2025 Art. 14):

    - assigned = standard hours of the period: working days × schedule hours, minus leave and holidays;
    - quantity = converted hours completed ÷ assigned;
    - quality = converted hours of products without a major-error return ÷ assigned, each major-error return
      of a product taking ``error_penalty`` % of that product's share (none with a confirmed objective cause);
    - progress = (converted hours on time + directives on time) ÷ (assigned + directives), each delay taking
      ``delay_penalty`` % of the product's share, floor 0; a directive (action item) due in the period weighs
      ``action_item_hours`` and counts one delay when done after its deadline or still open past it;
    - own task points = task points × (quantity share × min(quantity, 1) + quality share × min(quality, 1)
      + progress share × min(progress, 1)).

    Reads with a fixed number of grouped queries, whatever the number of employees.
    """

    _name = "hr.civil.kpi"
    _description = "KPI from the Work Diary"

    def init(self):
        """A covering index for the diary query of :meth:`_diary_totals`: the approved lines of a set of people
        over a period are read from this index alone (an index-only scan), not from the wide table. At 1,000
        people and 300,000 lines a quarter it halves the query's time (benchmarks/REPORT.md)."""
        if not sql.table_exists(self.env.cr, "hr_work_diary_line"):
            return
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS hr_work_diary_line_kpi_index
                    ON hr_work_diary_line (employee_id, date)
                    INCLUDE (converted_hours, major_error_count, delay_count, objective_cause)
                 WHERE state = 'approved'
                """
            )
        )

    @api.model
    def compute(self, employees, date_from, date_to, schemes=None):
        """KPI per employee id: a dict of hours, counts, ratios (percent, uncapped) and, when a scheme is
        known (``schemes``: {employee_id: scheme}), the own task points."""
        employees = employees.sudo()
        schemes = schemes or {}
        result = {
            employee.id: {
                "standard_hours": 0.0,
                "converted_hours": 0.0,
                "quality_hours": 0.0,
                "progress_hours": 0.0,
                "line_count": 0,
                "error_count": 0,
                "delay_count": 0,
                "action_item_count": 0,
                "action_item_delay_count": 0,
                "action_item_on_time": 0.0,
            }
            for employee in employees
        }
        if not employees:
            return result
        if len(employees) > PREFETCH_MAX:  # one query, not one per 1,000 people
            civil_fetch_columns(employees)
            employees.fetch(["civil_recruitment_date"])
        schedule = employees._civil_day_schedule(date_from, date_to)
        for employee_id, days in schedule.items():
            result[employee_id]["standard_hours"] = round(sum(day["work_hours"] for day in days.values()), 2)

        penalties = {employee_id: self._penalties(schemes.get(employee_id)) for employee_id in result}
        for row in self._diary_totals(employees, date_from, date_to):
            values = result[row["employee_id"]]
            error_penalty, delay_penalty = penalties[row["employee_id"]][:2]
            values["converted_hours"] = row["converted"]
            values["line_count"] = row["line_count"]
            values["error_count"] = row["errors"]
            values["delay_count"] = row["delays"]
            # Deductions are linear in the counts until the floor: the SQL returns each product's hours by its
            # number of errors and delays, so that any penalty can be applied here without a second query.
            values["quality_hours"] = sum(
                hours * max(0.0, 1 - error_penalty / 100.0 * count) for count, hours in row["by_errors"]
            )
            values["progress_hours"] = sum(
                hours * max(0.0, 1 - delay_penalty / 100.0 * count) for count, hours in row["by_delays"]
            )
        for employee_id, items in self._action_items(employees, date_from, date_to).items():
            values = result[employee_id]
            delay_penalty = penalties[employee_id][1]
            values["action_item_count"] = len(items)
            values["action_item_delay_count"] = sum(items)
            values["action_item_on_time"] = sum(max(0.0, 1 - delay_penalty / 100.0 * delays) for delays in items)

        months = self._months(employees, date_from, date_to)
        for employee in employees:
            values = result[employee.id]
            values.update(months[employee.id])
            item_hours = penalties[employee.id][2]
            assigned = values["standard_hours"]
            progress_assigned = assigned + values["action_item_count"] * item_hours
            values["quantity_ratio"] = 100.0 * values["converted_hours"] / assigned if assigned else 0.0
            values["quality_ratio"] = 100.0 * values["quality_hours"] / assigned if assigned else 0.0
            values["progress_ratio"] = (
                100.0 * (values["progress_hours"] + values["action_item_on_time"] * item_hours) / progress_assigned
                if progress_assigned
                else 0.0
            )
            scheme = schemes.get(employee.id)
            values["own_task_points"] = self._task_points(scheme, values) if scheme else 0.0
        return result

    @api.model
    def _penalties(self, scheme):
        if not scheme:
            return 25.0, 25.0, 4.0
        return scheme.error_penalty, scheme.delay_penalty, scheme.action_item_hours

    @api.model
    def _task_points(self, scheme, values):
        share = (
            scheme.quantity_share * min(values["quantity_ratio"], 100.0)
            + scheme.quality_share * min(values["quality_ratio"], 100.0)
            + scheme.progress_share * min(values["progress_ratio"], 100.0)
        ) / 10000.0
        return round(scheme.task_points * share, 2)

    @api.model
    def _diary_totals(self, employees, date_from, date_to):
        """Approved diary lines of the period by employee, with the hours split by number of errors and
        delays: one grouped query, read from the covering index of :meth:`init`."""
        self.env["hr.work.diary.line"].flush_model(
            ["employee_id", "date", "state", "converted_hours", "major_error_count", "delay_count", "objective_cause"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT employee_id,
                       CASE WHEN objective_cause THEN 0 ELSE COALESCE(major_error_count, 0) END AS errors,
                       CASE WHEN objective_cause THEN 0 ELSE COALESCE(delay_count, 0) END AS delays,
                       SUM(converted_hours) AS hours,
                       COUNT(*) AS line_count
                  FROM hr_work_diary_line
                 WHERE state = 'approved'
                   AND employee_id = ANY(%(employees)s)
                   AND date BETWEEN %(date_from)s AND %(date_to)s
              GROUP BY employee_id, 2, 3
                """,
                employees=employees.ids,
                date_from=date_from,
                date_to=date_to,
            )
        )
        rows = {}
        for employee_id, errors, delays, hours, line_count in self.env.cr.fetchall():
            row = rows.setdefault(
                employee_id,
                {
                    "employee_id": employee_id,
                    "converted": 0.0,
                    "line_count": 0,
                    "errors": 0,
                    "delays": 0,
                    "by_errors": defaultdict(float),
                    "by_delays": defaultdict(float),
                },
            )
            hours = hours or 0.0
            row["converted"] += hours
            row["line_count"] += line_count
            row["errors"] += errors * line_count if errors else 0
            row["delays"] += delays * line_count if delays else 0
            row["by_errors"][errors] += hours
            row["by_delays"][delays] += hours
        for row in rows.values():
            row["by_errors"] = list(row["by_errors"].items())
            row["by_delays"] = list(row["by_delays"].items())
            row["converted"] = round(row["converted"], 2)
        return list(rows.values())

    @api.model
    def _action_items(self, employees, date_from, date_to):
        """Directives due in the period per assignee: a list with the number of delays of each."""
        today = fields.Date.context_today(self)
        end = min(date_to, today)
        items = (
            self.env["hr.civil.action.item"]
            .sudo()
            .search_fetch(
                [
                    ("assignee_ids", "in", employees.ids),
                    ("deadline", ">=", date_from),
                    ("deadline", "<=", date_to),
                    ("cancelled", "=", False),
                ],
                ["assignee_ids", "deadline", "done_date", "state"],
            )
        )
        wanted = set(employees.ids)
        result = defaultdict(list)
        for item in items:
            if item.done_date:
                late = item.done_date > item.deadline
            else:
                late = item.deadline < end
            for assignee_id in item.assignee_ids.ids:
                if assignee_id in wanted:
                    result[assignee_id].append(1 if late else 0)
        return result

    @api.model
    def _months(self, employees, date_from, date_to):
        """Months in service in the period, months off (leave other than maternity) and months of maternity
        leave, from the recruitment date and the employees' own leaves: two queries."""
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search_fetch(
                [
                    ("resource_id", "in", employees.resource_id.ids),
                    ("date_from", "<=", fields.Datetime.to_datetime(date_to) + timedelta(days=1)),
                    ("date_to", ">=", fields.Datetime.to_datetime(date_from)),
                ],
                ["resource_id", "date_from", "date_to", "civil_leave_kind"],
            )
        )
        off_days, maternity_days = defaultdict(int), defaultdict(int)
        for leave in leaves:
            first = max(leave.date_from.date(), date_from)
            last = min(leave.date_to.date(), date_to)
            if last < first:
                continue
            days = (last - first).days + 1
            if leave.civil_leave_kind == "maternity":
                maternity_days[leave.resource_id.id] += days
            else:
                off_days[leave.resource_id.id] += days
        result = {}
        for employee in employees:
            start = max(date_from, employee.civil_recruitment_date or date_from)
            in_service = max(0, (date_to - start).days + 1)
            off = min(off_days[employee.resource_id.id], in_service)
            result[employee.id] = {
                "months_in_service": round(in_service / DAYS_PER_MONTH, 1),
                "months_off": round(off / DAYS_PER_MONTH, 1),
                "maternity_months": round(maternity_days[employee.resource_id.id] / DAYS_PER_MONTH, 1),
                "months_worked": round((in_service - off) / DAYS_PER_MONTH, 1),
            }
        return result
