"""Fill a fresh database with a province-sized agency for the benchmark.

    python3 benchmarks/generate.py -d hrcs_bench_1000 --employees 1000 [odoo options]

The database must have ``hr_civil_service`` and ``analytic`` installed without demo data. What is created:

- structure, through the ORM (batch ``create``): an agency department, divisions of about five units, units of
  about 20 people, a head per unit and division and a director (the manager tree: member → unit head →
  division head → director), 8 positions, a 40-task catalogue in the four groups, user accounts for the
  heads and for ``--staff-users`` staff (login = password, for the portal and load tests), the public holidays
  and a few personal leaves of the quarter, weekly unit meetings (held, attendance) with two directives each;
- one quarter of diaries, 5 lines per working day per person (mostly approved, some returned, some submitted,
  some approved late), through SQL ``COPY``: 325,000 lines at 1,000 people. The ORM would take about
  1–2 ms a line (stored related and computed fields, constraints, the sheet lookup of every line), 10 minutes
  at 1,000 people and close to an hour at 5,000; COPY takes seconds. The ORM's invariants are kept by
  computing every stored field the way its compute method does (related fields copied from the sheet,
  standard = task hours × quantity, coefficient of the task, role factor of the company, converted =
  standard × coefficient × role factor, delay count, the sheet's totals and approver) and ``--verify``
  recomputes a sample through the ORM and compares;
- the same number of ``account.analytic.line`` rows (the peer: Odoo's own timesheet lines), one per diary line,
  on the employee's work contact, also by COPY;
- the directives' progress and done dates recomputed through the ORM from the diary lines that serve them.
"""

import io
import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from _odoo import environment, log, parse

from odoo.tools import float_round

HOLIDAYS = {(1, 1), (4, 30), (5, 1), (9, 1), (9, 2)}  # fixed public holidays (Labour Code 2019 Art. 112)
TZ_OFFSET = timedelta(hours=7)  # Asia/Ho_Chi_Minh, no daylight saving
LINES_PER_DAY = 5

JOBS = [  # key, name, position group
    ("director", "Viện trưởng", "leadership"),
    ("div_head", "Trưởng phòng", "leadership"),
    ("unit_head", "Phó trưởng phòng", "leadership"),
    ("prosecutor", "Kiểm sát viên", "professional"),
    ("investigator", "Kiểm tra viên", "professional"),
    ("specialist", "Chuyên viên", "shared"),
    ("clerk", "Văn thư", "support"),
    ("driver", "Lái xe", "support"),
]
MEMBER_JOBS = [("prosecutor", 50), ("investigator", 15), ("specialist", 20), ("clerk", 10), ("driver", 5)]
TASKS = {  # group code → (count, jobs, names)
    "a": (6, ("director", "div_head", "unit_head"), "Chỉ đạo, điều hành, duyệt văn bản"),
    "c": (18, ("prosecutor", "investigator", "unit_head"), "Kiểm sát hồ sơ vụ án, báo cáo đề xuất"),
    "b": (6, (), "Học tập, bồi dưỡng, sinh hoạt chuyên đề"),
    "d": (10, (), "Công việc hành chính, tổng hợp, lưu trữ"),
}
HOURS = [0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0]


def add_arguments(parser):
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--quarter", help="YYYY-Qn; default: the last complete quarter")
    parser.add_argument("--staff-users", type=int, default=60, help="staff members who get a login")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--verify", type=int, default=300, help="lines recomputed through the ORM and compared")


def quarter_bounds(text):
    if text:
        year, quarter = text.upper().split("-Q")
        year, quarter = int(year), int(quarter)
    else:
        today = date.today()
        year, quarter = today.year, (today.month - 1) // 3  # the previous one
        if quarter == 0:
            year, quarter = year - 1, 4
    start = date(year, 3 * quarter - 2, 1)
    end = (date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)) - timedelta(days=1)
    return start, end


def local_to_utc(day, hour):
    return datetime.combine(day, time(hour)) - TZ_OFFSET


class Generator:
    def __init__(self, env, args):
        self.env = env
        self.args = args
        self.rng = random.Random(args.seed)
        self.company = env.ref("base.main_company")
        self.date_from, self.date_to = quarter_bounds(args.quarter)
        self.now = datetime.now().replace(microsecond=0)

    # ------------------------------------------------------------------
    def run(self):
        env = self.env
        if env["hr.work.diary"].search_count([]):
            raise SystemExit("The database already has diaries: generate into a fresh database.")
        self.company.write({"name": "Viện kiểm sát nhân dân tỉnh (benchmark)", "civil_diary_backdate_days": 7})
        self.calendar = self.company.resource_calendar_id
        self.calendar.tz = "Asia/Ho_Chi_Minh"
        self.make_structure()
        self.make_catalogue()
        self.make_leaves()
        self.make_meetings()
        self.make_diaries()
        self.make_peer_lines()
        self.recompute_items()
        if self.args.verify:
            self.verify(self.args.verify)
        self.make_open_days()
        log("done")

    # ------------------------------------------------------------------
    def make_structure(self):
        env, n = self.env, self.args.employees
        Job = env["hr.job"]
        self.jobs = {
            key: job
            for (key, _name, _group), job in zip(
                JOBS,
                Job.create(
                    [
                        {"name": name, "civil_position_group": group, "company_id": self.company.id}
                        for _key, name, group in JOBS
                    ]
                ),
                strict=True,
            )
        }
        units = max(2, n // 20)
        divisions = max(1, units // 5)
        Department = env["hr.department"].with_context(tracking_disable=True)
        root = Department.create({"name": "Viện kiểm sát (benchmark)", "company_id": self.company.id})
        self.divisions = Department.create(
            [
                {"name": f"Phòng {d + 1:03d}", "parent_id": root.id, "company_id": self.company.id}
                for d in range(divisions)
            ]
        )
        self.units = Department.create(
            [
                {
                    "name": f"Tổ {u + 1:04d}",
                    "parent_id": self.divisions[u % divisions].id,
                    "company_id": self.company.id,
                }
                for u in range(units)
            ]
        )
        self.root = root
        staff_types = [
            env.ref("hr_civil_service.hr_civil_staff_type_civil_servant"),
            env.ref("hr_civil_service.hr_civil_staff_type_public_employee"),
            env.ref("hr_civil_service.hr_civil_staff_type_contract"),
        ]
        groups = {key: env.ref(f"hr_civil_service.group_{key}") for key in ("staff", "supervisor", "leader", "manager")}
        members = n - 1 - divisions - units
        if members < units:
            raise SystemExit("Too few employees for the structure: use at least 60.")
        user_vals = [("bench_director", "Giám đốc Benchmark", [groups["leader"], groups["manager"]])]
        user_vals += [
            (f"bench_div_{d + 1:03d}", f"Trưởng phòng {d + 1:03d}", [groups["leader"]]) for d in range(divisions)
        ]
        user_vals += [
            (f"bench_head_{u + 1:04d}", f"Tổ trưởng {u + 1:04d}", [groups["supervisor"]]) for u in range(units)
        ]
        user_vals += [
            (f"bench_staff_{s + 1:04d}", f"Cán bộ {s + 1:04d}", [groups["staff"]])
            for s in range(min(self.args.staff_users, members))
        ]
        log(f"users: {len(user_vals)}")
        users = (
            env["res.users"]
            .with_context(no_reset_password=True, tracking_disable=True)
            .create(
                [
                    {
                        "login": login,
                        "password": login,
                        "name": name,
                        "email": f"{login}@benchmark.invalid",
                        "lang": "en_US",
                        "tz": "Asia/Ho_Chi_Minh",
                        "company_id": self.company.id,
                        "company_ids": [(6, 0, self.company.ids)],
                        "groups_id": [(6, 0, [g.id for g in grps])],
                    }
                    for login, name, grps in user_vals
                ]
            )
        )
        self.users = {user.login: user for user in users}
        Employee = env["hr.employee"].with_context(tracking_disable=True, mail_create_nolog=True)

        def emp(name, dept, job, parent=None, user=None):
            return {
                "name": name,
                "department_id": dept.id,
                "job_id": self.jobs[job].id,
                "parent_id": parent.id if parent else False,
                "user_id": user.id if user else False,
                "company_id": self.company.id,
                "resource_calendar_id": self.calendar.id,
                "tz": "Asia/Ho_Chi_Minh",
                "civil_staff_type_id": self.rng.choices(staff_types, (80, 15, 5))[0].id,
                "civil_recruitment_date": date(self.rng.randint(1995, 2024), self.rng.randint(1, 12), 1),
            }

        director = Employee.create(emp("Giám đốc Benchmark", root, "director", user=self.users["bench_director"]))
        root.manager_id = director
        div_heads = Employee.create(
            [
                emp(f"Trưởng phòng {d + 1:03d}", div, "div_head", director, self.users[f"bench_div_{d + 1:03d}"])
                for d, div in enumerate(self.divisions)
            ]
        )
        for div, head in zip(self.divisions, div_heads, strict=True):
            div.manager_id = head
        unit_heads = Employee.create(
            [
                emp(
                    f"Tổ trưởng {u + 1:04d}",
                    unit,
                    "unit_head",
                    div_heads[u % divisions],
                    self.users[f"bench_head_{u + 1:04d}"],
                )
                for u, unit in enumerate(self.units)
            ]
        )
        for unit, head in zip(self.units, unit_heads, strict=True):
            unit.manager_id = head
        job_keys, job_weights = zip(*MEMBER_JOBS, strict=True)
        member_vals = []
        for m in range(members):
            u = m % units
            login = f"bench_staff_{m + 1:04d}"
            member_vals.append(
                emp(
                    f"Nhân viên {m + 1:05d}",
                    self.units[u],
                    self.rng.choices(job_keys, job_weights)[0],
                    unit_heads[u],
                    self.users.get(login),
                )
            )
        log(f"employees: {n}")
        self.employees = director | div_heads | unit_heads | Employee.create(member_vals)

    def make_catalogue(self):
        env = self.env
        levels = [env.ref(f"hr_civil_service.hr_job_task_complexity_n{i}") for i in range(1, 6)]
        vals = []
        for code, (count, jobs, name) in TASKS.items():
            group = env.ref(f"hr_civil_service.hr_job_task_group_{code}")
            for i in range(count):
                vals.append(
                    {
                        "code": f"{code.upper()}.{i + 1:02d}",
                        "name": f"{name} ({code.upper()}.{i + 1:02d})",
                        "group_id": group.id,
                        "standard_hours": self.rng.choice(HOURS),
                        "complexity_id": self.rng.choice(levels).id,
                        "company_id": self.company.id,
                        "job_ids": [(6, 0, [self.jobs[j].id for j in jobs])],
                    }
                )
        self.tasks = env["hr.job.task"].create(vals)
        self.tasks_by_job = {}
        for job in self.jobs.values():
            self.tasks_by_job[job.id] = [t for t in self.tasks if t.group_id.open_to_all or job in t.job_ids]

    def make_leaves(self):
        env = self.env
        Leave = env["resource.calendar.leaves"]
        vals = []
        day = self.date_from
        self.holidays = set()
        while day <= self.date_to:
            if (day.month, day.day) in HOLIDAYS:
                self.holidays.add(day)
                vals.append(
                    {
                        "name": "Nghỉ lễ",
                        "calendar_id": self.calendar.id,
                        "company_id": self.company.id,
                        "date_from": local_to_utc(day, 0),
                        "date_to": local_to_utc(day, 23) + timedelta(minutes=59),
                    }
                )
            day += timedelta(days=1)
        self.personal = defaultdict(set)
        for employee in self.employees:
            if self.rng.random() < 0.03:
                start = self.date_from + timedelta(days=self.rng.randint(0, 80))
                length = self.rng.randint(2, 5)
                vals.append(
                    {
                        "name": "Nghỉ phép",
                        "calendar_id": self.calendar.id,
                        "company_id": self.company.id,
                        "resource_id": employee.resource_id.id,
                        "civil_leave_kind": "ordinary",
                        "date_from": local_to_utc(start, 0),
                        "date_to": local_to_utc(start + timedelta(days=length - 1), 23) + timedelta(minutes=59),
                    }
                )
                for k in range(length):
                    self.personal[employee.id].add(start + timedelta(days=k))
        Leave.create(vals)
        self.working_days = []
        day = self.date_from
        while day <= self.date_to:
            if day.weekday() < 5 and day not in self.holidays:
                self.working_days.append(day)
            day += timedelta(days=1)
        log(f"working days: {len(self.working_days)}")

    def make_meetings(self):
        env = self.env
        briefing = env.ref("hr_civil_service.meeting_type_briefing")
        by_unit = defaultdict(list)
        for employee in self.employees:
            by_unit[employee.department_id.id].append(employee)
        mondays = [d for d in self.working_days if d.weekday() == 0]
        meeting_vals = []
        for unit in self.units:
            people = by_unit[unit.id]
            for monday in mondays:
                meeting_vals.append(
                    {
                        "name": f"Giao ban {unit.name} {monday.strftime('%d/%m')}",
                        "type_id": briefing.id,
                        "company_id": self.company.id,
                        "date_start": local_to_utc(monday, 8),
                        "duration": 1.0,
                        "chair_id": unit.manager_id.id,
                        "department_ids": [(6, 0, unit.ids)],
                        "attendee_ids": [
                            (
                                0,
                                0,
                                {
                                    "employee_id": p.id,
                                    "role": "chair" if p == unit.manager_id else "member",
                                    "attendance": "present" if self.rng.random() < 0.95 else "excused",
                                },
                            )
                            for p in people
                        ],
                    }
                )
        ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
        meetings = env["hr.civil.meeting"].with_context(**ctx).create(meeting_vals)
        log(f"meetings: {len(meetings)}")
        item_vals = []
        for meeting in meetings:
            members = [a.employee_id for a in meeting.attendee_ids if a.role == "member"]
            monday = (meeting.date_start + TZ_OFFSET).date()
            for k in range(2):
                assignee = self.rng.choice(members)
                item_vals.append(
                    {
                        "name": f"Chỉ đạo {k + 1} – {meeting.name}",
                        "source_meeting_id": meeting.id,
                        "company_id": self.company.id,
                        "assignee_ids": [(6, 0, assignee.ids)],
                        "department_id": meeting.department_ids[:1].id,
                        "deadline": monday + timedelta(days=self.rng.choice((4, 7, 11, 14))),
                    }
                )
        self.items = env["hr.civil.action.item"].with_context(**ctx).create(item_vals)
        env.flush_all()
        env.cr.execute("UPDATE hr_civil_meeting SET state = 'held' WHERE id = ANY(%s)", [meetings.ids])
        env.invalidate_all()
        # the day each directive is served by a diary line: mostly on time, some late, a few never
        self.item_day = {}
        for item in self.items:
            roll = self.rng.random()
            if roll < 0.05:
                continue
            shift = -self.rng.randint(0, 4) if roll < 0.85 else self.rng.randint(1, 6)
            self.item_day[(item.assignee_ids.id, item.deadline + timedelta(days=shift))] = item.id
        log(f"action items: {len(self.items)}")

    # ------------------------------------------------------------------
    def make_diaries(self):
        env, cr, rng = self.env, self.env.cr, self.rng
        company = self.company
        lead, support = company.civil_diary_lead_factor, company.civil_diary_support_factor
        task_info = {t.id: (t.standard_hours, t.coefficient, t.group_id.id, t.name) for t in self.tasks}
        approver = {}
        for employee in self.employees:
            manager = employee.parent_id
            if not manager or manager == employee:
                manager = employee.department_id.manager_id
                if manager == employee:
                    manager = employee.department_id.parent_id.manager_id
            approver[employee.id] = manager.user_id.id if manager and manager != employee else None
        cr.execute("SELECT nextval('hr_work_diary_id_seq')")
        next_sheet = cr.fetchone()[0]
        cr.execute("SELECT nextval('hr_work_diary_line_id_seq')")
        next_line = cr.fetchone()[0]
        sheets, lines = io.StringIO(), io.StringIO()
        self.line_rows = []  # for the peer: (employee, date, claimed, name)
        uid = env.uid
        n_sheets = n_lines = 0
        for employee in self.employees:
            pool = self.tasks_by_job[employee.job_id.id]
            for day in self.working_days:
                if day in self.personal[employee.id]:
                    continue
                roll = rng.random()
                state = "approved" if roll < 0.95 else "returned" if roll < 0.98 else "submitted"
                is_late = state == "approved" and rng.random() < 0.05
                created = local_to_utc(day, 17)
                if rng.random() < 0.03:  # entered days later
                    created += timedelta(days=rng.randint(3, 6))
                submitted = created + timedelta(minutes=5)
                approved = submitted + timedelta(days=rng.choice((1, 1, 2, 12 if is_late else 3)))
                tasks = rng.sample(pool, LINES_PER_DAY)
                quantities = [rng.choice((0.5, 1.0, 1.0, 2.0)) for _t in tasks]
                standards = [r2(task_info[t.id][0] * q) for t, q in zip(tasks, quantities, strict=True)]
                target = rng.uniform(7.0, 8.5)
                factor = target / sum(standards)
                sheet_id = next_sheet
                next_sheet += 1
                total_claimed = total_converted = 0.0
                served = self.item_day.get((employee.id, day))
                for k, (task, quantity, standard) in enumerate(zip(tasks, quantities, standards, strict=True)):
                    hours, coefficient, group_id, name = task_info[task.id]
                    claimed = min(24.0, max(0.25, r2(standard * factor)))
                    role = "support" if rng.random() < 0.15 else "lead"
                    role_factor = support if role == "support" else lead
                    converted = r2(standard * r2(coefficient) * r2(role_factor))
                    deadline_met = rng.random() >= 0.02
                    delay = 0 if deadline_met else 1
                    errors = 1 if rng.random() < 0.01 else 0
                    objective = errors and rng.random() < 0.1
                    item_id = served if (served and k == LINES_PER_DAY - 1) else None
                    progress = 100.0 if item_id else 0.0
                    lines.write(
                        "\t".join(
                            map(
                                _copy,
                                (
                                    next_line,
                                    sheet_id,
                                    10 + k,
                                    employee.id,
                                    employee.department_id.id,
                                    company.id,
                                    task.id,
                                    group_id,
                                    item_id,
                                    errors,
                                    delay,
                                    uid,
                                    uid,
                                    state,
                                    name,
                                    role,
                                    quantity,
                                    standard,
                                    claimed,
                                    round(coefficient, 2),
                                    round(role_factor, 2),
                                    converted,
                                    0.0,
                                    False,
                                    deadline_met,
                                    bool(objective),
                                    False,
                                    progress,
                                    day,
                                    created,
                                    created,
                                ),
                            )
                        )
                        + "\n"
                    )
                    self.line_rows.append((employee.work_contact_id.id, day, claimed, name))
                    next_line += 1
                    total_claimed += claimed
                    total_converted += converted
                sheets.write(
                    "\t".join(
                        map(
                            _copy,
                            (
                                sheet_id,
                                employee.id,
                                company.id,
                                employee.department_id.id,
                                employee.job_id.id,
                                approver[employee.id],
                                0,
                                approver[employee.id] if state == "approved" else None,
                                uid,
                                uid,
                                state,
                                day,
                                "Thiếu sản phẩm, đề nghị bổ sung" if state == "returned" else None,
                                r2(total_claimed),
                                r2(total_converted),
                                is_late,
                                submitted,
                                approved if state == "approved" else None,
                                created,
                                created,
                            ),
                        )
                    )
                    + "\n"
                )
                n_sheets += 1
                n_lines += LINES_PER_DAY
        sheets.seek(0)
        lines.seek(0)
        cr.copy_from(
            sheets,
            "hr_work_diary",
            columns=(
                "id",
                "employee_id",
                "company_id",
                "department_id",
                "job_id",
                "approver_id",
                "flag_count",
                "approved_by_id",
                "create_uid",
                "write_uid",
                "state",
                "date",
                "return_reason",
                "total_claimed_hours",
                "total_converted_hours",
                "is_late",
                "submitted_date",
                "approved_date",
                "create_date",
                "write_date",
            ),
        )
        cr.copy_from(
            lines,
            "hr_work_diary_line",
            columns=(
                "id",
                "diary_id",
                "sequence",
                "employee_id",
                "department_id",
                "company_id",
                "task_id",
                "task_group_id",
                "action_item_id",
                "major_error_count",
                "delay_count",
                "create_uid",
                "write_uid",
                "state",
                "name",
                "role",
                "quantity",
                "standard_hours",
                "claimed_hours",
                "coefficient",
                "role_factor",
                "converted_hours",
                "approved_converted_hours",
                "approved_converted_hours_set",
                "deadline_met",
                "objective_cause",
                "is_copied",
                "action_item_progress",
                "date",
                "create_date",
                "write_date",
            ),
        )
        cr.execute("SELECT setval('hr_work_diary_id_seq', %s)", [next_sheet])
        cr.execute("SELECT setval('hr_work_diary_line_id_seq', %s)", [next_line])
        log(f"diaries: {n_sheets} sheets, {n_lines} lines")

    def make_peer_lines(self):
        env, cr = self.env, self.env.cr
        plan, _others = env["account.analytic.plan"]._get_all_plans()  # the Project plan, as timesheets use
        account = env["account.analytic.account"].create(
            {"name": "Benchmark", "plan_id": plan.id, "company_id": self.company.id}
        )
        column = plan._column_name()
        currency = self.company.currency_id.id
        uid = env.uid
        buffer = io.StringIO()
        now = self.now
        for partner_id, day, hours, name in self.line_rows:
            buffer.write(
                "\t".join(
                    map(
                        _copy,
                        (
                            account.id,
                            partner_id,
                            self.company.id,
                            currency,
                            uid,
                            uid,
                            name,
                            "other",
                            day,
                            r2(-hours * 150000),
                            hours,
                            now,
                            now,
                        ),
                    )
                )
                + "\n"
            )
        buffer.seek(0)
        cr.copy_from(
            buffer,
            "account_analytic_line",
            columns=(
                column,
                "partner_id",
                "company_id",
                "currency_id",
                "create_uid",
                "write_uid",
                "name",
                "category",
                "date",
                "amount",
                "unit_amount",
                "create_date",
                "write_date",
            ),
        )
        log(f"analytic lines: {len(self.line_rows)} (column {column})")
        self.line_rows = None

    def recompute_items(self):
        env = self.env
        env.invalidate_all()
        items = self.items
        for name in ("progress", "state", "done_date"):
            env.add_to_compute(items._fields[name], items)
        items.flush_recordset()
        done = sum(1 for item in items if item.state == "done")
        log(f"action items recomputed: {done} done of {len(items)}")

    def verify(self, sample):
        """Recompute stored fields of a sample of lines and sheets through the ORM: nothing may change."""
        env = self.env
        env.invalidate_all()
        Line, Diary = env["hr.work.diary.line"], env["hr.work.diary"]
        line_ids = self.rng.sample(Line.search([]).ids, min(sample, Line.search_count([])))
        lines = Line.browse(line_ids)
        names = [
            "employee_id",
            "department_id",
            "company_id",
            "state",
            "date",
            "task_group_id",
            "standard_hours",
            "coefficient",
            "role_factor",
            "converted_hours",
            "delay_count",
        ]
        before = lines.read(names)
        diaries = lines.diary_id
        before_diaries = diaries.read(
            [
                "total_claimed_hours",
                "total_converted_hours",
                "approver_id",
                "flag_count",
                "company_id",
                "department_id",
                "job_id",
            ]
        )
        for name in names:
            field = Line._fields[name]
            if field.store and (field.compute or field.related):
                env.add_to_compute(field, lines)
        for name in ("total_claimed_hours", "total_converted_hours", "approver_id", "flag_count"):
            env.add_to_compute(Diary._fields[name], diaries)
        env.flush_all()
        env.invalidate_all()
        after = lines.read(names)
        after_diaries = diaries.read(
            [
                "total_claimed_hours",
                "total_converted_hours",
                "approver_id",
                "flag_count",
                "company_id",
                "department_id",
                "job_id",
            ]
        )
        diffs = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
        diffs += [(b, a) for b, a in zip(before_diaries, after_diaries, strict=True) if b != a]
        if diffs:
            raise SystemExit(f"the ORM recomputes different values: {diffs[:3]}")
        log(f"verified: {len(lines)} lines and {len(diaries)} sheets recompute to the loaded values")

    def make_open_days(self):
        """Draft sheets of the last working days for the staff with a login (the submit benchmark, the portal,
        the load test), created through the ORM as the staff member would."""
        env = self.env
        today = date.today()
        days = []
        day = today - timedelta(days=1)
        while len(days) < 3:
            if day.weekday() < 5:
                days.append(day)
            day -= timedelta(days=1)
        staff = self.employees.filtered(lambda e: e.user_id.login and e.user_id.login.startswith("bench_staff_"))
        for employee in staff:
            pool = self.tasks_by_job[employee.job_id.id]
            for day in days:
                tasks = self.rng.sample(pool, LINES_PER_DAY)
                factor = 8.0 / sum(t.standard_hours for t in tasks)
                user_env = env(user=employee.user_id)
                user_env["hr.work.diary"].create(
                    {
                        "employee_id": employee.id,
                        "date": day,
                        "line_ids": [
                            (
                                0,
                                0,
                                {
                                    "task_id": t.id,
                                    "quantity": 1.0,
                                    "claimed_hours": round(t.standard_hours * factor, 2),
                                },
                            )
                            for t in tasks
                        ],
                    }
                )
        log(f"open days: {len(staff)} staff × {len(days)} draft sheets")


def r2(value):
    """Rounded as the ORM stores a float field of 2 digits (half away from zero)."""
    return float_round(value, precision_digits=2)


def _copy(value):
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")
    return str(value)


def main():
    args = parse(__doc__.splitlines()[0], add_arguments)
    with environment(args) as (_registry, env):
        started = datetime.now()
        Generator(env, args).run()
    # As autovacuum would in time: statistics and the visibility map (index-only scans) of the bulk-loaded tables.
    from odoo.sql_db import db_connect

    with db_connect(args.database).cursor() as cr:
        cr._cnx.autocommit = True  # VACUUM runs outside a transaction
        cr.execute("VACUUM ANALYZE hr_work_diary, hr_work_diary_line, account_analytic_line")
    log(f"generated in {(datetime.now() - started).total_seconds():.0f} s")


if __name__ == "__main__":
    main()
