from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..models.hr_civil_evaluation import PERIOD_TYPES


class HrCivilEvaluationWizard(models.TransientModel):
    """Run an evaluation: pick a period, units and (optionally) a scheme; the campaign of that period is created
    or refreshed with one line per active official in scope and their KPI snapshot."""

    _name = "hr.civil.evaluation.wizard"
    _description = "Run an Evaluation"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="month")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    month = fields.Selection(
        [(str(m), str(m)) for m in range(1, 13)],
        default=lambda self: str(fields.Date.context_today(self).month),
    )
    quarter = fields.Selection(
        [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")],
        default=lambda self: str((fields.Date.context_today(self).month - 1) // 3 + 1),
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        domain="[('company_id', 'in', (company_id, False))]",
        help="Leave empty for the whole agency.",
    )
    scheme_id = fields.Many2one(
        "hr.civil.evaluation.scheme",
        help="Leave empty: each official gets the scheme of their staff type valid for the period.",
    )
    summary = fields.Text(readonly=True)

    @api.model
    def _find_or_create(self, vals):
        Evaluation = self.env["hr.civil.evaluation"]
        domain = [
            ("company_id", "=", vals["company_id"]),
            ("period_type", "=", vals["period_type"]),
            ("year", "=", vals["year"]),
        ]
        if vals["period_type"] == "month":
            domain.append(("month", "=", vals["month"]))
        elif vals["period_type"] == "quarter":
            domain.append(("quarter", "=", vals["quarter"]))
        evaluation = Evaluation.search(domain, limit=1)
        if evaluation:
            if vals.get("department_ids") and evaluation.department_ids:
                evaluation.department_ids |= self.env["hr.department"].browse(vals["department_ids"])
            elif not vals.get("department_ids"):
                evaluation.department_ids = False
            if vals.get("scheme_id"):
                evaluation.scheme_id = vals["scheme_id"]
            return evaluation
        return Evaluation.create(vals)

    def action_run(self):
        self.ensure_one()
        if not self.env["hr.civil.evaluation.line"]._is_leader_user():
            raise AccessError(self.env._("Only a Leader or an Organisation officer runs an evaluation."))
        vals = {
            "company_id": self.company_id.id,
            "period_type": self.period_type,
            "year": self.year,
            "month": self.month if self.period_type == "month" else False,
            "quarter": self.quarter if self.period_type == "quarter" else False,
            "department_ids": self.department_ids.ids,
            "scheme_id": self.scheme_id.id,
        }
        evaluation = self._find_or_create(vals)
        skipped = evaluation._populate()
        if skipped:
            evaluation.message_post(
                body=self.env._(
                    "%(count)s officials have no evaluation scheme for their staff type and were left out: %(names)s.",
                    count=len(skipped),
                    names=", ".join(skipped[:20].mapped("name")),
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.civil.evaluation",
            "res_id": evaluation.id,
            "view_mode": "form",
            "target": "current",
        }
