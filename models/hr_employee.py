from collections import defaultdict
from datetime import datetime, time, timedelta

from pytz import utc

from odoo import fields, models

from odoo.addons.resource.models.utils import Intervals


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    civil_plan_id = fields.Many2one(
        related="job_id.civil_plan_id",
        string="Position Plan",
        groups="hr_civil_service.group_supervisor,hr_civil_service.group_org_officer",
    )

    civil_staff_type_id = fields.Many2one(
        "hr.civil.staff.type",
        string="Staff Type",
        groups="hr.group_hr_user",
        help="Cán bộ, công chức, viên chức or contract: decides the evaluation scheme.",
    )
    civil_recruitment_date = fields.Date(
        string="Recruitment Date",
        groups="hr.group_hr_user",
        help="First day in the service: months worked in a year count from here.",
    )

    civil_evaluation_count = fields.Integer(
        compute="_compute_civil_evaluation_count", string="Evaluations", groups="hr.group_hr_user"
    )

    def _compute_civil_evaluation_count(self):
        counts = dict(
            self.env["hr.civil.evaluation.line"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.civil_evaluation_count = counts.get(employee, 0)

    def action_open_civil_evaluations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evaluations of %(employee)s", employee=self.name),
            "res_model": "hr.civil.evaluation.line",
            "view_mode": "list,form",
            "domain": [("employee_id", "=", self.id)],
        }

    def _civil_day_schedule(self, date_from, date_to):
        """Each employee's days between two dates (included), from their working schedule and its leaves.

        Returns ``{employee_id: {date: {"status", "schedule_hours", "work_hours"}}}`` where ``schedule_hours``
        are the hours the schedule plans that day, ``work_hours`` what remains after leaves and public
        holidays, and ``status`` one of work, leave, holiday, off: a day with planned hours entirely taken by a public
        holiday (a leave with no resource) is ``holiday``, by the employee's own leave ``leave``. One pass per
        working schedule, whatever the number of employees.
        """
        result = {}
        by_calendar = defaultdict(lambda: self.browse())
        for employee in self:
            calendar = employee.resource_calendar_id or employee.company_id.resource_calendar_id
            by_calendar[calendar] += employee
        # One day of margin each side: intervals come back in each resource's time zone.
        start = datetime.combine(date_from - timedelta(days=1), time.min).replace(tzinfo=utc)
        end = datetime.combine(date_to + timedelta(days=2), time.min).replace(tzinfo=utc)
        days = [date_from + timedelta(days=n) for n in range((date_to - date_from).days + 1)]
        for calendar, employees in by_calendar.items():
            resources = employees.resource_id
            if calendar:
                attendances = calendar._attendance_intervals_batch(start, end, resources)
                leaves = calendar._leave_intervals_batch(start, end, resources)
            else:  # fully flexible: no planned hours
                attendances = leaves = defaultdict(Intervals)
            for employee in employees:
                rid = employee.resource_id.id
                planned, remaining = defaultdict(float), defaultdict(float)
                for begin, stop, _meta in attendances[rid]:
                    planned[begin.date()] += (stop - begin).total_seconds() / 3600
                for begin, stop, _meta in attendances[rid] - leaves[rid]:
                    remaining[begin.date()] += (stop - begin).total_seconds() / 3600
                kinds = defaultdict(set)
                for begin, stop, leave in leaves[rid]:
                    day = begin.date()
                    while day <= stop.date():
                        kinds[day].add("leave" if leave.resource_id else "holiday")
                        day += timedelta(days=1)
                schedule = {}
                for day in days:
                    hours, work = round(planned[day], 2), round(remaining[day], 2)
                    if not hours:
                        status = "off"
                    elif work > 0:
                        status = "work"
                    else:
                        status = "holiday" if "holiday" in kinds[day] else "leave"
                    schedule[day] = {"status": status, "schedule_hours": hours, "work_hours": work}
                result[employee.id] = schedule
        return result
