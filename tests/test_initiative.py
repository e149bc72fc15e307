from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_emulation_title import YEAR, EmulationCase


@tagged("post_install", "-at_install")
class TestInitiative(EmulationCase):
    """Initiatives: authors' shares, the one-year time bar, the council and recognition, one award only."""

    def _draft(self, authors, first_applied=date(YEAR, 1, 15), user=None, **vals):
        env = self.env(user=user) if user else self.env
        return env["hr.initiative"].create(
            {
                "name": "HRCS Indictment checklist",
                "first_applied_date": first_applied,
                "author_ids": [Command.create({"employee_id": e.id, "share": share}) for e, share in authors],
                **vals,
            }
        )

    def test_time_bar(self):
        # exactly one year after the first application: in time
        on_time = self._draft([(self.emp_clerk, 100)], request_date=date(YEAR + 1, 1, 15))
        on_time.action_submit()
        self.assertEqual(on_time.state, "submitted")
        # one day later: refused, nothing saved
        with self.assertRaisesMessage(ValidationError, "more than one year after the first application"):
            self._draft([(self.emp_clerk, 100)], request_date=date(YEAR + 1, 1, 16))
        late = self._draft([(self.emp_clerk, 100)])
        with self.assertRaisesMessage(ValidationError, "16/01/2026"):
            late.request_date = date(YEAR + 1, 1, 16)
        self.assertFalse(late.request_date)
        with self.assertRaisesMessage(ValidationError, "once the initiative has been applied"):
            late.request_date = date(YEAR, 1, 14)

    def test_shares(self):
        initiative = self._draft(
            [(self.emp_prosecutor_1, 60), (self.emp_prosecutor_2, 30)], request_date=date(YEAR, 6, 1)
        )
        self.assertEqual(initiative.share_total, 90)
        self.assertEqual(initiative.department_id, self.dept_prosecution, "the first author's unit")
        with self.assertRaisesMessage(ValidationError, "add up to 90"):
            initiative.action_submit()
        self.assertEqual(initiative.state, "draft")
        initiative.author_ids.filtered(lambda a: a.employee_id == self.emp_prosecutor_2).share = 40
        initiative.action_submit()
        self.assertEqual(initiative.state, "submitted")
        with self.assertRaisesMessage(ValidationError, "above 0"):
            self._draft([(self.emp_clerk, 0)])
        with self.assertRaises(ValidationError):
            self._draft([(self.emp_clerk, 120)])
        with self.assertRaisesMessage(UserError, "List the authors"):
            self._draft([]).action_submit()

    def test_council_and_recognition(self):
        today = fields.Date.context_today(self.env["hr.initiative"])
        initiative = self._draft([(self.emp_clerk, 100)], first_applied=today - timedelta(days=30), user=self.staff)
        initiative.with_user(self.staff).action_submit()
        self.assertEqual(initiative.request_date, today, "requested today when no date was given")
        with self.assertRaises(AccessError):
            initiative.with_user(self.staff).write({"name": "Changed after the request"})
        with self.assertRaisesMessage(UserError, "Only an emulation officer"):
            initiative.with_user(self.staff).action_council_review()
        officer = initiative.with_user(self.emulation_officer)
        with self.assertRaisesMessage(UserError, "council's opinion"):
            officer.action_council_review()
        officer.council_review = "New, applied in the office since January, replicable."
        officer.action_council_review()
        with self.assertRaisesMessage(UserError, "recognition level"):
            officer.action_recognise()
        officer.write({"level": "grassroots", "decision_number": "15/QĐ-VKS", "decision_date": date(YEAR, 11, 20)})
        officer.action_recognise()
        self.assertEqual(initiative.state, "recognised")
        self.assertEqual(initiative.year, YEAR)
        self.assertEqual(self.emp_clerk.initiative_count, 1)

    def test_staff_access(self):
        mine = self._draft([(self.emp_clerk, 100)], user=self.staff)
        mine.with_user(self.staff).write({"benefit": "Saves two hours a case"})
        other = self._draft([(self.emp_prosecutor_1, 100)])
        self.assertTrue(other.with_user(self.staff).read(["name"]), "initiatives are public in the agency")
        with self.assertRaises(AccessError):
            other.with_user(self.staff).write({"name": "Not mine"})
        with self.assertRaises(AccessError):
            other.with_user(self.staff).unlink()

    def test_one_initiative_one_award(self):
        initiative = self._initiative([(self.emp_prosecutor_1, 100)])
        Commendation = self.env["hr.commendation"]
        first = Commendation.create(
            {
                "name": "Outstanding initiative",
                "recipient_ids": [Command.create({"employee_id": self.emp_prosecutor_1.id})],
                "initiative_ids": [Command.link(initiative.id)],
            }
        )
        self.assertIn(first.display_name, initiative.used_by)
        with self.assertRaisesMessage(ValidationError, "one initiative can back only one award or title"):
            Commendation.create(
                {
                    "name": "Same initiative again",
                    "recipient_ids": [Command.create({"employee_id": self.emp_prosecutor_1.id})],
                    "initiative_ids": [Command.link(initiative.id)],
                }
            )
        registration = self._register(self.title_cstdcs, self.emp_prosecutor_1)
        with self.assertRaisesMessage(ValidationError, "already backs"):
            registration.initiative_ids = [Command.link(initiative.id)]
        # a cancelled commendation frees it
        first.with_user(self.emulation_officer).action_cancel()
        registration.initiative_ids = [Command.link(initiative.id)]
        self.assertEqual(initiative.used_by, registration.display_name)
        with self.assertRaisesMessage(UserError, "backing an award"):
            initiative.with_user(self.emulation_officer).action_refuse()
        # only a recognised initiative backs an award
        pending = self._initiative([(self.emp_prosecutor_2, 100)], name="Pending", recognised=False)
        with self.assertRaisesMessage(ValidationError, "Only a recognised initiative"):
            self._register(self.title_cstdcs, self.emp_prosecutor_2, initiative_ids=[Command.link(pending.id)])
