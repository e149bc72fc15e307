from odoo import fields, models

from ..models.hr_civil_evaluation_scheme import LEVELS


class HrCivilEvaluationAppeal(models.TransientModel):
    """The official's appeal of a final rating, or the leader's re-decision of an appealed one."""

    _name = "hr.civil.evaluation.appeal"
    _description = "Appeal or Re-decide a Rating"

    line_id = fields.Many2one("hr.civil.evaluation.line", required=True, ondelete="cascade")
    mode = fields.Selection([("appeal", "Appeal"), ("redecide", "Re-decide")], required=True, default="appeal")
    level = fields.Selection(LEVELS)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "appeal":
            self.line_id.action_appeal(self.reason)
        else:
            self.line_id.action_redecide(self.level or self.line_id.final_level, self.reason)
        return {"type": "ir.actions.act_window_close"}
