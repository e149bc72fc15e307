from odoo import fields, models


class HrWorkDiaryReturnWizard(models.TransientModel):
    _name = "hr.work.diary.return.wizard"
    _description = "Return or Reopen Diary Sheets"

    diary_ids = fields.Many2many(
        "hr.work.diary", string="Diary Sheets", default=lambda self: self.env.context.get("active_ids", [])
    )
    mode = fields.Selection([("return", "Return"), ("reopen", "Reopen")], default="return", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "reopen":
            self.diary_ids.action_reopen(self.reason)
        else:
            self.diary_ids.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
