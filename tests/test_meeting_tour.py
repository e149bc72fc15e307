from datetime import date

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMeetingTour(HttpCase):
    """The chair runs a weekly briefing from the participants' reports to the directives: the reports are read by
    unit, the briefing is marked as held, two directives are recorded; they become action items followed up at
    the next briefing of the series. Fixtures of its own (not the demo data), in English whatever the database's
    languages."""

    def test_meeting_tour(self):
        self.env["res.lang"]._activate_lang("en_US")
        company = self.env.company
        users = {
            login: new_test_user(
                self.env,
                login=login,
                groups=groups,
                lang="en_US",
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )
            for login, groups in (
                ("hrcs_meeting_chair", "hr_civil_service.group_supervisor"),
                ("hrcs_meeting_member", "hr_civil_service.group_staff"),
            )
        }
        Department = self.env["hr.department"]
        prosecution = Department.create({"name": "HRCS Meeting Prosecution", "company_id": company.id})
        office = Department.create({"name": "HRCS Meeting Office", "company_id": company.id})
        Employee = self.env["hr.employee"]
        chair, secretary, member_one, member_two = Employee.create(
            [
                {
                    "name": "HRCS Meeting Chair",
                    "user_id": users["hrcs_meeting_chair"].id,
                    "department_id": prosecution.id,
                    "company_id": company.id,
                },
                {"name": "HRCS Meeting Secretary", "department_id": office.id, "company_id": company.id},
                {
                    "name": "HRCS Meeting Member One",
                    "user_id": users["hrcs_meeting_member"].id,
                    "department_id": prosecution.id,
                    "company_id": company.id,
                },
                {"name": "HRCS Meeting Member Two", "department_id": office.id, "company_id": company.id},
            ]
        )
        # A weekly series on today's weekday: this week's briefing and next week's are scheduled.
        series = self.env["hr.civil.meeting.series"].create(
            {
                "name": "HRCS Weekly Briefing",
                "type_id": self.env.ref("hr_civil_service.meeting_type_briefing").id,
                "company_id": company.id,
                "frequency": "weekly",
                "weekday": str(fields.Date.context_today(self.env["hr.civil.meeting.series"]).weekday()),
                "hour": 9.0,
                "duration": 1.0,
                "tz": "UTC",
                "weeks_ahead": 1,
                "chair_id": chair.id,
                "secretary_id": secretary.id,
                "participant_ids": [Command.set((chair | secretary | member_one | member_two).ids)],
            }
        )
        series.action_schedule_meetings()
        briefing, following = series.meeting_ids.sorted("date_start")
        self.assertEqual((briefing.state, following.state), ("scheduled", "scheduled"))
        self.assertEqual(len(briefing.report_ids), 4, "each participant reports")

        # The participants fill in their reports before the briefing.
        texts = {
            member_one: ("The expert report is late.", "Question the two witnesses."),
            member_two: ("No problem.", "Close the monthly accounts."),
            secretary: ("No problem.", "Keep the minutes of the briefing."),
            chair: ("", "Review the indictments of the division."),
        }
        for report in briefing.report_ids:
            problems, plan = texts[report.employee_id]
            if report.employee_id == member_one:
                report = report.with_user(users["hrcs_meeting_member"])
            report.write({"problems": problems, "next_week_plan": plan})
            report.action_submit()
        self.assertEqual(set(briefing.report_ids.mapped("state")), {"submitted"})

        self.start_tour(
            f"/odoo/action-hr_civil_service.hr_civil_meeting_action/{briefing.id}",
            "hr_civil_service_meeting_tour",
            login="hrcs_meeting_chair",
        )

        self.assertEqual(briefing.state, "held")
        items = self.env["hr.civil.action.item"].search([("source_meeting_id", "=", briefing.id)], order="deadline")
        self.assertRecordValues(
            items,
            [
                {
                    "name": "Send the expert report request again",
                    "assignee_ids": member_one.ids,
                    "deadline": date(2030, 1, 15),
                    "company_id": company.id,
                    "state": "open",
                },
                {
                    "name": "Draft the quarterly statistics",
                    "assignee_ids": member_two.ids,
                    "deadline": date(2030, 1, 31),
                    "company_id": company.id,
                    "state": "open",
                },
            ],
        )
        self.assertEqual(briefing.directive_ids, items)
        self.assertEqual(items.create_uid, users["hrcs_meeting_chair"])
        self.assertEqual(following, briefing._next_in_series())
        self.assertEqual(items - following.discussed_item_ids, items.browse(), "followed up at the next briefing")
        self.assertIn(following, items[0].meeting_ids)
