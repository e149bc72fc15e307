from datetime import date

from odoo import Command, fields
from odoo.tests import new_test_user

from .common import HrCivilServiceCase

# The default "today" of the diary tests: a Wednesday. Its ISO week runs from MONDAY to SUNDAY.
WEDNESDAY = "2026-11-18 10:00:00"
TODAY = date(2026, 11, 18)
MONDAY = date(2026, 11, 16)
TUESDAY = date(2026, 11, 17)
THURSDAY = date(2026, 11, 19)
FRIDAY = date(2026, 11, 20)


class HrWorkDiaryCase(HrCivilServiceCase):
    """The work diary on top of the foundation case.

    - the staff user is the clerk of the office; the supervisor user heads the office and is the clerk's manager;
    - ``head_user`` (a supervisor) is the employee ``emp_head``, manager of the prosecution division: the
      prosecutors report to them, and nobody is above them (their sheets go to a Leader);
    - every employee works the company's standard 40 h Mon–Fri schedule, in UTC.
    """

    freeze_time = WEDNESDAY

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.company.resource_calendar_id
        cls.calendar.tz = "UTC"
        cls.head_user = new_test_user(
            cls.env,
            login="hrcs_division_head",
            groups="hr_civil_service.group_supervisor",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.emp_office_head = cls.env["hr.employee"].create(
            {
                "name": "HRCS Office Head",
                "job_id": cls.job_clerk.id,
                "department_id": cls.dept_office.id,
                "user_id": cls.supervisor.id,
            }
        )
        cls.dept_office.manager_id = cls.emp_office_head
        cls.emp_head.user_id = cls.head_user
        cls.dept_prosecution.manager_id = cls.emp_head
        cls.emp_clerk.parent_id = cls.emp_office_head
        (cls.emp_prosecutor_1 | cls.emp_prosecutor_2).parent_id = cls.emp_head
        cls.emp_clerk.work_email = "hrcs.clerk@example.com"
        cls.all_employees = (
            cls.emp_head | cls.emp_prosecutor_1 | cls.emp_prosecutor_2 | cls.emp_clerk | cls.emp_office_head
        )
        cls.all_employees.write({"resource_calendar_id": cls.calendar.id, "tz": "UTC"})

        # Tasks: C is sector-specific (only the positions listed), B and D are open to all.
        cls.task_clerk = cls._create_task(
            "HRCS.D.C1",
            name="Register incoming files",
            complexity_id=cls.level_n2.id,  # coefficient 1.2
            standard_hours=2.0,
            job_ids=[Command.set(cls.job_clerk.ids)],
        )
        cls.task_prosecutor = cls._create_task(
            "HRCS.D.C2",
            name="Draft an indictment",
            standard_hours=3.0,
            job_ids=[Command.set(cls.job_prosecutor.ids)],
        )
        cls.task_shared = cls._create_task(
            "HRCS.D.B1", name="Write a report", group_id=cls.group_b.id, standard_hours=2.0
        )
        # One hour per unit: a line of N units claims N hours by default.
        cls.task_hour = cls._create_task(
            "HRCS.D.D1", name="Reception of citizens", group_id=cls.group_d.id, standard_hours=1.0
        )
        cls.task_expired = cls._create_task(
            "HRCS.D.B2",
            name="Old reporting task",
            group_id=cls.group_b.id,
            date_to=date(2026, 10, 31),
        )
        cls.task_not_yet = cls._create_task(
            "HRCS.D.B3",
            name="Task of next year",
            group_id=cls.group_b.id,
            date_from=date(2027, 1, 1),
        )

    def setUp(self):
        super().setUp()
        # create_date comes from the database transaction: make it follow the frozen clock.
        self.patch(self.env.cr, "now", fields.Datetime.now)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @classmethod
    def _task_line(cls, task, **vals):
        return {"task_id": task.id, **vals}

    @classmethod
    def _text_line(cls, name, hours, **vals):
        """A free-text line: no catalogue task, the approver sets its converted hours."""
        return {"name": name, "claimed_hours": hours, **vals}

    def _diary(self, day=TODAY, lines=None, employee=None, user=None):
        """A draft sheet; ``lines`` is a list of line values (default: 2 h of reception)."""
        env = self.env(user=user) if user else self.env
        if lines is None:
            lines = [self._task_line(self.task_hour, quantity=2)]
        vals = {"date": day, "line_ids": [Command.create(line) for line in lines]}
        if employee is not None:
            vals["employee_id"] = employee.id
        elif not user:
            vals["employee_id"] = self.emp_clerk.id
        return env["hr.work.diary"].create(vals)

    def _day(self, day, hours, employee=None, copied=False, submit=True):
        """A sheet claiming ``hours`` of reception, submitted by default."""
        diary = self._diary(day, [self._task_line(self.task_hour, quantity=hours)], employee=employee)
        if copied:
            diary.line_ids.with_context(civil_diary_workflow=True).write({"is_copied": True})
        if submit:
            diary.action_submit()
        return diary

    def _approved(self, day=TODAY, employee=None, lines=None):
        diary = self._diary(day, lines, employee=employee)
        diary.action_submit()
        diary.action_approve()
        return diary

    def _diary_count(self, employee=None):
        return self._count("hr.work.diary", [("employee_id", "=", (employee or self.emp_clerk).id)])

    @staticmethod
    def _codes(diary):
        return set(diary.flag_ids.mapped("code"))

    def _last_message(self, diary):
        return diary.message_ids.sorted("id")[-1:]
