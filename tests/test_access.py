from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HrCivilServiceCase

ROLES = ("user", "staff", "supervisor", "leader", "org_officer", "emulation_officer", "manager")
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}

# What each role may do on each model of the positions feature, derived from security/ir.model.access.csv
# (plus hr's own hr.job rights, which group_org_officer gets by implying hr.group_hr_user).
# "user" is an internal user without any Civil Service role.
# r = read, w = write, c = create, u = unlink (delete).
# fmt: off
ACCESS_MATRIX = {
    # model                      user  staff  superv  leader  org     emul  manager
    "hr.civil.rank":            ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.civil.rank.cap":        ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.competency":            ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.job.task.complexity":   ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.job.task.group":        ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.job.task":              ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.job.duty":              ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.job.competency":        ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.job.plan":              ("",   "",    "r",    "r",    "rwcu", "",   "rwcu"),
    "hr.job.plan.line":         ("",   "",    "r",    "r",    "rwcu", "",   "rwcu"),
    "hr.job":                   ("",   "r",   "r",    "r",    "rwcu", "r",  "rwcu"),
    "hr.job.headcount.report":  ("",   "",    "r",    "r",    "r",    "",   "r"),
}
# fmt: on

# Fields of hr.job restricted to some roles: who may read them.
JOB_FIELD_READERS = {
    "civil_plan_id": {"supervisor", "leader", "org_officer", "manager"},
    "civil_approved_headcount": {"staff", "supervisor", "leader", "org_officer", "emulation_officer", "manager"},
    "civil_filled_count": {"staff", "supervisor", "leader", "org_officer", "emulation_officer", "manager"},
    "civil_headcount_warning": {"staff", "supervisor", "leader", "org_officer", "emulation_officer", "manager"},
}


@tagged("post_install", "-at_install")
class TestAccessRights(HrCivilServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.task = cls._create_task("HRCS.ACL.01")
        cls.job_prosecutor.write(
            {
                "civil_duty_ids": [Command.create({"name": "Prosecute"})],
                "civil_competency_ids": [Command.create({"competency_id": cls.competency_ethics.id})],
            }
        )
        cls.plan = cls._create_plan("HRCS 400/QĐ", [(cls.dept_prosecution, cls.job_prosecutor, 2)])
        cls.plan.action_approve()
        cls.samples = {
            "hr.civil.rank": cls.rank_specialist,
            "hr.civil.rank.cap": cls.env.ref("hr_civil_service.hr_civil_rank_cap_general"),
            "hr.competency": cls.competency_ethics,
            "hr.job.task.complexity": cls.level_n3,
            "hr.job.task.group": cls.group_c,
            "hr.job.task": cls.task,
            "hr.job.duty": cls.job_prosecutor.civil_duty_ids,
            "hr.job.competency": cls.job_prosecutor.civil_competency_ids,
            "hr.job.plan": cls.plan,
            "hr.job.plan.line": cls.plan.line_ids,
            "hr.job": cls.job_prosecutor,
            "hr.job.headcount.report": cls.env["hr.job.headcount.report"].search(
                [("company_id", "=", cls.company.id), ("job_id", "=", cls.job_prosecutor.id)]
            ),
        }

    def test_matrix_is_complete(self):
        self.assertEqual(set(self.samples), set(ACCESS_MATRIX))
        for model, sample in self.samples.items():
            with self.subTest(model=model):
                self.assertEqual(len(sample), 1)
                self.assertEqual(len(ACCESS_MATRIX[model]), len(ROLES))
        # The roles nest: staff ⊂ supervisor ⊂ leader ⊂ manager; the officers are staff too.
        group = lambda xmlid: self.env.ref(f"hr_civil_service.group_{xmlid}")  # noqa: E731
        self.assertIn(group("staff"), group("supervisor").implied_ids)
        self.assertIn(group("supervisor"), group("leader").implied_ids)
        for role in ("leader", "org_officer", "emulation_officer"):
            self.assertIn(group(role), group("manager").implied_ids)
        for role in ("staff", "supervisor", "leader", "org_officer", "emulation_officer"):
            self.assertTrue(self.manager.has_group(f"hr_civil_service.group_{role}"))
        self.assertTrue(self.leader.has_group("hr_civil_service.group_staff"))
        self.assertFalse(self.leader.has_group("hr_civil_service.group_org_officer"))
        self.assertTrue(self.env.ref("base.user_admin").has_group("hr_civil_service.group_manager"))

    def test_model_access_matrix(self):
        for model, expected_by_role in ACCESS_MATRIX.items():
            for role, expected in zip(ROLES, expected_by_role, strict=True):
                Model = self.env[model].with_user(self.users[role])
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model, role=role, operation=operation):
                        allowed = letter in expected
                        self.assertEqual(Model.has_access(operation), allowed)
                        if allowed:
                            Model.check_access(operation)
                        else:
                            with self.assertRaises(AccessError):
                                Model.check_access(operation)

    def test_record_access_matrix(self):
        """The same matrix on a record of the user's own agency: the record rules let it through."""
        for model, expected_by_role in ACCESS_MATRIX.items():
            for role, expected in zip(ROLES, expected_by_role, strict=True):
                record = self.samples[model].with_user(self.users[role])
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model, role=role, operation=operation):
                        self.assertEqual(record.has_access(operation), letter in expected)

    def test_read_matrix_by_real_reads(self):
        for model, expected_by_role in ACCESS_MATRIX.items():
            for role, expected in zip(ROLES, expected_by_role, strict=True):
                record = self.samples[model].with_user(self.users[role])
                with self.subTest(model=model, role=role):
                    if "r" in expected:
                        self.assertTrue(record.read(["display_name"]))
                        self.assertIn(record, record.search([("id", "=", record.id)]))
                    else:
                        with self.assertRaises(AccessError):
                            record.read(["display_name"])
                        with self.assertRaises(AccessError):
                            record.search([("id", "=", record.id)])

    def test_real_operations(self):
        staff = self.staff
        rank_values = {"name": "HRCS Inspector", "code": "HRCS.ACL.R", "level": "specialist"}
        # Staff and the emulation officer only read the catalogues.
        with self.assertRaises(AccessError):
            self.env["hr.civil.rank"].with_user(staff).create(rank_values)
        with self.assertRaises(AccessError):
            self.task.with_user(staff).write({"standard_hours": 3})
        with self.assertRaises(AccessError):
            self.competency_ethics.with_user(staff).unlink()
        with self.assertRaises(AccessError):
            self.env["hr.job.task"].with_user(self.emulation_officer).create(
                {"code": "HRCS.ACL.02", "name": "No", "group_id": self.group_c.id, "standard_hours": 1}
            )
        with self.assertRaises(AccessError):
            self.job_prosecutor.with_user(staff).write({"civil_rank_id": self.rank_senior.id})
        with self.assertRaises(AccessError):
            self.job_prosecutor.civil_duty_ids.with_user(staff).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.env["hr.civil.rank"].with_user(self.user_internal).search([])
        # Plans are for supervisors to read, and for the organisation officer to make.
        with self.assertRaises(AccessError):
            self.env["hr.job.plan"].with_user(staff).search([])
        with self.assertRaises(AccessError):
            self.plan.with_user(self.emulation_officer).read(["name"])
        self.assertEqual(self.plan.with_user(self.supervisor).name, "HRCS 400/QĐ")
        with self.assertRaises(AccessError):
            self.plan.with_user(self.supervisor).write({"note": "<p>No</p>"})
        with self.assertRaises(AccessError):
            self._create_plan("HRCS 401/QĐ", [(self.dept_office, self.job_clerk, 1)], user=self.leader)
        draft = self._create_plan("HRCS 402/QĐ", [(self.dept_office, self.job_clerk, 1)])
        with self.assertRaises(AccessError):
            draft.with_user(self.leader).unlink()
        with self.assertRaises(AccessError):
            draft.with_user(self.supervisor).action_approve()
        with self.assertRaises(AccessError):
            self.env["hr.job.headcount.report"].with_user(self.org_officer).search([], limit=1).write({"gap": 0})

        # What the organisation officer and the manager may do.
        officer_draft = self._create_plan("HRCS 403/QĐ", [(self.dept_office, self.job_clerk, 1)], user=self.org_officer)
        officer_draft.line_ids.approved_headcount = 2
        officer_draft.unlink()
        task = self._create_task("HRCS.ACL.03").with_user(self.org_officer)
        task.standard_hours = 3
        task.unlink()
        rank = self.env["hr.civil.rank"].with_user(self.manager).create(rank_values)
        rank.unlink()
        self.job_prosecutor.with_user(self.org_officer).civil_rank_id = self.rank_senior
        self.assertEqual(self.job_prosecutor.civil_rank_id, self.rank_senior)
        job = self.env["hr.job"].with_user(self.org_officer).create({"name": "HRCS Officer's Position"})
        job.unlink()

    def test_job_civil_fields_per_role(self):
        for fname, readers in JOB_FIELD_READERS.items():
            for role in ROLES:
                job = self.job_prosecutor.with_user(self.users[role])
                with self.subTest(field=fname, role=role):
                    if role in readers:
                        job.read([fname])
                    else:
                        with self.assertRaises(AccessError):
                            job.read([fname])
        self.assertEqual(self.job_prosecutor.with_user(self.supervisor).civil_plan_id, self.plan)
        self.assertEqual(self.job_prosecutor.with_user(self.staff).civil_approved_headcount, 2)


@tagged("post_install", "-at_install")
class TestMultiCompany(HrCivilServiceCase):
    def test_other_agency_is_invisible(self):
        self.job_other.civil_duty_ids = [Command.create({"name": "Other duty"})]
        others = {
            "hr.job.plan": self.plan_other,
            "hr.job.plan.line": self.plan_other.line_ids,
            "hr.job.task": self.task_other,
            "hr.job.duty": self.job_other.civil_duty_ids,
            "hr.job": self.job_other,
        }
        for user in (self.org_officer, self.supervisor, self.manager):
            for model, record in others.items():
                with self.subTest(user=user.login, model=model):
                    Model = self.env[model].with_user(user)
                    self.assertFalse(Model.search([("id", "=", record.id)]))
                    self.assertFalse(Model.search([("company_id", "=", self.company_2.id)]))
                    self.assertFalse(record.with_user(user).has_access("read"))
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["display_name"])
        self.assertFalse(self.env["hr.job.task"].with_user(self.org_officer).search([("code", "=", "HRCS.001")]))
        with self.assertRaises(AccessError):
            self.task_other.with_user(self.org_officer).write({"standard_hours": 1})

        # The same officer, given both agencies, sees both: the record rules hide, not the rights.
        self.org_officer.company_ids = [Command.link(self.company_2.id)]
        officer = self.env(user=self.org_officer, context={"allowed_company_ids": [self.company.id, self.company_2.id]})
        self.assertEqual(officer["hr.job.plan"].search([("id", "=", self.plan_other.id)]), self.plan_other)
        self.assertEqual(officer["hr.job.task"].search([("code", "=", "HRCS.001")]), self.task_other)

    def test_shared_catalogue_rows_are_visible_everywhere(self):
        for user in (self.staff, self.org_officer):
            with self.subTest(user=user.login):
                self.assertTrue(self.level_n1.with_user(user).has_access("read"))
                self.assertTrue(self.group_a.with_user(user).has_access("read"))
                self.assertTrue(self.rank_specialist.with_user(user).has_access("read"))
        agency_rank = self.env["hr.civil.rank"].create(
            {"name": "HRCS Other Rank", "code": "HRCS.ACL.X", "company_id": self.company_2.id}
        )
        self.assertFalse(agency_rank.with_user(self.staff).has_access("read"))
