"""Demo work diaries of the demo agency (VKSND TP Cần Thơ), generated relative to the install date.

Called once from demo/hr_work_diary_demo.xml. Six working weeks before the current one (or from the first day of
the month before last, when that is earlier, for the demo evaluations) plus the current week up to today: older
weeks approved, last week mostly submitted (a few approved or returned), the current week in progress. Each flag
rule of the registry is tripped by a realistic case, through ``_raise_flags()``:

- padding: Đỗ Minh Trí claims about twice the standard on a procedural task (three times; once returned);
- peer_outlier: Tô Văn Nghĩa claims 1.5 × the standard per judgment reviewed (C.11), far above colleagues;
  Trí's padded lines stand out among the peers as well;
- long_day: Bùi Thanh Phong's 10-hour trial day; Ngô Thị Kim Ngân's 9-hour days;
- long_week: Ngân's 45-hour week before an indictment deadline (last week, waiting for the supervisor);
- copied_standard_days: Trần Thị Kim Oanh copies the same two lines (exactly 8 h) seven days running;
- late_entry: Kiều Văn Sơn enters three inspection days on the Monday after;
- near_duplicate: Mai Văn Đức pastes the same custom description day after day;
- under_declared: Châu Thị Bích Thủy declares 2–3.5 hours a day, every week.
"""

import random
import zlib
from datetime import timedelta

from odoo import SUPERUSER_ID, Command, api, fields, models

DEMO = "hr_civil_service."
DEMO_TZ = "Asia/Ho_Chi_Minh"
WEEKS_BACK = 6
STANDARD_DAY = 8.0

# Task pools: (task code, weight, quantities to choose from).
PROFILES = {
    "director": [
        ("A.01", 3, (1, 1.5)),
        ("A.02", 4, (4, 6, 8)),
        ("A.03", 2, (1,)),
        ("A.04", 3, (1, 2)),
        ("A.06", 1, (1,)),
        ("B.04", 1, (1, 2)),
    ],
    "deputy": [
        ("A.01", 2, (1,)),
        ("A.02", 3, (2, 4, 6)),
        ("A.04", 4, (1, 2)),
        ("A.06", 1, (1,)),
        ("A.07", 1, (1, 2)),
        ("C.09", 1, (0.5,)),
        ("B.04", 1, (1,)),
    ],
    "head_case": [
        ("A.02", 2, (2, 4)),
        ("A.03", 1, (1,)),
        ("A.04", 4, (1, 2)),
        ("A.06", 1, (1,)),
        ("A.07", 2, (1, 2, 3)),
        ("C.02", 2, (1,)),
        ("C.09", 1, (0.5, 1)),
        ("C.11", 1, (1,)),
    ],
    "deputy_head_case": [
        ("A.04", 3, (1, 2)),
        ("A.07", 1, (1, 2)),
        ("C.01", 2, (1,)),
        ("C.02", 2, (1,)),
        ("C.03", 1, (1,)),
        ("C.05", 2, (0.5, 1)),
        ("C.09", 1, (0.5, 1)),
        ("C.11", 2, (1,)),
    ],
    "prosecutor_case": [
        ("C.01", 3, (1,)),
        ("C.02", 3, (1,)),
        ("C.03", 2, (1,)),
        ("C.04", 2, (0.5, 1)),
        ("C.05", 3, (0.5, 1)),
        ("C.06", 1, (0.5,)),
        ("C.07", 2, (0.25, 0.5)),
        ("C.08", 1, (0.5, 1)),
        ("C.09", 1, (0.5, 1)),
        ("C.11", 3, (1,)),
        ("C.18", 2, (0.5, 1)),
        ("B.01", 1, (1,)),
    ],
    "examiner_case": [("C.17", 4, (0.5, 1)), ("C.11", 3, (1, 2)), ("C.18", 3, (1,)), ("B.01", 1, (1,))],
    "head_detention": [
        ("A.02", 2, (2, 4)),
        ("A.04", 2, (1,)),
        ("A.06", 1, (1,)),
        ("A.07", 2, (1, 2)),
        ("C.13", 3, (0.25, 0.5)),
        ("C.14", 2, (0.25, 0.5)),
        ("C.15", 1, (0.5, 1)),
    ],
    "prosecutor_detention": [
        ("C.13", 4, (0.25, 0.5)),
        ("C.14", 3, (0.25, 0.5)),
        ("C.15", 2, (0.5,)),
        ("C.16", 3, (2, 4)),
        ("C.11", 2, (1,)),
        ("C.18", 1, (1,)),
    ],
    "examiner_detention": [
        ("C.13", 4, (0.25, 0.5)),
        ("C.14", 3, (0.25, 0.5)),
        ("C.16", 4, (2, 4, 6)),
        ("C.18", 2, (1,)),
        ("C.11", 1, (1,)),
    ],
    "head_inspection": [
        ("A.02", 2, (2, 4)),
        ("A.04", 1, (1,)),
        ("A.06", 2, (1,)),
        ("A.07", 1, (1,)),
        ("C.19", 2, (0.25, 0.5)),
        ("B.05", 3, (0.5,)),
        ("B.04", 2, (1, 2)),
    ],
    "inspector": [
        ("C.19", 3, (0.25, 0.5)),
        ("C.20", 2, (0.25, 0.5)),
        ("B.04", 2, (1, 2)),
        ("B.05", 3, (0.5,)),
        ("B.06", 3, (1, 2, 3)),
    ],
    "head_office": [("A.02", 4, (4, 6)), ("A.03", 1, (1,)), ("A.06", 2, (1,)), ("A.07", 1, (1, 2)), ("B.01", 3, (1,))],
    "personnel": [("B.07", 5, (0.5, 1)), ("B.01", 3, (1,)), ("B.02", 1, (0.5,)), ("B.12", 1, (0.5,))],
    "emulation": [("B.08", 5, (0.5, 1)), ("B.01", 3, (1,)), ("B.02", 1, (0.5,)), ("D.04", 1, (1,))],
    "accountant": [("B.09", 5, (1, 2, 3)), ("B.01", 2, (1,))],
    "clerk": [("B.10", 5, (2, 4, 6)), ("B.11", 4, (0.5, 1)), ("B.01", 2, (1,))],
}
OCCASIONAL = [("D.05", 1, (1,))]  # an urgent task from the leadership, anyone

# Employee xml id (without the module) -> task profile.
EMPLOYEE_PROFILES = {
    "employee_director_demo": "director",
    "employee_deputy_judicial_demo": "deputy",
    "employee_deputy_economic_demo": "deputy",
    "employee_p1_head_demo": "head_case",
    "employee_p1_deputy_demo": "deputy_head_case",
    "employee_p1_prosecutor_1_demo": "prosecutor_case",
    "employee_p1_prosecutor_2_demo": "prosecutor_case",
    "employee_p1_prosecutor_3_demo": "prosecutor_case",
    "employee_p1_prosecutor_4_demo": "prosecutor_case",
    "employee_p2_head_demo": "head_case",
    "employee_p2_deputy_demo": "deputy_head_case",
    "employee_p2_prosecutor_1_demo": "prosecutor_case",
    "employee_p2_prosecutor_2_demo": "prosecutor_case",
    "employee_p2_examiner_demo": "examiner_case",
    "employee_p8_head_demo": "head_detention",
    "employee_p8_prosecutor_demo": "prosecutor_detention",
    "employee_p8_examiner_demo": "examiner_detention",
    "employee_inspection_head_demo": "head_inspection",
    "employee_inspection_prosecutor_demo": "inspector",
    "employee_office_head_demo": "head_office",
    "employee_office_personnel_demo": "personnel",
    "employee_office_emulation_demo": "emulation",
    "employee_office_accountant_demo": "accountant",
    "employee_office_clerk_demo": "clerk",
}
UNITS = {
    "department_prosecution_social_order_demo": "P1",
    "department_prosecution_economic_demo": "P2",
    "department_detention_demo": "P8",
    "department_inspection_demo": "TTr",
    "department_office_demo": "VP",
}

# Document produced by a task: (type, numbered by the unit rather than the agency, numbers issued a day).
DOCUMENTS = {
    "A.01": ("HD", False, 0.05),
    "A.03": ("TB", False, 0.2),
    "A.05": ("KH", False, 0.05),
    "A.06": ("BC", True, 0.1),
    "B.01": ("CV", True, 0.9),
    "B.02": ("BC", True, 0.2),
    "B.03": ("BC", False, 0.05),
    "B.05": ("QĐ", True, 0.1),
    "B.07": ("QĐ", False, 0.6),
    "B.08": ("TTr", False, 0.1),
    "B.09": ("PC", False, 2.0),
    "B.12": ("CV", True, 0.9),
    "C.02": ("BC", True, 0.5),
    "C.03": ("BC", True, 0.5),
    "C.04": ("YCĐT", True, 0.3),
    "C.07": ("CT", True, 0.2),
    "C.08": ("QĐ", True, 0.6),
    "C.12": ("QĐ", True, 0.6),
    "C.13": ("KL", True, 0.1),
    "C.14": ("KL", True, 0.1),
    "C.15": ("KN", True, 0.05),
    "C.19": ("KL", True, 0.1),
    "C.20": ("BC", True, 0.5),
}
WITH_DEADLINE = {"A.05", "B.02", "B.05", "B.07", "B.08", "C.02", "C.03", "C.04", "C.07", "C.08", "C.12", "C.15"}
SUPPORT_PRONE = {"C.05", "C.06", "C.09", "C.13", "C.14", "C.19", "C.20"}

# Who leaves the current week in draft and submits it at the end of the week; who forgot the last working day.
WEEKLY_SUBMITTERS = {
    "employee_p1_prosecutor_1_demo",
    "employee_p1_deputy_demo",
    "employee_p2_prosecutor_2_demo",
    "employee_p8_prosecutor_demo",
    "employee_office_head_demo",
    "employee_office_emulation_demo",
}
FORGOT_LAST_DAY = {"employee_p1_prosecutor_1_demo", "employee_office_emulation_demo"}
# Days off (leave, missions): (employee, weeks back, weekday). The last working day is handled apart.
ABSENCES = {
    ("employee_p2_prosecutor_2_demo", 4, 3),
    ("employee_p2_prosecutor_2_demo", 4, 4),
    ("employee_deputy_judicial_demo", 5, 2),
    ("employee_p8_prosecutor_demo", 2, 1),
    ("employee_inspection_head_demo", 3, 4),
}
ABSENT_LAST_DAY = {"employee_office_personnel_demo"}
DAILY_TARGETS = {"employee_p2_deputy_demo": (2.0, 2.5, 3.0, 3.5)}  # the chronic under-declarer
DEFAULT_TARGETS = (6.5, 7.0, 7.5, 8.0, 8.0, 8.0)

STAFF = "employee_p1_prosecutor_1_demo"
LINH = "employee_p1_prosecutor_2_demo"
PHONG = "employee_p1_prosecutor_3_demo"
NGAN = "employee_p1_prosecutor_4_demo"
TRI = "employee_p2_prosecutor_1_demo"
NHUNG = "employee_p2_prosecutor_2_demo"
NGHIA = "employee_p2_examiner_demo"
DUC = "employee_p8_examiner_demo"
SON = "employee_inspection_prosecutor_demo"
KHOA = "employee_office_personnel_demo"
OANH = "employee_office_accountant_demo"

DUC_DAILY_TEXT = "Kiểm sát hồ sơ tạm giữ, tạm giam hằng ngày tại Trại tạm giam Công an thành phố Cần Thơ"


def _as(user, records):
    """The records as that user, without the rest of the batch in their prefetch (it may not be theirs)."""
    return records.with_user(user).browse(records.ids)


def _line(code, qty=1.0, **spec):
    return dict(spec, code=code, qty=qty)


def _text(name, hours, **spec):
    return dict(spec, code=None, name=name, claimed=hours)


def _special_days():
    """Hand-written days, keyed by (employee, weeks back, weekday): the cases the flags and the workflow show."""
    days = {
        # Trí pads: about twice the standard hours on one procedural document.
        (TRI, 4, 1): [_line("C.02", claimed=8.0, ref=True)],
        (TRI, 2, 3): [_line("C.04", claimed=6.0, ref=True), _line("C.11")],
        (TRI, 1, 1): [_line("C.02", claimed=7.0, ref=True), _line("C.18", 0.5)],
        # Phong: a trial that ran into the evening; later, a sheet the leader reopens.
        (PHONG, 3, 2): [_line("C.09"), _line("C.11")],
        (PHONG, 2, 2): [_line("C.07", 0.5, ref=False), _line("C.18")],
        # Ngân: 9 hours a day for a week to finish an indictment.
        (NGAN, 1, 0): [_line("D.01"), _line("C.07", 0.5, ref=False), _line("C.04", 0.5, ref=True)],
        (NGAN, 1, 1): [_line("C.07", 0.5, ref=False), _line("C.05", 0.75)],
        (NGAN, 1, 2): [_line("C.02", ref=True), _line("C.03", ref=True), _line("C.11")],
        (NGAN, 1, 3): [_line("C.09"), _line("C.18", 0.5)],
        (NGAN, 1, 4): [_line("C.07", 0.5, ref=True, deadline=0), _line("C.04", ref=True)],
        # Nghĩa: 3 hours per judgment reviewed where colleagues need about 2.
        (NGHIA, 4, 2): [_line("C.11", claimed=3.0), _line("C.17", 0.5), _line("C.18")],
        (NGHIA, 3, 0): [_line("D.01"), _line("C.11", 2, claimed=6.0)],
        (NGHIA, 2, 3): [_line("C.11", claimed=3.0), _line("C.17", 0.5), _line("C.18")],
        (NGHIA, 1, 2): [_line("C.11", claimed=3.0), _line("C.17", 0.5), _line("C.18")],
        # Sơn: three inspection days at a district procuracy, entered on the following Monday.
        (SON, 3, 0): [_line("C.19", 0.5)],
        (SON, 3, 1): [_line("C.19", 0.5)],
        (SON, 3, 2): [_line("C.19", 0.5, ref=True)],
        # Đức: a two-day inspection described day by day, then the same custom text pasted every day.
        (DUC, 3, 1): [
            _line("C.13", 0.5, role="support", name="Kiểm sát trực tiếp Nhà tạm giữ Công an quận Ninh Kiều (ngày 1)")
        ],
        (DUC, 3, 2): [
            _line("C.13", 0.5, role="support", name="Kiểm sát trực tiếp Nhà tạm giữ Công an quận Ninh Kiều (ngày 2)")
        ],
        # The demo user "staff": a free-text task, a missed deadline, a returned sheet.
        (STAFF, 3, 3): [
            _line("C.01"),
            _text("Tham gia Tổ công tác rà soát án tạm đình chỉ theo Kế hoạch 18/KH-VKS", 3.0),
            _line("C.18"),
        ],
        (STAFF, 2, 1): [_line("C.07", 0.5, ref=True, deadline=-1, met=False), _line("C.18")],
        (STAFF, 1, 1): [
            _line("C.05"),
            _text("Báo cáo án điểm vụ Lê Văn Tùng cố ý gây thương tích theo yêu cầu của lãnh đạo Viện", 2.0),
            _line("C.11"),
        ],
        (STAFF, 1, 3): [_line("C.01"), _line("C.04", ref=False), _line("C.05", 0.5)],
        (LINH, 1, 1): [
            _line("C.01"),
            _text("Tham gia đoàn kiểm tra liên ngành việc quản lý, xử lý vật chứng tại Công an quận Bình Thủy", 4.0),
        ],
        (LINH, 1, 2): [_line("C.05", ref=False), _line("C.02", ref=True)],
        (NHUNG, 3, 1): [_line("C.08", ref=True, deadline=-2, met=False), _line("C.11"), _line("C.18")],
        (KHOA, 4, 2): [
            _text("Chuẩn bị hồ sơ, tài liệu phục vụ Đoàn kiểm tra công tác cán bộ của VKSND tối cao", 4.0),
            _line("B.01", ref=True),
        ],
        (KHOA, 2, 2): [_line("B.07", ref=True, deadline=-3, met=False), _line("B.01", ref=True)],
    }
    for weekday in range(4):
        days[(DUC, 1, weekday)] = [_line("C.16", 4, name=DUC_DAILY_TEXT)]  # completed by ordinary lines
    # Oanh: one real day, then the same lines copied six days running (exactly 8 h, same references).
    run = [(2, 1), (2, 2), (2, 3), (2, 4), (1, 0), (1, 1), (1, 2)]
    for index, (weeks, weekday) in enumerate(run):
        days[(OANH, weeks, weekday)] = [
            _line("B.09", 4, ref="PC-0412", copied=bool(index)),
            _line("B.01", ref="318/VKS-VP", copied=bool(index)),
        ]
    return days


PARTIAL_SPECIAL = {(DUC, 1, weekday) for weekday in range(4)}  # special lines, then ordinary ones
LATE_ENTRIES = {(SON, 3, 0), (SON, 3, 1), (SON, 3, 2)}  # created on the Monday of the next week

FREE_TEXT_SETTINGS = {
    (STAFF, 3, 3): (
        3.6,
        "Quy đổi tương đương nhiệm vụ C.18 – Lập và cập nhật hồ sơ kiểm sát, thống kê án (3 giờ × hệ số 1,2).",
    ),
    (KHOA, 4, 2): (4.8, "Quy đổi tương đương nhiệm vụ B.07 – Tham mưu công tác tổ chức cán bộ (4 giờ × hệ số 1,2)."),
}
STAFF_CONVERSION = (
    3.0,
    "Báo cáo án điểm có nội dung phức tạp: quy đổi theo nhiệm vụ D.05 – Thực hiện nhiệm vụ đột xuất do lãnh đạo "
    "giao (2 giờ × hệ số 1,5).",
)
LINH_RETURN = "Dòng 1 (hỏi cung bị can) chưa ghi rõ tên bị can và số biên bản ghi lời khai, đề nghị bổ sung."
TRI_RETURN = (
    "Dòng 1 kê khai 7 giờ cho 01 báo cáo đề xuất phê chuẩn quyết định khởi tố bị can, gần gấp đôi định mức 4 giờ: "
    "đề nghị giải trình hoặc điều chỉnh lại số giờ."
)
# Last week, through the real buttons: (employee, weekday) -> (action, converted hours to set or return reason).
LAST_WEEK_ACTIONS = {
    (STAFF, 0): ("approve", None),
    (STAFF, 1): ("approve", STAFF_CONVERSION),
    ("employee_p1_deputy_demo", 0): ("approve", None),
    ("employee_p1_head_demo", 0): ("approve", None),
    (KHOA, 0): ("approve", None),
    ("employee_deputy_judicial_demo", 0): ("approve", None),
    (STAFF, 3): ("return", "Thiếu số văn bản kết quả ở dòng 2, đề nghị bổ sung."),
    (LINH, 2): ("return", LINH_RETURN),
    (TRI, 1): ("return", TRI_RETURN),
}
REOPEN = (
    (PHONG, 2, 2),
    "Mở lại theo đề nghị của Trưởng phòng 1: Cáo trạng số 45/CT-VKS-P1 đã ban hành nhưng chưa ghi vào dòng "
    "'Soạn thảo cáo trạng', đề nghị bổ sung.",
)


class HrWorkDiary(models.Model):
    _inherit = "hr.work.diary"

    # ------------------------------------------------------------------
    # Entry point
    # ------------------------------------------------------------------
    @api.model
    def _generate_demo_diaries(self):
        """Create the demo sheets that do not exist yet (one per employee and working day), then play the workflow.

        Runs as the superuser (a Manager of the application, hence allowed to backdate any sheet); the approvals,
        returns and conversions of last week go through the buttons as the real approvers.
        """
        Diary = (
            self.with_user(SUPERUSER_ID)
            .sudo()
            .with_context(tz=DEMO_TZ, mail_create_nosubscribe=True, mail_activity_quick_update=True)
        )
        employees = Diary._demo_employees()
        if not employees:
            return False
        today = fields.Date.context_today(Diary)
        calendar = Diary._demo_calendar(today)
        existing = {
            (diary.employee_id.id, diary.date)
            for diary in Diary.search([("employee_id", "in", [e.id for e in employees.values()])])
        }
        tasks = {
            task.code: task
            for task in self.env["hr.job.task"]
            .sudo()
            .search([("company_id", "in", list({e.company_id.id for e in employees.values()}))])
        }
        gen = _DemoGenerator(Diary, employees, tasks, calendar, existing)
        for day in calendar["days"]:
            gen.generate_day(day)
        gen.finish()
        return True

    @api.model
    def _demo_employees(self):
        """The demo agency's active employees whose position has tasks, by xml id."""
        employees = {}
        for xmlid in EMPLOYEE_PROFILES:
            employee = self.env.ref(DEMO + xmlid, raise_if_not_found=False)
            if employee and employee.active and employee.job_id.civil_task_ids:
                employees[xmlid] = employee
        return employees

    @api.model
    def _demo_calendar(self, today):
        this_monday = today - timedelta(days=today.weekday())
        # At least six weeks, and from the first day of the month before last, so that the demo evaluations of the
        # two previous months have their whole diary.
        month_before_last = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        month_before_last = (month_before_last - timedelta(days=1)).replace(day=1)
        first = min(this_monday - timedelta(weeks=WEEKS_BACK), month_before_last)
        days = [
            first + timedelta(days=offset)
            for offset in range((today - first).days + 1)
            if (first + timedelta(days=offset)).weekday() < 5
        ]
        previous = [day for day in days if day < today]
        return {
            "today": today,
            "this_monday": this_monday,
            "days": days,
            "last_day": previous[-1] if previous else None,
        }


class _DemoGenerator:
    """The state of one generation run: counters of document numbers, created sheets, planned actions."""

    def __init__(self, Diary, employees, tasks, calendar, existing):
        self.Diary = Diary
        self.env = Diary.env
        self.employees = employees
        self.tasks = tasks
        self.cal = calendar
        self.existing = existing
        self.special = _special_days()
        self.counters = {}
        self.created = {}  # (xmlid, weeks back, weekday) -> diary
        self.units = {}
        for xmlid, code in UNITS.items():
            department = self.env.ref(DEMO + xmlid, raise_if_not_found=False)
            if department:
                self.units[department.id] = code

    # ------------------------------------------------------------------
    def _position(self, day):
        weeks = (self.cal["this_monday"] - (day - timedelta(days=day.weekday()))).days // 7
        return weeks, day.weekday()

    def _state_for(self, xmlid, day):
        today, last_day = self.cal["today"], self.cal["last_day"]
        if day == today or (day == last_day and xmlid in FORGOT_LAST_DAY):
            return "draft"
        weeks, _weekday = self._position(day)
        if weeks == 0:
            return "draft" if xmlid in WEEKLY_SUBMITTERS else "submitted"
        return "submitted" if weeks == 1 else "approved"

    def _absent(self, xmlid, day):
        weeks, weekday = self._position(day)
        return (xmlid, weeks, weekday) in ABSENCES or (day == self.cal["last_day"] and xmlid in ABSENT_LAST_DAY)

    def _allowed(self, task, employee, day):
        return (
            task
            and task._is_valid_on(day)
            and (task.group_id.open_to_all and not task.job_ids or employee.job_id in task.job_ids)
        )

    # ------------------------------------------------------------------
    # Lines of a day
    # ------------------------------------------------------------------
    def _ordinary_specs(self, xmlid, employee, day, rng, taken=None):
        """1–5 catalogue lines adding up to the day's target (at most a standard day)."""
        weeks, weekday = self._position(day)
        specs = list(taken or [])
        total = sum(self.tasks[s["code"]].standard_hours * s["qty"] for s in specs if s["code"] in self.tasks)
        total += sum(s.get("claimed") or 0.0 for s in specs if not s["code"])
        if not specs:
            fixed = []
            if weekday == 0:
                fixed.append("D.01")  # weekly meeting
            if weekday == 2 and day.day <= 7:
                fixed.append("D.02")  # monthly party cell meeting
            if weeks == 4 and weekday == 3 and EMPLOYEE_PROFILES[xmlid] in ("prosecutor_case", "examiner_case"):
                fixed.append("D.03")  # training
            for code in fixed:
                if self._allowed(self.tasks.get(code), employee, day):
                    specs.append(_line(code, fixed=True))
                    total += self.tasks[code].standard_hours
        target = min(rng.choice(DAILY_TARGETS.get(xmlid, DEFAULT_TARGETS)), STANDARD_DAY)
        pool = [
            item
            for item in PROFILES[EMPLOYEE_PROFILES[xmlid]] + OCCASIONAL
            if self._allowed(self.tasks.get(item[0]), employee, day)
        ]
        if not pool:
            return specs
        attempts = 0
        while total < target - 0.5 and len(specs) < 5 and attempts < 25:
            attempts += 1
            code, _weight, quantities = rng.choices(pool, weights=[item[1] for item in pool])[0]
            if any(spec["code"] == code for spec in specs):
                continue
            standard = self.tasks[code].standard_hours
            fitting = [qty for qty in quantities if total + standard * qty <= target + 0.001]
            if not fitting:
                continue
            qty = rng.choice(fitting)
            specs.append(_line(code, qty))
            total += standard * qty
        return specs

    def _specs(self, xmlid, employee, day, rng):
        weeks, weekday = self._position(day)
        key = (xmlid, weeks, weekday)
        if key in self.special and key not in PARTIAL_SPECIAL:
            return [dict(spec) for spec in self.special[key]]
        taken = [dict(spec) for spec in self.special.get(key, [])]
        specs = self._ordinary_specs(xmlid, employee, day, rng, taken)
        # ordinary days: most claim the standard, some a little more or less (never above a standard day)
        for spec in specs:
            if spec["code"] and "claimed" not in spec and not spec.get("fixed") and spec not in taken:
                spec["factor"] = rng.choices((1.0, 0.9, 0.95, 1.05, 1.1), weights=(40, 15, 15, 15, 15))[0]
        claimed = sum(self._claimed(spec) for spec in specs)
        if claimed > STANDARD_DAY + 0.001:
            for spec in specs:
                spec.pop("factor", None)
        return specs

    def _claimed(self, spec):
        if not spec["code"]:
            return spec["claimed"]
        if spec.get("claimed"):
            return spec["claimed"]
        standard = self.tasks[spec["code"]].standard_hours * spec["qty"]
        return round(standard * spec["factor"], 1) if spec.get("factor") else standard

    def _product_ref(self, spec, employee, day, rng):
        code = spec["code"]
        if isinstance(spec.get("ref"), str) or spec.get("ref") is False:
            return spec["ref"] or False
        if code not in DOCUMENTS:
            return False
        if spec.get("ref") is not True and (spec["qty"] < 1 and rng.random() > 0.35 or rng.random() < 0.05):
            return False  # a document in progress, or a number forgotten
        doc_type, by_unit, per_day = DOCUMENTS[code]
        unit = self.units.get(employee.department_id.id, "") if by_unit else ""
        key = (doc_type, unit)
        if key not in self.counters:
            self.counters[key] = int(day.timetuple().tm_yday * per_day) + 1
        number = self.counters[key]
        self.counters[key] += 1
        if doc_type == "PC":
            return f"PC-{number:04d}"
        if doc_type == "CV":
            return f"{number}/VKS-{unit or 'VP'}"
        return f"{number}/{doc_type}-VKS" + (f"-{unit}" if unit else "")

    def _line_vals(self, spec, xmlid, day, rng, sequence):
        employee = self.employees[xmlid]
        vals = {"sequence": sequence, "claimed_hours": self._claimed(spec)}
        code = spec["code"]
        if code:
            vals.update(task_id=self.tasks[code].id, quantity=spec["qty"])
            if spec.get("role"):
                vals["role"] = spec["role"]
            elif code in SUPPORT_PRONE and (EMPLOYEE_PROFILES[xmlid].startswith("examiner") or rng.random() < 0.2):
                vals["role"] = "support"
            vals["product_ref"] = self._product_ref(spec, employee, day, rng)
        if spec.get("name"):
            vals["name"] = spec["name"]
        if "deadline" in spec:
            vals.update(deadline=day + timedelta(days=spec["deadline"]), deadline_met=spec.get("met", True))
        elif code in WITH_DEADLINE and vals.get("product_ref") and rng.random() < 0.6:
            vals["deadline"] = day + timedelta(days=rng.randint(0, 4))
        if spec.get("copied"):
            vals["is_copied"] = True
        return vals

    # ------------------------------------------------------------------
    # One day: create, date, submit
    # ------------------------------------------------------------------
    def generate_day(self, day):
        vals_list, keys = [], []
        for xmlid, employee in self.employees.items():
            if (employee.id, day) in self.existing or self._absent(xmlid, day):
                continue
            rng = random.Random(zlib.crc32(f"{xmlid}/{day.isoformat()}".encode()))
            specs = self._specs(xmlid, employee, day, rng)
            if not specs:
                continue
            lines = [
                Command.create(self._line_vals(spec, xmlid, day, rng, 10 * (index + 1)))
                for index, spec in enumerate(specs)
            ]
            vals_list.append({"employee_id": employee.id, "date": day, "line_ids": lines})
            keys.append((xmlid, *self._position(day)))
        if not vals_list:
            return
        # no creation message nor tracking on hundreds of sheets (the workflow below still tracks its changes)
        diaries = self.Diary.with_context(tracking_disable=True).create(vals_list).with_env(self.env)
        for key, diary in zip(keys, diaries, strict=True):
            self.created[key] = diary
        self._date_creation(diaries, keys, day)
        to_submit = self.Diary.browse(
            [diary.id for key, diary in zip(keys, diaries, strict=True) if self._state_for(key[0], day) != "draft"]
        )
        if not to_submit:
            return
        weeks, _weekday = self._position(day)
        if weeks >= 2:
            # long approved: the sheet is submitted and its flags raised, without the approver's to-do
            to_submit.with_context(civil_diary_workflow=True, mail_notrack=True).write(
                {"state": "submitted", "submitted_date": fields.Datetime.now()}
            )
            to_submit._raise_flags()
        else:
            to_submit.action_submit()

    def _date_creation(self, diaries, keys, day):
        """A sheet is entered at the end of its day (the late-entry rule reads the creation date)."""
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(
            """UPDATE hr_work_diary
                  SET create_date = date + time '09:30' + (id %% 40) * interval '1 minute'
                WHERE id = ANY(%s)""",
            [diaries.ids],
        )
        late = [diary.id for key, diary in zip(keys, diaries, strict=True) if key in LATE_ENTRIES]
        if late:
            next_monday = day + timedelta(days=7 - day.weekday())
            cr.execute(
                "UPDATE hr_work_diary SET create_date = %s + time '01:30' WHERE id = ANY(%s)", [next_monday, late]
            )
        cr.execute(
            """UPDATE hr_work_diary_line line
                  SET create_date = diary.create_date
                 FROM hr_work_diary diary
                WHERE line.diary_id = diary.id AND diary.id = ANY(%s)""",
            [diaries.ids],
        )
        diaries.invalidate_recordset(["create_date"])
        diaries.line_ids.invalidate_recordset(["create_date"])

    # ------------------------------------------------------------------
    # Approvals, returns, reopening
    # ------------------------------------------------------------------
    def _user(self, xmlid):
        return self.env.ref(DEMO + xmlid, raise_if_not_found=False)

    def _approver(self, diary):
        if diary.approver_id:
            return diary.approver_id
        leader = self._user("user_leader_demo")
        if leader and leader != diary.employee_id.user_id:
            return leader
        return self.env.ref("base.user_admin")  # the head of the agency: a Manager of the application

    def finish(self):
        for key, (hours, reason) in FREE_TEXT_SETTINGS.items():
            diary = self.created.get(key)
            if diary and diary.state == "submitted":
                free = diary.line_ids.filtered(lambda line: not line.task_id)
                _as(self._approver(diary), free).action_set_converted_hours(hours, reason)
        old = [diary for (_x, weeks, _d), diary in self.created.items() if weeks >= 2 and diary.state == "submitted"]
        by_approver = {}
        for diary in old:
            by_approver.setdefault(self._approver(diary), []).append(diary.id)
        for approver, ids in by_approver.items():
            self.Diary.browse(ids).with_context(civil_diary_workflow=True, mail_notrack=True).write(
                {"state": "approved", "approved_by_id": approver.id, "approved_date": fields.Datetime.now()}
            )
        self._date_decisions([diary.id for diary in old])
        self._last_week_actions()
        key, reason = REOPEN
        diary = self.created.get(key)
        leader = self._user("user_leader_demo")
        if diary and diary.state == "approved" and leader:
            _as(leader, diary).action_reopen(reason)
        self._date_activities()

    def _last_week_actions(self):
        for (xmlid, weekday), (action, detail) in LAST_WEEK_ACTIONS.items():
            diary = self.created.get((xmlid, 1, weekday))
            if not diary or diary.state != "submitted":
                continue
            approver = self._approver(diary)
            if action == "return":
                _as(approver, diary).action_return(detail)
                continue
            if detail:
                free = diary.line_ids.filtered(lambda line: not line.task_id)
                _as(approver, free).action_set_converted_hours(*detail)
            if not diary.line_ids.filtered(lambda line: not line.task_id and not line.approved_converted_hours_set):
                _as(approver, diary).action_approve()

    def _date_decisions(self, approved_ids):
        """Sheets are submitted minutes after they are entered and approved the next working morning."""
        cr = self.env.cr
        ids = [diary.id for diary in self.created.values()]
        self.env.flush_all()
        cr.execute(
            """UPDATE hr_work_diary
                  SET submitted_date = create_date + (10 + id %% 35) * interval '1 minute'
                WHERE id = ANY(%s) AND submitted_date IS NOT NULL""",
            [ids],
        )
        cr.execute(
            """UPDATE hr_work_diary
                  SET approved_date = GREATEST(
                          date + (CASE WHEN extract(isodow FROM date) = 5 THEN 3 ELSE 1 END)
                          + time '02:00' + (id %% 150) * interval '1 minute',
                          submitted_date + interval '2 hours')
                WHERE id = ANY(%s)""",
            [approved_ids],
        )
        self.Diary.browse(ids).invalidate_recordset(["submitted_date", "approved_date"])

    def _date_activities(self):
        """The approvers' to-dos are due the day after the sheet was submitted."""
        waiting = self.Diary.browse([d.id for d in self.created.values()]).filtered(lambda d: d.state == "submitted")
        activity_type = self.env.ref(DEMO + "mail_activity_type_diary_approval")
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", self.Diary._name),
                ("res_id", "in", waiting.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_date = {}
        for activity in activities:
            diary = waiting.browse(activity.res_id)
            deadline = diary.date + timedelta(days=3 if diary.date.weekday() == 4 else 1)
            by_date.setdefault(deadline, self.env["mail.activity"])
            by_date[deadline] |= activity
        for deadline, records in by_date.items():
            records.write({"date_deadline": deadline})
