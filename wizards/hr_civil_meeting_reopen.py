from odoo import fields, models


class HrCivilMeetingReopenWizard(models.TransientModel):
    _name = "hr.civil.meeting.reopen.wizard"
    _description = "Reopen Approved Minutes"

    meeting_ids = fields.Many2many(
        "hr.civil.meeting", default=lambda self: self.env.context.get("active_ids"), required=True
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.meeting_ids.action_reopen_minutes(self.reason)
        return {"type": "ir.actions.act_window_close"}
