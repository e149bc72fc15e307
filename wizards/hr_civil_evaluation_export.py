"""The spreadsheet of an evaluation campaign: a summary sheet (per unit, and the quota check), then one sheet per
unit with its ranking. The same data as the PDFs (``report.hr_civil_service.report_evaluation_ranking``)."""

import base64
import io
import re

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import xlsxwriter

from ..reports.hr_civil_evaluation_report import LEVEL_CODES

SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class HrCivilEvaluationExport(models.TransientModel):
    """Export the tables of an evaluation campaign as XLSX."""

    _name = "hr.civil.evaluation.export"
    _description = "Export an Evaluation"

    evaluation_id = fields.Many2one("hr.civil.evaluation", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="evaluation_id.company_id")
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        domain="[('company_id', 'in', [company_id, False])]",
        help="Only these units and their sub-units; empty for every unit of the evaluation.",
    )
    xlsx_file = fields.Binary(string="Spreadsheet", attachment=False, readonly=True)
    xlsx_filename = fields.Char(string="File Name", readonly=True)

    def action_export_xlsx(self):
        self.ensure_one()
        if not xlsxwriter:
            raise UserError(self.env._("The xlsxwriter Python library is needed to export the spreadsheet."))
        self.write(
            {
                "xlsx_file": self._build_xlsx(),
                "xlsx_filename": self.env._("Evaluation %(name)s.xlsx", name=self.evaluation_id.name.replace("/", "-")),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}&field=xlsx_file"
            "&filename_field=xlsx_filename&download=true",
            "target": "self",
        }

    @api.model
    def _sheet_name(self, name, used):
        """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\, unique in the book."""
        base = SHEET_NAME_FORBIDDEN.sub("-", name or "").strip("' ") or self.env._("Unit")
        candidate, number = base[:31], 1
        while candidate.lower() in used:
            number += 1
            suffix = f" ({number})"
            candidate = base[: 31 - len(suffix)] + suffix
        used.add(candidate.lower())
        return candidate

    def _build_xlsx(self):
        """Returns the file, base64-encoded."""
        self.ensure_one()
        evaluation = self.evaluation_id
        data = self.env["report.hr_civil_service.report_evaluation_ranking"]._evaluation_data(
            evaluation, self.department_ids
        )
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        styles = {
            "title": book.add_format({"bold": True, "font_size": 14}),
            "head": book.add_format(
                {
                    "bold": True,
                    "bg_color": "#D9E1F2",
                    "border": 1,
                    "text_wrap": True,
                    "valign": "vcenter",
                    "align": "center",
                }
            ),
            "cell": book.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
            "center": book.add_format({"border": 1, "align": "center", "valign": "top"}),
            "integer": book.add_format({"border": 1, "num_format": "0", "valign": "top"}),
            "decimal": book.add_format({"border": 1, "num_format": "0.00", "valign": "top"}),
            "percent": book.add_format({"border": 1, "num_format": "0.0", "valign": "top"}),
            "total": book.add_format({"border": 1, "bold": True}),
            "total_integer": book.add_format({"border": 1, "bold": True, "num_format": "0"}),
            "total_decimal": book.add_format({"border": 1, "bold": True, "num_format": "0.00"}),
            "total_percent": book.add_format({"border": 1, "bold": True, "num_format": "0.0"}),
            "late": book.add_format({"border": 1, "font_color": "#C00000"}),
        }
        subtitle = self.env._("%(agency)s - %(period)s", agency=evaluation.company_id.name, period=data["period"])
        used = set()
        self._write_summary_sheet(book, styles, data, subtitle, used)
        for unit in data["units"]:
            self._write_unit_sheet(book, styles, data, unit, subtitle, used)
        book.close()
        return base64.b64encode(output.getvalue())

    def _write_header(self, sheet, row, columns, style):
        for col, (label, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(row, col, label, style)

    def _write_summary_sheet(self, book, styles, data, subtitle, used):
        sheet = book.add_worksheet(self._sheet_name(self.env._("Summary"), used))
        sheet.write(0, 0, self.env._("Summary of the evaluation and rating"), styles["title"])
        sheet.write(1, 0, subtitle)
        columns = [
            (self.env._("No."), 5),
            (self.env._("Unit"), 34),
            (self.env._("Officials"), 10),
            (self.env._("Scored"), 10),
            (self.env._("Scored (%)"), 10),
        ]
        for _key, label, code in data["levels"]:
            columns += [(f"{code} - {label}", 14), (f"{code} (%)", 10)]
        columns += [(self.env._("Not Rated"), 10), (self.env._("Average Score"), 11)]
        self._write_header(sheet, 3, columns, styles["head"])
        sheet.set_row(3, 45)
        sheet.freeze_panes(4, 2)
        row = 4
        for index, unit in enumerate(data["units"], start=1):
            sheet.write_number(row, 0, index, styles["integer"])
            sheet.write(row, 1, unit["full_name"], styles["cell"])
            self._write_totals(sheet, row, unit["totals"], data, styles, "")
            row += 1
        sheet.write(row, 0, "", styles["total"])
        sheet.write(row, 1, self.env._("Total"), styles["total"])
        self._write_totals(sheet, row, data["totals"], data, styles, "total_")

        row += 3
        sheet.write(row, 0, self.env._("Excellent quota check"), styles["title"])
        row += 1
        quota_columns = [
            self.env._("Scope"),
            self.env._("Rated"),
            self.env._("Good (HTTNV)"),
            self.env._("Excellent (HTXSNV)"),
            self.env._("Allowed"),
            self.env._("Excess"),
        ]
        for col, label in enumerate(quota_columns, start=1):
            sheet.write(row, col, label, styles["head"])
        for quota in data["quota"]:
            row += 1
            style = styles["late"] if quota["excess"] else styles["cell"]
            sheet.write(row, 1, quota["scope"], style)
            for col, key in enumerate(("count", "good", "excellent", "allowed", "excess"), start=2):
                sheet.write_number(row, col, quota[key], styles["integer"])
        row += 2
        sheet.write(
            row,
            1,
            self.env._(
                "At most %(percent)s %% of the officials rated Good may be rated Excellent, within the agency and "
                "within each group with similar tasks (Decree 335/2025/NĐ-CP, Art. 20(5)).",
                percent=data["quota_percent"],
            ),
        )

    def _write_totals(self, sheet, row, totals, data, styles, prefix):
        sheet.write_number(row, 2, totals["count"], styles[f"{prefix}integer"])
        sheet.write_number(row, 3, totals["scored"], styles[f"{prefix}integer"])
        sheet.write_number(row, 4, totals["scored_rate"], styles[f"{prefix}percent"])
        col = 5
        for key, _label, _code in data["levels"]:
            sheet.write_number(row, col, totals["levels"][key], styles[f"{prefix}integer"])
            sheet.write_number(row, col + 1, totals["level_rates"][key], styles[f"{prefix}percent"])
            col += 2
        sheet.write_number(row, col, totals["not_rated"], styles[f"{prefix}integer"])
        sheet.write_number(row, col + 1, totals["average"], styles[f"{prefix}decimal"])

    def _write_unit_sheet(self, book, styles, data, unit, subtitle, used):
        sheet = book.add_worksheet(self._sheet_name(unit["name"], used))
        sheet.write(0, 0, self.env._("Ranking - %(unit)s", unit=unit["full_name"]), styles["title"])
        sheet.write(1, 0, subtitle)
        columns = [
            (self.env._("Rank"), 6),
            (self.env._("Full Name"), 28),
            (self.env._("Position"), 24),
            (self.env._("Similar-Task Group"), 18),
            (self.env._("Standard Hours"), 10),
            (self.env._("Converted Hours"), 10),
            (self.env._("Quantity (%)"), 10),
            (self.env._("Quality (%)"), 10),
            (self.env._("Progress (%)"), 10),
            (self.env._("Task Points"), 10),
            (self.env._("Self General Points"), 10),
            (self.env._("Supervisor General Points"), 11),
            (self.env._("Leader General Points"), 10),
            (self.env._("General Points"), 10),
            (self.env._("Total Score"), 10),
            (self.env._("Proposed Level"), 11),
            (self.env._("Final Level"), 11),
            (self.env._("Status"), 14),
        ]
        self._write_header(sheet, 3, columns, styles["head"])
        sheet.set_row(3, 45)
        sheet.freeze_panes(4, 2)
        numbers = (
            ("standard_hours", "decimal"),
            ("converted_hours", "decimal"),
            ("quantity_ratio", "percent"),
            ("quality_ratio", "percent"),
            ("progress_ratio", "percent"),
            ("task_points", "decimal"),
            ("self_general_points", "decimal"),
            ("supervisor_general_points", "decimal"),
            ("leader_general_points", "decimal"),
            ("general_points", "decimal"),
            ("total_score", "decimal"),
        )
        not_rated = self.env._("Not rated")
        row = 4
        for line in unit["rows"]:
            if line["rank"]:
                sheet.write_number(row, 0, line["rank"], styles["integer"])
            else:
                sheet.write(row, 0, "-", styles["center"])
            sheet.write(row, 1, line["name"], styles["cell"])
            sheet.write(row, 2, line["job"], styles["cell"])
            sheet.write(row, 3, line["quota_group"], styles["cell"])
            for col, (key, style) in enumerate(numbers, start=4):
                sheet.write_number(row, col, line[key], styles[style])
            col = 4 + len(numbers)
            sheet.write(row, col, not_rated if line["not_rated"] else line["proposed_code"], styles["center"])
            sheet.write(row, col + 1, "" if line["not_rated"] else line["final_code"], styles["center"])
            sheet.write(row, col + 2, line["state_label"], styles["cell"])
            row += 1
        if unit["rows"]:
            sheet.autofilter(3, 0, row - 1, len(columns) - 1)

        row += 1
        sheet.write(row, 1, self.env._("Level"), styles["head"])
        sheet.write(row, 2, self.env._("Number"), styles["head"])
        sheet.write(row, 3, self.env._("Share (%)"), styles["head"])
        totals = unit["totals"]
        for key, label, _code in data["levels"]:
            row += 1
            sheet.write(row, 1, f"{LEVEL_CODES[key]} - {label}", styles["cell"])
            sheet.write_number(row, 2, totals["levels"][key], styles["integer"])
            sheet.write_number(row, 3, totals["level_rates"][key], styles["percent"])
        row += 1
        sheet.write(row, 1, not_rated, styles["cell"])
        sheet.write_number(row, 2, totals["not_rated"], styles["integer"])
        row += 1
        sheet.write(row, 1, self.env._("Average Score"), styles["total"])
        sheet.write_number(row, 2, totals["average"], styles["total_decimal"])
