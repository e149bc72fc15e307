"""The year-end emulation summary by unit: titles, commendations, initiatives and bonus amounts, as a QWeb PDF
(``reports/hr_emulation_summary_report.xml``) and an XLSX file. Both print ``_summary_data``."""

import base64
import io
from datetime import date, datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import xlsxwriter

from .hr_civil_action_item_report import _document_header, _fmt_date


class HrEmulationSummaryExport(models.TransientModel):
    _name = "hr.emulation.summary.export"
    _description = "Emulation Summary"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        domain="[('company_id', 'in', [company_id, False])]",
        help="Only these units and their sub-units; empty for all units.",
    )
    xlsx_file = fields.Binary(string="Spreadsheet", attachment=False, readonly=True)
    xlsx_filename = fields.Char(string="File Name", readonly=True)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise ValidationError(self.env._("Choose a year between 2000 and 2100."))

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------
    def _unit_filter(self, records, field_name):
        if not self.department_ids:
            return records
        units = self.env["hr.department"].search([("id", "child_of", self.department_ids.ids)])
        return records.filtered(lambda record: record[field_name] in units)

    def _summary_data(self):
        """Everything the PDF and the XLSX print, for the wizard's year, agency and units.

        ``rows``: one per unit with ``titles`` (count per title id), ``title_amount``, ``commendation_count``,
        ``commendation_amount``, ``initiative_count`` and ``amount``; ``totals`` the same summed; ``titles`` the
        columns; ``title_lines``, ``commendation_lines``, ``initiative_lines`` the awarded records.
        """
        self.ensure_one()
        env = self.env
        company_domain = [("company_id", "=", self.company_id.id)]
        registrations = env["hr.emulation.registration"].search(
            [*company_domain, ("year", "=", self.year), ("state", "=", "approved")], order="title_id, id"
        )
        registrations = self._unit_filter(registrations, "department_id")
        recipients = env["hr.commendation.recipient"].search(
            [*company_domain, ("year", "=", self.year), ("state", "=", "decided")], order="commendation_id, id"
        )
        recipients = self._unit_filter(recipients, "department_id")
        initiatives = env["hr.initiative"].search(
            [*company_domain, ("year", "=", self.year), ("state", "=", "recognised")], order="decision_date, id"
        )
        initiatives = self._unit_filter(initiatives, "department_id")

        titles = registrations.title_id.sorted(lambda t: (t.scope != "individual", t.sequence, t.id))
        rows = {}

        def row_of(unit):
            if unit not in rows:
                rows[unit] = {
                    "unit": unit.display_name if unit else self.env._("No unit"),
                    "titles": dict.fromkeys(titles.ids, 0),
                    "title_amount": 0.0,
                    "commendation_count": 0,
                    "commendation_amount": 0.0,
                    "initiative_count": 0,
                    "amount": 0.0,
                }
            return rows[unit]

        for registration in registrations:
            row = row_of(registration.department_id)
            row["titles"][registration.title_id.id] += 1
            row["title_amount"] += registration.bonus_amount
        for recipient in recipients:
            row = row_of(recipient.department_id)
            row["commendation_count"] += 1
            row["commendation_amount"] += recipient.amount
        for initiative in initiatives:
            row_of(initiative.department_id)["initiative_count"] += 1
        ordered = [rows[unit] for unit in sorted(rows, key=lambda u: (not u, u.display_name or ""))]
        totals = {
            "titles": {title.id: sum(row["titles"][title.id] for row in ordered) for title in titles},
            **{
                key: sum(row[key] for row in ordered)
                for key in ("title_amount", "commendation_count", "commendation_amount", "initiative_count")
            },
        }
        for row in ordered:
            row["amount"] = row["title_amount"] + row["commendation_amount"]
        totals["amount"] = totals["title_amount"] + totals["commendation_amount"]

        forms = dict(env["hr.commendation"]._fields["form"]._description_selection(env))
        levels = dict(env["hr.initiative"]._fields["level"]._description_selection(env))
        return {
            "year": self.year,
            "titles": [{"id": title.id, "code": title.code, "name": title.name} for title in titles],
            "rows": ordered,
            "totals": totals,
            "title_lines": [
                {
                    "title": registration.title_id.name,
                    "holder": (registration.employee_id or registration.department_id or registration.partner_id).name,
                    "unit": registration.department_id.name or "",
                    "decision_number": registration.decision_number or "",
                    "decision_date": registration.decision_date,
                    "amount": registration.bonus_amount,
                }
                for registration in registrations
            ],
            "commendation_lines": [
                {
                    "form": forms.get(recipient.commendation_id.form, ""),
                    "recipient": recipient.display_name,
                    "unit": recipient.department_id.name or "",
                    "achievement": recipient.commendation_id.name,
                    "authority": recipient.commendation_id.authority or "",
                    "decision_number": recipient.commendation_id.decision_number or "",
                    "decision_date": recipient.commendation_id.decision_date,
                    "amount": recipient.amount,
                }
                for recipient in recipients
            ],
            "initiative_lines": [
                {
                    "name": initiative.name,
                    "authors": ", ".join(
                        f"{author.employee_id.name} ({author.share:g} %)" for author in initiative.author_ids
                    ),
                    "unit": initiative.department_id.name or "",
                    "level": levels.get(initiative.level, ""),
                    "decision_number": initiative.decision_number or "",
                    "decision_date": initiative.decision_date,
                }
                for initiative in initiatives
            ],
        }

    def _document_header(self):
        self.ensure_one()
        return _document_header(self.company_id, day=fields.Date.context_today(self), code="BC")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("hr_civil_service.hr_emulation_summary_report_print").report_action(self, config=False)

    def action_export_xlsx(self):
        self.ensure_one()
        if not xlsxwriter:
            raise UserError(self.env._("The xlsxwriter Python library is needed to export the spreadsheet."))
        self.write(
            {
                "xlsx_file": self._build_xlsx(),
                "xlsx_filename": self.env._("Emulation summary %(year)s.xlsx", year=self.year),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}&field=xlsx_file"
            "&filename_field=xlsx_filename&download=true",
            "target": "self",
        }

    def _build_xlsx(self):
        """Sheet 1: the totals per unit under the national header; then one sheet per kind of award.
        Returns the file, base64-encoded."""
        self.ensure_one()
        data = self._summary_data()
        header = self._document_header()
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold_center = book.add_format({"bold": True, "align": "center"})
        center = book.add_format({"align": "center"})
        italic_center = book.add_format({"italic": True, "align": "center"})
        title_format = book.add_format({"bold": True, "font_size": 14, "align": "center"})
        head = book.add_format(
            {
                "bold": True,
                "bg_color": "#D9E1F2",
                "border": 1,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
            }
        )
        cell = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        number = book.add_format({"border": 1, "num_format": "0", "valign": "top"})
        money = book.add_format({"border": 1, "num_format": "#,##0", "valign": "top"})
        day = book.add_format({"border": 1, "num_format": "dd/mm/yyyy", "valign": "top"})
        total_label = book.add_format({"border": 1, "bold": True})
        total_number = book.add_format({"border": 1, "bold": True, "num_format": "0"})
        total_money = book.add_format({"border": 1, "bold": True, "num_format": "#,##0"})

        titles = data["titles"]
        columns = (
            [self.env._("No."), self.env._("Unit")]
            + [title["code"] for title in titles]
            + [
                self.env._("Title Bonus (VND)"),
                self.env._("Commendations"),
                self.env._("Commendation Bonus (VND)"),
                self.env._("Initiatives"),
                self.env._("Total Bonus (VND)"),
            ]
        )
        sheet = book.add_worksheet(self.env._("Summary by Unit"))
        last = len(columns) - 1
        split = max(1, last // 2)
        sheet.merge_range(0, 0, 0, split - 1, header["issuer"], bold_center)
        sheet.merge_range(0, split, 0, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold_center)
        sheet.merge_range(1, split, 1, last, "Độc lập - Tự do - Hạnh phúc", bold_center)
        sheet.merge_range(2, split, 2, last, header["place_date"], italic_center)
        sheet.merge_range(
            4, 0, 4, last, self.env._("EMULATION AND COMMENDATION SUMMARY %(year)s", year=data["year"]), title_format
        )
        sheet.merge_range(5, 0, 5, last, self.company_id.name, center)
        header_row = 7
        sheet.set_row(header_row, 30)
        for col, label in enumerate(columns):
            sheet.write(header_row, col, label, head)
        sheet.set_column(0, 0, 5)
        sheet.set_column(1, 1, 34)
        sheet.set_column(2, last, 14)
        row_index = header_row
        for number_index, row in enumerate(data["rows"], start=1):
            row_index += 1
            values = (
                [number_index, row["unit"]]
                + [row["titles"][title["id"]] for title in titles]
                + [
                    row["title_amount"],
                    row["commendation_count"],
                    row["commendation_amount"],
                    row["initiative_count"],
                    row["amount"],
                ]
            )
            for col, value in enumerate(values):
                if col == 1:
                    sheet.write_string(row_index, col, value, cell)
                else:
                    style = money if col in (last, last - 2, last - 4) else number
                    sheet.write_number(row_index, col, value, style)
        row_index += 1
        totals = data["totals"]
        sheet.write(row_index, 0, "", total_label)
        sheet.write_string(row_index, 1, self.env._("Total"), total_label)
        total_values = [totals["titles"][title["id"]] for title in titles] + [
            totals["title_amount"],
            totals["commendation_count"],
            totals["commendation_amount"],
            totals["initiative_count"],
            totals["amount"],
        ]
        for offset, value in enumerate(total_values):
            col = offset + 2
            sheet.write_number(
                row_index, col, value, total_money if col in (last, last - 2, last - 4) else total_number
            )
        sheet.freeze_panes(header_row + 1, 2)

        details = [
            (
                self.env._("Titles"),
                [
                    self.env._("No."),
                    self.env._("Title"),
                    self.env._("Holder"),
                    self.env._("Unit"),
                    self.env._("Decision No."),
                    self.env._("Decision Date"),
                    self.env._("Bonus (VND)"),
                ],
                [
                    (
                        line["title"],
                        line["holder"],
                        line["unit"],
                        line["decision_number"],
                        line["decision_date"],
                        line["amount"],
                    )
                    for line in data["title_lines"]
                ],
            ),
            (
                self.env._("Commendations"),
                [
                    self.env._("No."),
                    self.env._("Form"),
                    self.env._("Recipient"),
                    self.env._("Unit"),
                    self.env._("Achievement"),
                    self.env._("Authority"),
                    self.env._("Decision No."),
                    self.env._("Decision Date"),
                    self.env._("Bonus (VND)"),
                ],
                [
                    (
                        line["form"],
                        line["recipient"],
                        line["unit"],
                        line["achievement"],
                        line["authority"],
                        line["decision_number"],
                        line["decision_date"],
                        line["amount"],
                    )
                    for line in data["commendation_lines"]
                ],
            ),
            (
                self.env._("Initiatives"),
                [
                    self.env._("No."),
                    self.env._("Initiative"),
                    self.env._("Authors"),
                    self.env._("Unit"),
                    self.env._("Recognition Level"),
                    self.env._("Decision No."),
                    self.env._("Decision Date"),
                ],
                [
                    (
                        line["name"],
                        line["authors"],
                        line["unit"],
                        line["level"],
                        line["decision_number"],
                        line["decision_date"],
                    )
                    for line in data["initiative_lines"]
                ],
            ),
        ]
        for sheet_name, labels, lines in details:
            detail = book.add_worksheet(sheet_name)
            detail.set_column(0, 0, 5)
            detail.set_column(1, len(labels) - 1, 22)
            for col, label in enumerate(labels):
                detail.write(0, col, label, head)
            for index, line in enumerate(lines, start=1):
                detail.write_number(index, 0, index, number)
                for col, value in enumerate(line, start=1):
                    if isinstance(value, bool) or value is None:
                        detail.write_blank(index, col, None, cell)
                    elif isinstance(value, float | int):
                        detail.write_number(index, col, value, money)
                    elif isinstance(value, date):
                        detail.write_datetime(index, col, datetime.combine(value, time.min), day)
                    else:
                        detail.write_string(index, col, value or "", cell)
            detail.freeze_panes(1, 0)
        book.close()
        return base64.b64encode(output.getvalue())

    def _fmt_date(self, value):
        return _fmt_date(value)
