"""Demo evaluations of the demo agency (VKSND TP Cần Thơ), relative to the install date.

Called once from demo/hr_civil_evaluation_demo.xml, after the demo diaries (which reach back to the first day of
the month before last). The two previous months are evaluated, finalised and notified; the quarter of the last
month is open, half-way through its self-assessments. People are given their staff type and recruitment date;
one prosecutor was reprimanded last month (a hard condition), one examiner's case is under review, the accountant
was recruited three months ago (not rated for the year), the clerk appealed last month's rating.
"""

from datetime import date, timedelta

from odoo import api, fields, models

DEMO = "hr_civil_service."

# (employee xmlid, staff type, recruitment year, general points: self, supervisor)
PEOPLE = {
    "employee_director_demo": ("cadre", 1998, 25, 22),
    "employee_deputy_judicial_demo": ("civil_servant", 2001, 24, 22),
    "employee_deputy_economic_demo": ("civil_servant", 2003, 24, 21),
    "employee_p1_head_demo": ("civil_servant", 2006, 25, 21),
    "employee_p1_deputy_demo": ("civil_servant", 2009, 24, 21),
    "employee_p1_prosecutor_1_demo": ("civil_servant", 2014, 25, 20),
    "employee_p1_prosecutor_2_demo": ("civil_servant", 2012, 26, 23),
    "employee_p1_prosecutor_3_demo": ("civil_servant", 2017, 23, 19),
    "employee_p1_prosecutor_4_demo": ("civil_servant", 2019, 22, 18),
    "employee_p2_head_demo": ("civil_servant", 2005, 25, 22),
    "employee_p2_deputy_demo": ("civil_servant", 2010, 24, 20),
    "employee_p2_prosecutor_1_demo": ("civil_servant", 2013, 25, 22),
    "employee_p2_prosecutor_2_demo": ("civil_servant", 2016, 24, 19),
    "employee_p2_examiner_demo": ("civil_servant", 2020, 23, 18),
    "employee_p8_head_demo": ("civil_servant", 2007, 25, 21),
    "employee_p8_prosecutor_demo": ("civil_servant", 2015, 24, 20),
    "employee_p8_examiner_demo": ("civil_servant", 2021, 22, 17),
    "employee_inspection_head_demo": ("civil_servant", 2008, 24, 21),
    "employee_inspection_prosecutor_demo": ("civil_servant", 2018, 24, 20),
    "employee_office_head_demo": ("civil_servant", 2004, 25, 21),
    "employee_office_personnel_demo": ("civil_servant", 2011, 25, 22),
    "employee_office_emulation_demo": ("civil_servant", 2016, 24, 20),
    "employee_office_accountant_demo": ("public_employee", None, 23, 19),
    "employee_office_clerk_demo": ("contract", 2022, 23, 18),
}
REPRIMANDED = "employee_p8_examiner_demo"
UNDER_REVIEW = "employee_p2_examiner_demo"
APPEALING = "employee_office_clerk_demo"


class HrCivilEvaluation(models.Model):
    _inherit = "hr.civil.evaluation"

    @api.model
    def _generate_demo_evaluations(self):
        today = fields.Date.context_today(self)
        employees = {}
        for xmlid in PEOPLE:
            employee = self.env.ref(DEMO + xmlid, raise_if_not_found=False)
            if employee:
                employees[xmlid] = employee.sudo()
        if not employees or self.search_count([("company_id", "=", self.env.company.id)]):
            return
        types = {
            code: self.env.ref(DEMO + f"hr_civil_staff_type_{code}")
            for code in ("cadre", "civil_servant", "public_employee", "contract")
        }
        three_months_ago = today - timedelta(days=92)
        for xmlid, employee in employees.items():
            staff_type, year, _self_points, _supervisor_points = PEOPLE[xmlid]
            employee.write(
                {
                    "civil_staff_type_id": types[staff_type].id,
                    "civil_recruitment_date": date(year, 3, 1) if year else three_months_ago,
                }
            )

        last_month_end = today.replace(day=1) - timedelta(days=1)
        before_last_end = last_month_end.replace(day=1) - timedelta(days=1)
        Discipline = self.env["hr.civil.discipline"].sudo()
        if REPRIMANDED in employees:
            Discipline.create(
                {
                    "name": "Nghỉ làm hai ngày không có lý do chính đáng",
                    "employee_id": employees[REPRIMANDED].id,
                    "violation_type": "absence",
                    "violation_date": last_month_end.replace(day=3),
                    "state": "decided",
                    "measure": "reprimand",
                    "decision_number": "27/QĐ-VKS",
                    "decision_date": last_month_end.replace(day=12),
                    "effective_from": last_month_end.replace(day=12),
                    "effective_to": last_month_end.replace(day=12) + timedelta(days=182),
                }
            )
        if UNDER_REVIEW in employees:
            Discipline.create(
                {
                    "name": "Làm việc riêng trong giờ hành chính (báo cáo của Phòng Thanh tra)",
                    "employee_id": employees[UNDER_REVIEW].id,
                    "violation_type": "private_work",
                    "violation_date": last_month_end.replace(day=20),
                    "state": "under_review",
                }
            )
        Wizard = self.env["hr.civil.evaluation.wizard"].sudo()
        for period_end in (before_last_end, last_month_end):
            wizard = Wizard.create({"period_type": "month", "year": period_end.year, "month": str(period_end.month)})
            evaluation = self.browse(wizard.action_run()["res_id"])
            evaluation._demo_assess(employees)
            evaluation.line_ids.action_propose()
            evaluation.action_decide_all()
            evaluation._demo_fit_quota()
            evaluation.action_finalise()
        if APPEALING in employees:
            line = evaluation.line_ids.filtered(lambda item: item.employee_id == employees[APPEALING])
            line.with_user(employees[APPEALING].user_id or self.env.user).sudo().action_appeal(
                "Tôi đã tiếp nhận thêm 40 hồ sơ khiếu nại trong tháng nhưng phần mềm chỉ ghi nhận 25 hồ sơ. "
                "Đề nghị xem xét lại."
            )
        quarter = str((last_month_end.month - 1) // 3 + 1)
        wizard = Wizard.create({"period_type": "quarter", "year": last_month_end.year, "quarter": quarter})
        evaluation = self.browse(wizard.action_run()["res_id"])
        half = dict(list(employees.items())[::2])
        evaluation._demo_assess(half, propose=False)

    def _demo_assess(self, employees, propose=True):
        by_employee = {line.employee_id.id: line for line in self.line_ids}
        for xmlid, employee in employees.items():
            line = by_employee.get(employee.id)
            if not line:
                continue
            _type, _year, self_points, supervisor_points = PEOPLE[xmlid]
            line.with_context(civil_evaluation_workflow=True).write(
                {
                    "self_general_points": self_points,
                    "self_assessment": "Hoàn thành các nhiệm vụ được giao đúng tiến độ; chấp hành tốt nội quy cơ quan. "
                    "Hạn chế: một số báo cáo còn chậm. Kế hoạch tháng tới: giải quyết dứt điểm hồ sơ tồn.",
                    "state": "self",
                }
            )
            if propose:
                line.with_context(civil_evaluation_workflow=True).write(
                    {
                        "supervisor_general_points": supervisor_points,
                        "supervisor_comment": "Đồng ý với nội dung tự đánh giá.",
                    }
                )

    def _demo_fit_quota(self):
        """Keep the demo finalisable: the lowest excellent scores of an exceeded scope become 'Good', with a reason."""
        for _attempt in range(10):
            exceeded = [row for row in self._quota_status() if row["excess"]]
            if not exceeded:
                return
            row = exceeded[0]
            lines = self.line_ids.filtered(lambda line: line.final_level == "excellent")
            if row["key"]:
                lines = lines.filtered(lambda line, key=row["key"]: line.quota_group == key)
            for line in lines.sorted("total_score")[: row["excess"]]:
                line.with_context(civil_evaluation_workflow=True).write(
                    {
                        "final_level": "good",
                        "override_reason": "Vượt tỷ lệ 20% Hoàn thành xuất sắc nhiệm vụ của nhóm "
                        "(NĐ 335/2025, Điều 20).",
                    }
                )
