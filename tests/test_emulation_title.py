from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import HrCivilServiceCase

YEAR = 2025


class EmulationCase(HrCivilServiceCase):
    """Helpers of the emulation tests: annual ratings, registrations checked by the emulation officer,
    recognised initiatives. No test of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.title_ldtt = ref("hr_civil_service.hr_emulation_title_ldtt")
        cls.title_cstdcs = ref("hr_civil_service.hr_emulation_title_cstdcs")
        cls.title_cstd_ministry = ref("hr_civil_service.hr_emulation_title_cstd_ministry")
        cls.title_cstd_national = ref("hr_civil_service.hr_emulation_title_cstd_national")
        cls.title_ttldtt = ref("hr_civil_service.hr_emulation_title_ttldtt")
        cls.title_ttldxs = ref("hr_civil_service.hr_emulation_title_ttldxs")
        cls.title_block_flag = ref("hr_civil_service.hr_emulation_title_block_flag")
        cls.scheme = ref("hr_civil_service.hr_civil_evaluation_scheme_nd335")

    @classmethod
    def _rate(cls, employee, level, year=YEAR):
        """A final annual rating of ``employee`` (the evaluation issue's data, created directly)."""
        evaluation = cls.env["hr.civil.evaluation"].search(
            [("period_type", "=", "year"), ("year", "=", year), ("company_id", "=", cls.company.id)], limit=1
        ) or cls.env["hr.civil.evaluation"].create(
            {"period_type": "year", "year": year, "company_id": cls.company.id, "scheme_id": cls.scheme.id}
        )
        return cls.env["hr.civil.evaluation.line"].create(
            {
                "evaluation_id": evaluation.id,
                "employee_id": employee.id,
                "scheme_id": cls.scheme.id,
                "months_worked": 12.0,
                "final_level": level,
                "override_reason": "Decided by the agency head",
                "state": "final",
            }
        )

    @classmethod
    def _register(cls, title, holder, year=YEAR, state=None, **vals):
        field = "employee_id" if holder._name == "hr.employee" else "department_id"
        registration = cls.env["hr.emulation.registration"].create(
            {"title_id": title.id, field: holder.id, "year": year, "company_id": cls.company.id, **vals}
        )
        if state:
            registration.state = state
        return registration

    def _check(self, registration):
        registration.with_user(self.emulation_officer).action_check()
        return {line.code: line.passed for line in registration.check_ids}

    def _criterion(self, registration, code):
        """The criterion as the English-speaking officer reads it (each language has its own text)."""
        return registration.check_ids.with_context(lang="en_US").filtered(lambda line: line.code == code)

    @classmethod
    def _initiative(
        cls,
        authors,
        name="HRCS Initiative",
        level="grassroots",
        decision_date=date(YEAR, 10, 1),
        first_applied=date(YEAR, 2, 1),
        recognised=True,
    ):
        """``authors``: [(employee, share)]."""
        initiative = cls.env["hr.initiative"].create(
            {
                "name": name,
                "company_id": cls.company.id,
                "first_applied_date": first_applied,
                "author_ids": [Command.create({"employee_id": e.id, "share": share}) for e, share in authors],
            }
        )
        if recognised:
            initiative.write(
                {
                    "state": "recognised",
                    "request_date": first_applied,
                    "council_review": "Useful and replicable.",
                    "level": level,
                    "decision_number": f"{initiative.id}/QĐ-VKS",
                    "decision_date": decision_date,
                }
            )
        return initiative


@tagged("post_install", "-at_install")
class TestEmulationEligibility(EmulationCase):
    """Every eligibility rule of the titles, with a passing and a failing case, each with its evidence."""

    def test_catalogue(self):
        self.assertRecordValues(
            self.title_ldtt | self.title_cstdcs | self.title_ttldxs | self.title_block_flag,
            [
                {"scope": "individual", "bonus_multiple": 0.3, "includes_title_id": False},
                {"scope": "individual", "bonus_multiple": 1.0, "includes_title_id": self.title_ldtt.id},
                {"scope": "collective", "bonus_multiple": 1.5, "includes_title_id": self.title_ttldtt.id},
                {"scope": "collective", "bonus_multiple": 8.0, "includes_title_id": self.title_ttldxs.id},
            ],
        )
        self.assertEqual((self.title_ttldxs.cap_percent, self.title_ttldxs.cap_rounding), (20.0, "down"))
        self.assertEqual(self.title_cstd_national.bonus_multiple, 4.5)
        self.assertEqual(self.title_cstd_ministry.bonus_multiple, 3.0)
        self.assertEqual(self.title_ttldtt.bonus_multiple, 0.8)
        Title = self.env["hr.emulation.title"]
        self.assertEqual(Title.search([("display_name", "ilike", "CSTĐCS")]), self.title_cstdcs, "found by its code")
        self.assertEqual(self.title_ldtt.display_name, "Advanced Worker (LĐTT)")

    def test_level(self):
        good = self._rate(self.emp_prosecutor_1, "good")
        self._rate(self.emp_prosecutor_2, "done")
        passing = self._register(self.title_ldtt, self.emp_prosecutor_1)
        failing = self._register(self.title_ldtt, self.emp_prosecutor_2)
        missing = self._register(self.title_ldtt, self.emp_clerk)
        self.assertTrue(self._check(passing)["level"])
        self.assertEqual(self._criterion(passing, "level").evidence_ref, good)
        self.assertTrue(passing.eligible)
        self.assertEqual(passing.state, "checked")
        self.assertFalse(self._check(failing)["level"])
        self.assertFalse(failing.eligible)
        self.assertEqual(failing.failed_count, 1)
        self.assertFalse(self._check(missing)["level"])
        self.assertIn("No final annual rating", self._criterion(missing, "level").evidence)
        # a rating of another year or not final is not the year's rating
        self._rate(self.emp_clerk, "excellent", year=YEAR - 1)
        self._rate(self.emp_clerk, "excellent").state = "decided"
        self.assertFalse(self._check(missing)["level"])

    def test_criteria_in_every_language(self):
        self._rate(self.emp_prosecutor_1, "good")
        registration = self._register(self.title_ldtt, self.emp_prosecutor_1)
        self._check(registration)
        self.env["res.lang"]._activate_lang("vi_VN")
        registration.with_user(self.emulation_officer).action_check()
        level = self._criterion(registration, "level")
        self.assertNotEqual(level.with_context(lang="vi_VN").name, level.with_context(lang="en_US").name)
        self.assertEqual(level.with_context(lang="en_US").name, "Rated Good or higher")

    def test_under_review(self):
        self._rate(self.emp_prosecutor_1, "good")
        self._rate(self.emp_prosecutor_2, "good")
        case = self.env["hr.civil.discipline"].create(
            {
                "name": "Late filing under review",
                "employee_id": self.emp_prosecutor_1.id,
                "violation_date": date(YEAR, 11, 3),
            }
        )
        failing = self._register(self.title_ldtt, self.emp_prosecutor_1)
        passing = self._register(self.title_ldtt, self.emp_prosecutor_2)
        self.assertFalse(self._check(failing)["review"])
        self.assertEqual(self._criterion(failing, "review").evidence_ref, case)
        self.assertTrue(self._check(passing)["review"])
        case.write({"state": "cancelled"})
        self.assertTrue(self._check(failing)["review"])

    def test_discipline_in_year(self):
        self._rate(self.emp_prosecutor_1, "good")
        self._rate(self.emp_prosecutor_2, "good")
        Discipline = self.env["hr.civil.discipline"]
        reprimand = Discipline.create(
            {
                "name": "Public-service violation",
                "employee_id": self.emp_prosecutor_1.id,
                "state": "decided",
                "measure": "reprimand",
                "violation_date": date(YEAR, 3, 1),
                "decision_date": date(YEAR, 4, 1),
            }
        )
        Discipline.create(
            {
                "name": "Late arrival",
                "employee_id": self.emp_prosecutor_2.id,
                "state": "decided",
                "measure": "reminder",
                "violation_date": date(YEAR, 3, 1),
                "decision_date": date(YEAR, 4, 1),
            }
        )
        failing = self._register(self.title_ldtt, self.emp_prosecutor_1)
        passing = self._register(self.title_ldtt, self.emp_prosecutor_2)
        self.assertFalse(self._check(failing)["discipline"])
        self.assertEqual(self._criterion(failing, "discipline").evidence_ref, reprimand)
        self.assertTrue(self._check(passing)["discipline"])

    def test_months_from_recruitment(self):
        for employee in (self.emp_prosecutor_1, self.emp_prosecutor_2):
            self._rate(employee, "good")
        self.emp_prosecutor_1.civil_recruitment_date = date(YEAR, 8, 1)
        self.emp_prosecutor_2.civil_recruitment_date = date(YEAR, 3, 1)
        failing = self._register(self.title_ldtt, self.emp_prosecutor_1)
        passing = self._register(self.title_ldtt, self.emp_prosecutor_2)
        self.assertFalse(self._check(failing)["months"])
        self.assertIn("01/08/2025", self._criterion(failing, "months").evidence)
        self.assertEqual(failing.months_worked, 5.0)
        self.assertEqual(failing.evaluation_level, "good")
        self.assertTrue(self._check(passing)["months"])

    def _leave(self, employee, date_from, date_to, kind):
        return self.env["resource.calendar.leaves"].create(
            {
                "name": "Leave",
                "resource_id": employee.resource_id.id,
                "calendar_id": employee.resource_calendar_id.id,
                "company_id": self.company.id,
                "date_from": datetime.combine(date_from, datetime.min.time()),
                "date_to": datetime.combine(date_to, datetime.max.time().replace(microsecond=0)),
                "civil_leave_kind": kind,
            }
        )

    def test_months_off_and_maternity(self):
        for employee in (self.emp_prosecutor_1, self.emp_prosecutor_2):
            self._rate(employee, "good")
        # four months off: refused (off 3 months or more) ...
        self._leave(self.emp_prosecutor_1, date(YEAR, 2, 1), date(YEAR, 5, 31), "unpaid")
        # ... unless it is maternity leave, which counts as time worked
        self._leave(self.emp_prosecutor_2, date(YEAR, 2, 1), date(YEAR, 5, 31), "maternity")
        failing = self._register(self.title_ldtt, self.emp_prosecutor_1)
        passing = self._register(self.title_ldtt, self.emp_prosecutor_2)
        self.assertFalse(self._check(failing)["months_off"])
        self.assertTrue(self._check(passing)["months_off"])
        self.assertTrue(self._check(passing)["months"])

    def test_months_after_discipline_period(self):
        """Achievements count from the day after the discipline period (ND 98/2023 Art. 4)."""
        for employee in (self.emp_prosecutor_1, self.emp_prosecutor_2):
            self._rate(employee, "good")
        Discipline = self.env["hr.civil.discipline"]
        for employee, end in ((self.emp_prosecutor_1, date(YEAR, 9, 30)), (self.emp_prosecutor_2, date(YEAR, 3, 31))):
            Discipline.create(
                {
                    "name": "Violation of the previous year",
                    "employee_id": employee.id,
                    "state": "decided",
                    "measure": "reprimand",
                    "violation_date": date(YEAR - 1, 9, 1),
                    "decision_date": date(YEAR - 1, 10, 1),
                    "effective_from": date(YEAR - 1, 10, 1),
                    "effective_to": end,
                }
            )
        failing = self._register(self.title_ldtt, self.emp_prosecutor_1)
        passing = self._register(self.title_ldtt, self.emp_prosecutor_2)
        checks = self._check(failing)
        self.assertTrue(checks["discipline"], "decided in the previous year")
        self.assertFalse(checks["months"])
        self.assertIn("01/10/2025", self._criterion(failing, "months").evidence)
        self.assertTrue(self._check(passing)["months"])

    def test_cstdcs_excellent_or_initiative(self):
        excellent = self._rate(self.emp_prosecutor_1, "excellent")
        self._rate(self.emp_prosecutor_2, "good")
        self._rate(self.emp_head, "good")
        by_rating = self._register(self.title_cstdcs, self.emp_prosecutor_1)
        checks = self._check(by_rating)
        self.assertTrue(checks["initiative"])
        self.assertTrue(checks["level"], "the criteria of Lao động tiên tiến are included")
        self.assertEqual(self._criterion(by_rating, "initiative").evidence_ref, excellent)
        self.assertFalse(by_rating.initiative_ids, "no initiative is used when the rating suffices")

        without = self._register(self.title_cstdcs, self.emp_prosecutor_2)
        self.assertFalse(self._check(without)["initiative"])
        self.assertIn("No recognised initiative", self._criterion(without, "initiative").evidence)
        # an initiative recognised at grassroots level in the year makes it pass, and is now used
        initiative = self._initiative([(self.emp_prosecutor_2, 60), (self.emp_head, 40)])
        self.assertTrue(self._check(without)["initiative"])
        self.assertEqual(self._criterion(without, "initiative").evidence_ref, initiative)
        self.assertEqual(without.initiative_ids, initiative)
        self.assertIn(without.display_name, initiative.used_by)

        # the co-author cannot use it again for another title
        co_author = self._register(self.title_cstdcs, self.emp_head)
        self.assertFalse(self._check(co_author)["initiative"])
        self.assertIn("already used", self._criterion(co_author, "initiative").evidence)
        # an initiative of another year does not count
        self._initiative(
            [(self.emp_head, 100)], name="Old", decision_date=date(YEAR - 1, 6, 1), first_applied=date(YEAR - 1, 1, 10)
        )
        self.assertFalse(self._check(co_author)["initiative"])

    def test_history(self):
        self._rate(self.emp_prosecutor_1, "excellent")
        self._rate(self.emp_prosecutor_2, "excellent")
        for employee in (self.emp_prosecutor_1, self.emp_prosecutor_2):
            self._initiative([(employee, 100)], name=f"Ministry initiative {employee.name}", level="ministry")
        for year in (YEAR - 2, YEAR - 1):
            self._register(self.title_cstdcs, self.emp_prosecutor_1, year=year, state="approved")
        self._register(self.title_cstdcs, self.emp_prosecutor_2, year=YEAR - 1, state="approved")
        self._register(self.title_cstdcs, self.emp_prosecutor_2, year=YEAR - 2, state="rejected")
        passing = self._register(self.title_cstd_ministry, self.emp_prosecutor_1)
        failing = self._register(self.title_cstd_ministry, self.emp_prosecutor_2)
        checks = self._check(passing)
        self.assertTrue(checks["history"])
        self.assertTrue(checks["initiative"], "a ministry-level initiative")
        self.assertTrue(passing.eligible)
        self.assertFalse(self._check(failing)["history"])
        self.assertIn("Missing: 2023", self._criterion(failing, "history").evidence)

    def test_initiative_level(self):
        """A grassroots initiative does not back a ministry-level title."""
        self._rate(self.emp_prosecutor_1, "good")
        self._initiative([(self.emp_prosecutor_1, 100)], level="grassroots")
        registration = self._register(self.title_cstd_ministry, self.emp_prosecutor_1)
        self.assertFalse(self._check(registration)["initiative"])
        self._initiative([(self.emp_prosecutor_1, 100)], name="Ministry one", level="national")
        self.assertTrue(self._check(registration)["initiative"], "a higher level is enough")

    # ------------------------------------------------------------------
    # Collective titles
    # ------------------------------------------------------------------
    def _award_members(self, employees, title=None):
        for employee in employees:
            self._register(title or self.title_ldtt, employee, state="approved")

    def test_member_share(self):
        """Tập thể lao động tiên tiến: at least 70 % of the members Lao động tiên tiến."""
        registration = self._register(self.title_ttldtt, self.dept_prosecution)
        self._award_members(self.emp_head | self.emp_prosecutor_1)
        self.assertFalse(self._check(registration)["members"])
        self.assertIn("2 of 3 members", self._criterion(registration, "members").evidence)
        # a higher title that includes Lao động tiên tiến counts
        self._award_members(self.emp_prosecutor_2, title=self.title_cstdcs)
        self.assertTrue(self._check(registration)["members"])
        self.assertTrue(registration.eligible)

    def test_member_discipline(self):
        registration = self._register(self.title_ttldtt, self.dept_prosecution)
        self._award_members(self.emp_head | self.emp_prosecutor_1 | self.emp_prosecutor_2)
        Discipline = self.env["hr.civil.discipline"]
        Discipline.create(
            {
                "name": "Reprimanded",
                "employee_id": self.emp_prosecutor_2.id,
                "state": "decided",
                "measure": "reprimand",
                "violation_date": date(YEAR, 3, 1),
                "decision_date": date(YEAR, 4, 1),
            }
        )
        self.assertTrue(self._check(registration)["member_discipline"], "a reprimand is below warning")
        warning = Discipline.create(
            {
                "name": "Warned",
                "employee_id": self.emp_prosecutor_2.id,
                "state": "decided",
                "measure": "warning",
                "violation_date": date(YEAR, 5, 1),
                "decision_date": date(YEAR, 6, 1),
            }
        )
        self.assertFalse(self._check(registration)["member_discipline"])
        self.assertEqual(self._criterion(registration, "member_discipline").evidence_ref, warning)

    def test_excellent_collective(self):
        registration = self._register(self.title_ttldxs, self.dept_prosecution)
        self._award_members(self.emp_head | self.emp_prosecutor_1 | self.emp_prosecutor_2)
        checks = self._check(registration)
        self.assertTrue(checks["members"], "the criteria of Tập thể lao động tiên tiến are included")
        self.assertFalse(checks["targets"])
        self.assertFalse(checks["distinction"])
        self.assertTrue(checks["cap"], "at least one")
        registration.targets_exceeded = True
        self._award_members(self.emp_prosecutor_1, title=self.title_cstdcs)
        checks = self._check(registration)
        self.assertTrue(checks["targets"])
        self.assertTrue(checks["distinction"])
        self.assertTrue(registration.eligible)

    def test_block_flag(self):
        registration = self._register(self.title_block_flag, self.dept_prosecution, targets_exceeded=True)
        self.assertFalse(self._check(registration)["block"])
        registration.origin = "Block 3 vote 2025"
        self.assertTrue(self._check(registration)["block"])
        self.assertIn("targets", self._check(registration), "includes Tập thể lao động xuất sắc")

    def test_cap_rounding(self):
        """Cap = units rated Tập thể lao động tiên tiến × 20 %, rounded as the title says, at least one."""
        title = self.title_ttldxs
        expected = {
            # units: (down, half up, up)
            12: (2, 2, 3),
            8: (1, 2, 2),
            7: (1, 1, 2),
            3: (1, 1, 1),  # 0.6 → 0 rounded down, raised to the minimum 1
            0: (1, 1, 1),
            10: (2, 2, 2),
        }
        for units, values in expected.items():
            for rounding, value in zip(("down", "half_up", "up"), values, strict=True):
                title.cap_rounding = rounding
                self.assertEqual(title._cap(units), value, f"{units} units, {rounding}")
        title.cap_minimum = 0
        title.cap_rounding = "down"
        self.assertEqual(title._cap(3), 0)

    def test_cap(self):
        Department = self.env["hr.department"]
        units = Department.create([{"name": f"HRCS Unit {n}", "company_id": self.company.id} for n in range(10)])
        for unit in units[:7]:
            self._register(self.title_ttldtt, unit, state="approved")
        first = self._register(self.title_ttldxs, units[7], state="approved")
        self.assertTrue(first)
        # 7 units rated TTLĐTT (the awarded TTLĐXS includes it: 8) → 20 % = 1.6 → 1 rounded down, already taken
        second = self._register(self.title_ttldxs, units[8])
        self.assertFalse(self._check(second)["cap"])
        evidence = self._criterion(second, "cap").evidence
        self.assertIn("1 already awarded, cap 1", evidence)
        self.assertIn("8 units", evidence)
        # rounded half up: 1.6 → 2
        self.title_ttldxs.cap_rounding = "half_up"
        self.assertTrue(self._check(second)["cap"])
        self.title_ttldxs.cap_rounding = "down"
        # two more units rated: 10 → 2
        self._register(self.title_ttldtt, units[9], state="approved")
        self._register(self.title_ttldtt, self.dept_office, state="approved")
        self.assertTrue(self._check(second)["cap"])

    # ------------------------------------------------------------------
    # Workflow, override, bonus, access
    # ------------------------------------------------------------------
    def test_override_and_award(self):
        self._rate(self.emp_prosecutor_1, "done")
        registration = self._register(self.title_ldtt, self.emp_prosecutor_1)
        officer_registration = registration.with_user(self.emulation_officer)
        officer_registration.action_check()
        with self.assertRaisesMessage(UserError, "does not meet"):
            officer_registration.action_approve()
        with self.assertRaisesMessage(UserError, "Give the reason"):
            officer_registration.action_override()
        officer_registration.override_reason = "Rating appealed and raised by the Chief Prosecutor"
        officer_registration.action_override()
        self.assertTrue(registration.override)
        self.assertIn("Rating appealed and raised", "".join(registration.message_ids.mapped("body")))
        officer_registration.decision_number = "12/QĐ-VKS"
        officer_registration.decision_date = date(YEAR, 12, 20)
        officer_registration.action_approve()
        self.assertEqual(registration.state, "approved")
        self.assertEqual(registration.bonus_amount, 702000.0)
        with self.assertRaisesMessage(UserError, "cannot be deleted"):
            registration.unlink()

    def test_one_registration_per_year(self):
        self._register(self.title_ldtt, self.emp_prosecutor_1)
        with self.assertRaisesMessage(ValidationError, "already registered"):
            self._register(self.title_ldtt, self.emp_prosecutor_1)
        self._register(self.title_ldtt, self.emp_prosecutor_1, year=YEAR + 1)
        with self.assertRaisesMessage(ValidationError, "registered by an employee"):
            self.env["hr.emulation.registration"].create(
                {"title_id": self.title_ldtt.id, "department_id": self.dept_office.id, "year": YEAR}
            )
        with self.assertRaisesMessage(ValidationError, "registered by a unit"):
            self.env["hr.emulation.registration"].create(
                {"title_id": self.title_ttldtt.id, "employee_id": self.emp_clerk.id, "year": YEAR}
            )

    def test_bonus_amounts(self):
        Salary = self.env["hr.civil.base.salary"]
        self.assertEqual(Salary._amount_on(date(2024, 7, 1)), 2340000.0)
        self.assertEqual(Salary._amount_on(date(2024, 6, 30)), 0.0)
        amounts = {
            self.title_ldtt: 702000.0,
            self.title_cstdcs: 2340000.0,
            self.title_cstd_ministry: 7020000.0,
            self.title_cstd_national: 10530000.0,
            self.title_ttldtt: 1872000.0,
            self.title_ttldxs: 3510000.0,
            self.title_block_flag: 18720000.0,
        }
        for title, amount in amounts.items():
            holder = self.emp_clerk if title.scope == "individual" else self.dept_office
            registration = self._register(title, holder, decision_date=date(YEAR, 12, 20))
            self.assertEqual(registration.bonus_amount, amount, title.code)
        # a new base salary applies to decisions from its date
        Salary.create({"date_from": date(YEAR + 1, 7, 1), "amount": 2530000})
        before = self._register(self.title_ldtt, self.emp_head, year=YEAR + 1, decision_date=date(YEAR + 1, 6, 30))
        after = self._register(
            self.title_ldtt, self.emp_prosecutor_1, year=YEAR + 1, decision_date=date(YEAR + 1, 7, 1)
        )
        self.assertEqual(before.bonus_amount, 702000.0)
        self.assertEqual(after.bonus_amount, 759000.0)

    def test_access(self):
        Registration = self.env["hr.emulation.registration"]
        own = Registration.with_user(self.staff).create(
            {"title_id": self.title_ldtt.id, "employee_id": self.emp_clerk.id, "year": YEAR}
        )
        self.assertEqual(own.department_id, self.dept_office)
        with self.assertRaises(AccessError):
            Registration.with_user(self.staff).create(
                {"title_id": self.title_ldtt.id, "employee_id": self.emp_prosecutor_1.id, "year": YEAR}
            )
        other = self._register(self.title_ldtt, self.emp_prosecutor_1)
        with self.assertRaises(AccessError):
            other.with_user(self.staff).read(["year"])
        with self.assertRaisesMessage(UserError, "Only an emulation officer"):
            own.with_user(self.staff).action_check()
        own.with_user(self.emulation_officer).action_check()
        with self.assertRaises(AccessError):
            own.with_user(self.staff).write({"note": "changed after the check"})
        self.assertTrue(own.with_user(self.staff).check_ids.read(["result"]))
        with self.assertRaises(AccessError):
            self.title_ldtt.with_user(self.staff).write({"bonus_multiple": 5})
        with self.assertRaises(AccessError):
            self.env["hr.emulation.title"].with_user(self.staff).create({"name": "X", "code": "X"})
        self.env["hr.emulation.title"].with_user(self.emulation_officer).create(
            {"name": "Agency title", "code": "AT", "company_id": self.company.id}
        )
        self.assertTrue(other.with_user(self.leader).read(["year"]))
        with self.assertRaises(AccessError):
            other.with_user(self.leader).write({"note": "x"})
        # another agency's registrations are invisible
        foreign = self.env["hr.emulation.registration"].create(
            {
                "title_id": self.title_ttldtt.id,
                "department_id": self.dept_other.id,
                "year": YEAR,
                "company_id": self.company_2.id,
            }
        )
        with self.assertRaises(AccessError):
            foreign.with_user(self.emulation_officer).read(["year"])

    def test_history_buttons(self):
        self._register(self.title_ldtt, self.emp_prosecutor_1, state="approved")
        self._register(self.title_ttldtt, self.dept_prosecution, state="approved")
        self._initiative([(self.emp_prosecutor_1, 100)])
        self.assertEqual(self.emp_prosecutor_1.emulation_title_count, 1)
        self.assertEqual(self.emp_prosecutor_1.initiative_count, 1)
        self.assertEqual(self.dept_prosecution.emulation_title_count, 1)
        self.assertEqual(self.dept_prosecution.initiative_count, 1)
        action = self.emp_prosecutor_1.action_view_emulation_titles()
        self.assertEqual(
            self.env["hr.emulation.registration"].search(action["domain"]).employee_id, self.emp_prosecutor_1
        )
