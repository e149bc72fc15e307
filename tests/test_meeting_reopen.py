from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_diary import HrWorkDiaryCase


@tagged("post_install", "-at_install")
class TestMeetingReopen(HrWorkDiaryCase):
    def _approved_meeting(self):
        meeting = self.env["hr.civil.meeting"].create(
            {
                "name": "HRCS briefing",
                "type_id": self.env.ref("hr_civil_service.meeting_type_briefing").id,
                "company_id": self.company.id,
                "date_start": datetime(2026, 11, 16, 0, 30),
                "chair_id": self.emp_office_head.id,
                "secretary_id": self.emp_clerk.id,
                "department_ids": [(4, self.dept_office.id)],
            }
        )
        meeting.action_schedule()
        meeting.action_hold()
        meeting.minutes = "<p>Each person reported; the chair directed.</p>"
        meeting.action_approve_minutes()
        return meeting

    def test_leader_reopens_with_a_reason_through_the_wizard(self):
        meeting = self._approved_meeting()
        wizard = Form(
            self.env["hr.civil.meeting.reopen.wizard"]
            .with_user(self.leader)
            .with_context(active_ids=meeting.ids, active_model="hr.civil.meeting")
        )
        wizard.reason = "The list of absences was incomplete."
        wizard.save().action_confirm()
        self.assertEqual(meeting.state, "held")
        self.assertEqual(len(meeting.revision_ids), 1, "the approved version is kept")
        self.assertTrue(any("The list of absences was incomplete." in str(m.body) for m in meeting.message_ids))

    def test_only_a_leader_and_with_a_reason(self):
        meeting = self._approved_meeting()
        with self.assertRaises(UserError):
            meeting.with_user(self.supervisor).action_reopen_minutes("Typo")
        with self.assertRaises(UserError):
            meeting.with_user(self.leader).action_reopen_minutes("  ")
        self.assertEqual(meeting.state, "approved")

    def test_a_finished_item_closes_its_to_do(self):
        item = self.env["hr.civil.action.item"].create(
            {"name": "HRCS file the quarterly report", "assignee_ids": [(4, self.emp_clerk.id)]}
        )
        self.assertEqual(len(item.activity_ids), 1, "the assignee gets a to-do")
        diary = self._diary(lines=[self._task_line(self.task_hour, action_item_id=item.id, action_item_progress=100)])
        diary.action_submit()
        self.assertEqual(item.state, "done")
        self.assertFalse(item.activity_ids, "the to-do is done with the item")
