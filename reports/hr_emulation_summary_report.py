from odoo import api, models

from ..wizards.hr_civil_action_item_report import _fmt_date


class ReportEmulationSummary(models.AbstractModel):
    """Data of the year-end emulation summary PDF: the same figures as the XLSX export."""

    _name = "report.hr_civil_service.report_emulation_summary"
    _description = "Emulation Summary (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["hr.emulation.summary.export"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "hr.emulation.summary.export",
            "docs": wizards,
            "data": {wizard.id: wizard._summary_data() for wizard in wizards},
            "headers": {wizard.id: wizard._document_header() for wizard in wizards},
            "fmt_date": _fmt_date,
            "fmt_amount": lambda value: f"{value:,.0f}".replace(",", "."),
        }
