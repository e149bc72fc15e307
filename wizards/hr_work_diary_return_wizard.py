from odoo import fields, models
from odoo.exceptions import UserError


class HrWorkDiaryReturnWizard(models.TransientModel):
    _name = "hr.work.diary.return.wizard"
    _description = "Return or Reopen Diary Sheets"

    diary_ids = fields.Many2many(
        "hr.work.diary", string="Diary Sheets", default=lambda self: self.env.context.get("active_ids", [])
    )
    mode = fields.Selection([("return", "Return"), ("reopen", "Reopen")], default="return", required=True)
    reason = fields.Text(required=True)
    major_error = fields.Boolean(
        string="Major Content Error",
        help="The products below are returned for a major content error: each such return takes 25 % of the "
        "product's quality share in the KPI (ND 335/2025 Art. 14).",
    )
    error_line_ids = fields.Many2many(
        "hr.work.diary.line",
        string="Products with a Major Error",
        domain="[('diary_id', 'in', diary_ids)]",
    )

    def action_confirm(self):
        self.ensure_one()
        if self.major_error and not self.error_line_ids:
            raise UserError(self.env._("Choose the products that carry the major content error."))
        if self.error_line_ids - self.diary_ids.line_ids:
            raise UserError(self.env._("A product with a major error must belong to the returned sheets."))
        if self.mode == "reopen":
            self.diary_ids.action_reopen(self.reason)
        else:
            self.diary_ids.action_return(self.reason)
        if self.major_error:
            self.error_line_ids._record_major_error(self.reason)
        return {"type": "ir.actions.act_window_close"}
