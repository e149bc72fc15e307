"""Data of the yearly summary of the trade union's activities."""

from odoo import api, fields, models

from ..wizards.hr_civil_action_item_report import _fmt_date, _legal_date


class ReportUnionActivitySummary(models.AbstractModel):
    """One summary per company and year among the printed activities; each summary counts the whole year
    (``hr.union.activity._yearly_summary``), whichever of its activities were selected."""

    _name = "report.hr_civil_service.report_union_activity_summary"
    _description = "Union Yearly Summary Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        activities = self.env["hr.union.activity"].browse(docids)
        Activity = self.env["hr.union.activity"]
        summaries = []
        for company, year in sorted({(a.company_id, a.year) for a in activities}, key=lambda p: (p[0].id, p[1])):
            summary = Activity._yearly_summary(year, company)
            summary["activities"] = Activity.search(
                [("year", "=", year), ("state", "=", "done"), ("company_id", "=", company.id)], order="date, id"
            )
            summary["header"] = {
                "above": (company.parent_id.name or "").upper(),
                "issuer": self.env._("TRADE UNION OF %(agency)s", agency=company.name).upper(),
                "number": False,
                "place_date": _legal_date(
                    company.city or company.partner_id.city or "", fields.Date.context_today(self)
                ),
                "party": False,
            }
            summaries.append(summary)
        return {
            "doc_ids": docids,
            "doc_model": "hr.union.activity",
            "docs": activities,
            "summaries": summaries,
            "fmt_date": _fmt_date,
            "fmt_amount": self._fmt_amount,
            "type_labels": dict(Activity._fields["activity_type"]._description_selection(self.env)),
        }

    @api.model
    def _fmt_amount(self, amount):
        """Vietnamese way: dots between thousands, no decimals (151.000.000)."""
        return f"{round(amount or 0):,}".replace(",", ".")
