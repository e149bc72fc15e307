from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestEmulationTour(HttpCase):
    """The emulation officer registers an official for a title and reviews it: runs the check, reads pass and
    fail, overrides with a reason. Fixtures of its own, in English whatever the database's languages."""

    def test_emulation_tour(self):
        self.env["res.lang"]._activate_lang("en_US")
        company = self.env.company
        officer = new_test_user(
            self.env,
            login="hrcs_tour_emulation",
            groups="hr_civil_service.group_emulation_officer",
            lang="en_US",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        unit = self.env["hr.department"].create({"name": "HRCS Tour Unit", "company_id": company.id})
        official = self.env["hr.employee"].create(
            {"name": "HRCS Tour Official", "department_id": unit.id, "company_id": company.id}
        )
        year = fields.Date.context_today(official).year
        scheme = self.env.ref("hr_civil_service.hr_civil_evaluation_scheme_nd335")
        evaluation = self.env["hr.civil.evaluation"].create(
            {"period_type": "year", "year": year, "company_id": company.id, "scheme_id": scheme.id}
        )
        self.env["hr.civil.evaluation.line"].create(
            {
                "evaluation_id": evaluation.id,
                "employee_id": official.id,
                "scheme_id": scheme.id,
                "months_worked": 12.0,
                "final_level": "done",
                "override_reason": "Decided by the agency head",
                "state": "final",
            }
        )

        self.start_tour(
            "/odoo/action-hr_civil_service.hr_emulation_registration_action/new",
            "hr_civil_service_emulation_tour",
            login="hrcs_tour_emulation",
        )

        registration = self.env["hr.emulation.registration"].search([("employee_id", "=", official.id)])
        self.assertRecordValues(
            registration,
            [
                {
                    "year": year,
                    "title_id": self.env.ref("hr_civil_service.hr_emulation_title_ldtt").id,
                    "department_id": unit.id,
                    "state": "checked",
                    "eligible": False,
                    "override": True,
                    "override_reason": "Rating raised on appeal",
                    "evaluation_level": "done",
                }
            ],
        )
        self.assertEqual(registration.create_uid, officer)
        failed = registration.check_ids.filtered(lambda line: not line.passed)
        self.assertEqual(failed.mapped("code"), ["level"])
        self.assertIn(
            "Rating raised on appeal", "".join(registration.message_ids.mapped("body")), "kept in the chatter"
        )
