from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import PAST, HrCivilServiceCase


@tagged("post_install", "-at_install")
class TestPlanWorkflow(HrCivilServiceCase):
    def _flush_tracking(self):
        """Tracking values are written just before commit (precommit), as at the end of a request."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def _lines(self):
        return [
            (self.dept_prosecution, self.job_head, 1),
            (self.dept_prosecution, self.job_prosecutor, 3),
            (self.dept_office, self.job_clerk, 1),
        ]

    def test_plan_form_create_and_approve(self):
        """The organisation officer records the decision through the form, then approves it."""
        form = Form(self.env["hr.job.plan"].with_user(self.org_officer))
        form.name = "HRCS 125/QĐ-VKS"
        form.subject = "Job position plan 2026–2030"
        form.authority = "HRCS Chief Prosecutor"
        form.decision_date = date(2024, 12, 20)
        form.effective_date = PAST
        self.assertEqual(form.state, "draft")
        with form.line_ids.new() as line:
            line.department_id = self.dept_prosecution
            line.job_id = self.job_prosecutor
            self.assertEqual(line.job_name, "HRCS Prosecutor", "the approved name is copied from the position")
            line.approved_headcount = 3
            self.assertEqual(line.filled_count, 2)
            self.assertEqual(line.gap, -1)
        with form.line_ids.new() as line:
            line.department_id = self.dept_office
            line.job_id = self.job_clerk
        self.assertEqual(form.total_approved_headcount, 4)
        plan = form.save()

        self.assertEqual(plan.company_id, self.company)
        self.assertEqual(plan.state, "draft")
        self.assertEqual(len(plan.line_ids), 2)
        self.assertEqual(plan.line_ids.company_id, self.company)
        self.assertEqual((plan.total_approved_headcount, plan.total_filled), (4, 3))

        plan.with_user(self.org_officer).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.org_officer)
        self.assertTrue(plan.approval_date)

    def test_plan_chatter_tracks_the_decision(self):
        plan = self._create_plan("HRCS 7/QĐ", self._lines(), user=self.org_officer)
        self._flush_tracking()  # creation and approval happen in two transactions
        plan.message_post(body="Submitted to the Chief Prosecutor.")
        plan.with_user(self.org_officer).action_approve()
        self._flush_tracking()
        tracked = plan.sudo().message_ids.tracking_value_ids.filtered(lambda value: value.field_id.name == "state")
        self.assertEqual(tracked.mapped("new_value_char"), ["Approved"])
        self.assertIn("Submitted to the Chief Prosecutor.", plan.message_ids.mapped("preview"))

    def test_approval_supersedes_the_plan_of_the_same_scope(self):
        old = self._create_plan("HRCS 1/QĐ", self._lines(), effective_date=date(2023, 1, 1))
        old.action_approve()
        department_plan = self._create_plan(
            "HRCS 2/QĐ",
            [(self.dept_office, self.job_clerk, 2)],
            department=self.dept_office,
            effective_date=date(2023, 6, 1),
        )
        department_plan.action_approve()
        self.assertEqual(old.state, "approved", "a department plan does not supersede the agency plan")

        new = self._create_plan("HRCS 3/QĐ", self._lines(), effective_date=PAST, user=self.org_officer)
        new.with_user(self.org_officer).action_approve()

        self.assertEqual(new.state, "approved")
        self.assertEqual(old.state, "superseded")
        self.assertEqual(old.superseded_by_id, new)
        self.assertEqual(department_plan.state, "approved", "another scope is left alone")
        self.assertEqual(self.plan_other.state, "approved", "another company is left alone")
        self.assertIn("Superseded by plan HRCS 3/QĐ.", old.message_ids.mapped("preview"))
        self.assertIn("Supersedes HRCS 1/QĐ.", new.message_ids.mapped("preview"))
        # The superseded plan stays readable, with its lines, for the record.
        for user in (self.org_officer, self.supervisor, self.leader):
            with self.subTest(user=user.login):
                superseded = old.with_user(user)
                self.assertEqual(superseded.read(["state"])[0]["state"], "superseded")
                self.assertEqual(len(superseded.line_ids), 3)
                self.assertEqual(superseded.line_ids.mapped("approved_headcount"), [1, 3, 1])
        # The new plan is the one in force.
        in_force = self.env["hr.job.plan"]._get_plans_in_force(self.company)
        self.assertEqual(in_force, new | department_plan)
        self.assertEqual(self.job_prosecutor.civil_plan_id, new)

        # A second department plan supersedes the first one of its scope.
        department_plan_2 = self._create_plan(
            "HRCS 4/QĐ",
            [(self.dept_office, self.job_clerk, 1)],
            department=self.dept_office,
        )
        department_plan_2.action_approve()
        self.assertEqual(department_plan.state, "superseded")
        self.assertEqual(new.state, "approved")

    def test_plan_taking_effect_later_supersedes_on_its_effective_date(self):
        old = self._create_plan("HRCS 10/QĐ", self._lines())
        old.action_approve()
        today = fields.Date.today()
        future = self._create_plan("HRCS 11/QĐ", self._lines(), effective_date=today + timedelta(days=10))
        future.action_approve()
        self.assertEqual(future.state, "approved")
        self.assertEqual(old.state, "approved", "the old plan stays in force until the new one takes effect")
        self.assertEqual(self.env["hr.job.plan"]._get_plans_in_force(self.company), old)
        self.env["hr.job.plan"]._cron_supersede_plans()
        self.assertEqual(old.state, "approved")

        with freeze_time(today + timedelta(days=10)):
            self.env["hr.job.plan"]._cron_supersede_plans()
            self.assertEqual(old.state, "superseded")
            self.assertEqual(old.superseded_by_id, future)
            self.assertEqual(self.env["hr.job.plan"]._get_plans_in_force(self.company), future)

    def test_approve_refused(self):
        empty = self._create_plan("HRCS 20/QĐ", [])
        with self.assertRaisesMessage(UserError, "no headcount lines"):
            empty.action_approve()
        self.assertEqual(empty.state, "draft")
        self.assertFalse(empty.approved_by_id)

        plan = self._create_plan("HRCS 21/QĐ", self._lines())
        plan.action_approve()
        with self.assertRaisesMessage(UserError, "Only a draft plan can be approved"):
            plan.action_approve()
        newer = self._create_plan("HRCS 22/QĐ", self._lines())
        newer.action_approve()
        with self.assertRaisesMessage(UserError, "Only a draft plan can be approved"):
            plan.action_approve()
        self.assertEqual(plan.state, "superseded")
        self.assertEqual(newer.state, "approved")

    def test_approved_plan_is_locked(self):
        plan = self._create_plan("HRCS 30/QĐ", self._lines(), user=self.org_officer)
        plan.action_approve()
        plan = plan.with_user(self.org_officer)
        draft = self._create_plan("HRCS 31/QĐ", [(self.dept_office, self.job_prosecutor, 1)], user=self.org_officer)
        draft = draft.with_user(self.org_officer)
        locked_values = {
            "name": "HRCS 30b/QĐ",
            "authority": "Somebody else",
            "decision_date": date(2024, 2, 2),
            "effective_date": date(2024, 2, 2),
            "department_id": self.dept_office.id,
            "company_id": self.company_2.id,
            "line_ids": [Command.create({"department_id": self.dept_office.id, "approved_headcount": 1})],
        }
        for fname, value in locked_values.items():
            with self.subTest(field=fname), self.assertRaisesMessage(UserError, "no longer a draft"):
                plan.write({fname: value})
        self.assertEqual(plan.name, "HRCS 30/QĐ")
        self.assertEqual(plan.effective_date, PAST)

        line = plan.line_ids.filtered(lambda line: line.job_id == self.job_prosecutor)
        lines_before = self._count("hr.job.plan.line", [("plan_id", "=", plan.id)])
        with self.assertRaisesMessage(UserError, "no longer a draft"):
            line.approved_headcount = 5
        with self.assertRaisesMessage(UserError, "no longer a draft"):
            plan.line_ids.create({"plan_id": plan.id, "department_id": self.dept_office.id, "approved_headcount": 1})
        with self.assertRaisesMessage(UserError, "no longer a draft"):
            line.unlink()
        self.assertEqual(line.approved_headcount, 3)
        self.assertEqual(self._count("hr.job.plan.line", [("plan_id", "=", plan.id)]), lines_before)

        # Free-text notes may still change.
        plan.note = "<p>Published in the Official Gazette.</p>"
        self.assertIn("Official Gazette", plan.note)

        # Only drafts can be deleted; a superseded plan is kept as well.
        with self.assertRaisesMessage(UserError, "cannot be deleted"):
            plan.unlink()
        newer = self._create_plan("HRCS 32/QĐ", self._lines())
        newer.action_approve()
        self.assertEqual(plan.state, "superseded")
        with self.assertRaisesMessage(UserError, "cannot be deleted"):
            plan.unlink()
        self.assertTrue(plan.exists())

        draft_lines = draft.line_ids
        draft.unlink()
        self.assertFalse(draft.exists())
        self.assertFalse(draft_lines.exists(), "the lines of a deleted draft go with it")

    def test_line_cannot_move_into_an_approved_plan(self):
        """Moving a draft's line into an approved plan changes the approved plan's lines."""
        plan = self._create_plan("HRCS 33/QĐ", self._lines())
        plan.action_approve()
        draft = self._create_plan("HRCS 34/QĐ", [(self.dept_office, self.job_prosecutor, 1)])
        with self.assertRaisesMessage(UserError, "no longer a draft"):
            draft.line_ids.with_user(self.org_officer).write({"plan_id": plan.id})
        self.assertEqual(len(plan.line_ids), 3)
        self.assertEqual(plan.total_approved_headcount, 5)

    def test_approved_plan_form_is_read_only(self):
        plan = self._create_plan("HRCS 40/QĐ", self._lines())
        plan.action_approve()
        form = Form(plan.with_user(self.org_officer))
        for fname in ("name", "authority", "decision_date", "effective_date", "department_id"):
            with self.subTest(field=fname), self.assertRaises(AssertionError):
                setattr(form, fname, False)
        with self.assertRaises(AssertionError):
            form.line_ids.new()
        form.note = "<p>Kept for the record.</p>"
        form.save()
        self.assertIn("Kept for the record.", plan.note)

    def test_copy_of_an_approved_plan_is_a_draft(self):
        plan = self._create_plan("HRCS 50/QĐ", self._lines())
        plan.action_approve()
        copy = plan.copy()
        self.assertEqual(copy.state, "draft")
        self.assertEqual(copy.name, "HRCS 50/QĐ (copy)")
        self.assertFalse(copy.approved_by_id)
        self.assertEqual(copy.line_ids.mapped("approved_headcount"), [1, 3, 1])
        self.assertEqual(plan.state, "approved")

    def test_negative_headcount_refused(self):
        plans_before = self._count("hr.job.plan")
        lines_before = self._count("hr.job.plan.line")
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            self._create_plan("HRCS 60/QĐ", [(self.dept_office, self.job_clerk, -1)], user=self.org_officer)
        self.assertEqual(self._count("hr.job.plan"), plans_before, "nothing is saved")
        self.assertEqual(self._count("hr.job.plan.line"), lines_before)

        plan = self._create_plan("HRCS 61/QĐ", [(self.dept_office, self.job_clerk, 1)])
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            plan.line_ids.with_user(self.org_officer).approved_headcount = -2
        self.assertEqual(plan.line_ids.approved_headcount, 1)

        form = Form(plan.with_user(self.org_officer))
        with form.line_ids.new() as line:
            line.department_id = self.dept_prosecution
            line.job_id = self.job_prosecutor
            line.approved_headcount = -3
        with self.assertRaisesMessage(ValidationError, "cannot be negative"):
            form.save()
        self.assertEqual(self._count("hr.job.plan.line", [("plan_id", "=", plan.id)]), 1)

    def test_plan_line_in_another_company_refused(self):
        lines_before = self._count("hr.job.plan.line")
        with self.assertRaises(UserError):
            self._create_plan("HRCS 70/QĐ", [(self.dept_other, self.job_other, 1)])
        self.assertEqual(self._count("hr.job.plan.line"), lines_before)


@tagged("post_install", "-at_install")
class TestPlanWarnings(HrCivilServiceCase):
    def test_position_filled_above_approved_headcount(self):
        # Before any plan, holding a position outside any plan is itself a warning.
        self.assertMentions(self.job_prosecutor.civil_headcount_warning, "no approved plan", "2 employees")
        lines = [
            (self.dept_prosecution, self.job_head, 1),
            (self.dept_prosecution, self.job_prosecutor, 1),
            (self.dept_office, self.job_clerk, 1),
        ]
        plan = self._create_plan(
            "HRCS 80/QĐ",
            [
                (self.dept_prosecution, self.job_head, 1),
                (self.dept_prosecution, self.job_prosecutor, 1),
                (self.dept_office, self.job_clerk, 1),
            ],
        )
        plan.action_approve()
        self.env.invalidate_all()  # the headcount is computed on read, not stored
        line = plan.line_ids.filtered(lambda line: line.job_id == self.job_prosecutor)
        self.assertEqual((line.filled_count, line.gap), (2, 1))
        facts = ("HRCS Prosecution Division", "HRCS Prosecutor", "2 employees", "1 approved")
        self.assertMentions(line.warning, *facts)
        self.assertEqual(plan.warning_count, 1)
        self.assertMentions(plan.warning_html, *facts)
        self.assertFalse(any((plan.line_ids - line).mapped("warning")))

        self.assertMentions(self.job_prosecutor.civil_headcount_warning, "2 employees", "1 approved")
        self.assertEqual((self.job_prosecutor.civil_approved_headcount, self.job_prosecutor.civil_filled_count), (1, 2))
        self.assertFalse(self.job_head.civil_headcount_warning)
        self.assertFalse(self.job_clerk.civil_headcount_warning)

        # A superseded plan is a record of the past: it no longer warns; the plan in force does.
        newer = self._create_plan("HRCS 80b/QĐ", lines)
        newer.action_approve()
        self.env.invalidate_all()
        self.assertEqual(plan.state, "superseded")
        self.assertEqual(plan.warning_count, 0)
        self.assertFalse(any(plan.line_ids.mapped("warning")))
        self.assertEqual(newer.warning_count, 1)

        # Once an employee leaves (archived), the plan is whole again.
        self.emp_prosecutor_2.action_archive()
        self.env.invalidate_all()
        self.assertFalse(any(newer.line_ids.mapped("warning")))
        self.assertEqual(newer.warning_count, 0)
        self.assertFalse(newer.warning_html)
        self.assertFalse(self.job_prosecutor.civil_headcount_warning)

    def test_deleted_and_archived_positions(self):
        Job = self.env["hr.job"]
        job_deleted = Job.create({"name": "HRCS Archivist", "department_id": self.dept_office.id})
        job_archived = Job.create({"name": "HRCS Driver", "department_id": self.dept_office.id})
        plan = self._create_plan(
            "HRCS 81/QĐ",
            [
                (self.dept_prosecution, self.job_head, 1),
                (self.dept_prosecution, self.job_prosecutor, 2),
                (self.dept_office, self.job_clerk, 1),
                (self.dept_office, job_deleted, 1),
                (self.dept_office, job_archived, 1),
            ],
        )
        plan.action_approve()
        self.assertEqual(plan.warning_count, 0)

        job_deleted.with_user(self.org_officer).unlink()
        job_archived.with_user(self.org_officer).action_archive()
        self.env.invalidate_all()

        line_deleted = plan.line_ids.filtered(lambda line: line.job_name == "HRCS Archivist")
        self.assertTrue(line_deleted, "the line of a deleted position is kept")
        self.assertFalse(line_deleted.job_id)
        self.assertMentions(line_deleted.warning, "HRCS Office", "HRCS Archivist", "no longer exists")
        line_archived = plan.line_ids.filtered(lambda line: line.job_id == job_archived)
        self.assertMentions(line_archived.warning, "HRCS Office", "HRCS Driver", "no longer exists")
        self.assertEqual(plan.warning_count, 2)
        self.assertMentions(plan.warning_html, "HRCS Archivist", "HRCS Driver", "no longer exists")
        self.assertEqual(plan.state, "approved")

    def test_rank_share_above_its_cap(self):
        Cap = self.env["hr.civil.rank.cap"]
        cap = Cap.with_user(self.org_officer).create(
            {
                "name": "HRCS advisory cap",
                "rank_level": "senior",
                "max_share": 30,
                "department_ids": [Command.set(self.dept_prosecution.ids)],
            }
        )
        # A cap that no longer applies, and one assigned to no department, are ignored.
        Cap.create(
            {
                "name": "HRCS expired cap",
                "rank_level": "senior",
                "max_share": 10,
                "department_ids": [Command.set(self.dept_prosecution.ids)],
                "date_to": date(2020, 12, 31),
            }
        )
        Cap.create({"name": "HRCS unassigned cap", "rank_level": "principal", "max_share": 10})
        plan = self._create_plan(
            "HRCS 82/QĐ",
            [
                (self.dept_prosecution, self.job_head, 1),
                (self.dept_prosecution, self.job_prosecutor, 3),
                (self.dept_office, self.job_clerk, 1),
            ],
        )
        plan.action_approve()
        # The head holds a senior rank: 1 of 4 posts, 25% — within the 30% cap.
        self.assertEqual(self.emp_head.civil_rank_id, self.rank_senior)
        self.assertEqual(plan.warning_count, 0)

        # A sector rank of the same tier counts against the cap too: 2 of 4 posts, 50%.
        senior_prosecutor = self.env["hr.civil.rank"].create(
            {"name": "HRCS Senior Prosecutor", "code": "HRCS.70.002", "level": "senior"}
        )
        self.emp_prosecutor_1.civil_rank_id = senior_prosecutor
        self.env.invalidate_all()
        self.assertEqual(plan.warning_count, 1)
        self.assertMentions(
            plan.warning_html,
            "HRCS Prosecution Division",
            "2 of 4 approved posts",
            "50.0%",
            "Senior Specialist",
            "30.0%",
            "HRCS advisory cap",
        )
        self.assertFalse(any(plan.line_ids.mapped("warning")), "a rank cap warning belongs to the plan, not a line")

        # Raising the cap mends the plan.
        cap.max_share = 50
        self.env.invalidate_all()
        self.assertEqual(plan.warning_count, 0)

    def test_warning_html_is_escaped(self):
        job = self.env["hr.job"].create({"name": "HRCS <b>bold</b>", "department_id": self.dept_office.id})
        plan = self._create_plan("HRCS 83/QĐ", [(self.dept_office, job, 1)])
        job.unlink()
        self.env.invalidate_all()
        self.assertIn("HRCS &lt;b&gt;bold&lt;/b&gt;", plan.warning_html)
        self.assertNotIn("<b>bold</b>", plan.warning_html)
