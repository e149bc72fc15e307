"""Printed documents of the meetings: the minutes (biên bản), the tracking of action items and the
periodic directive report (QĐ 45/2018/QĐ-TTg) as PDF and XLSX.

The report models (``report.hr_civil_service.*``) prepare the data of the QWeb templates of
``reports/hr_civil_meeting_reports.xml``; the wizard ``hr.civil.action.item.report`` picks the period.
"""

import base64
import io
from collections import defaultdict
from datetime import date, datetime, time

import pytz
from babel.dates import format_date as babel_format_date
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import get_lang, xlsxwriter

DATE_FORMAT = "%d/%m/%Y"  # the administrative documents always write dd/mm/yyyy (Nghị định 30/2020/NĐ-CP)
DEFAULT_TZ = "Asia/Ho_Chi_Minh"

# Status of an item at the end of a period, in the order the reports list them.
ITEM_STATUSES = ("overdue", "open", "done_late", "done_on_time", "cancelled")
STATUS_FILTERS = {
    "all": None,
    "not_done": {"overdue", "open"},
    "overdue": {"overdue"},
    "done": {"done_on_time", "done_late"},
    "done_late": {"done_late"},
}
TOTAL_KEYS = ("carried", "issued", "done_on_time", "done_late", "open", "overdue", "cancelled")
ROLE_RANK = {"chair": 0, "secretary": 1, "member": 2, "guest": 3}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _fmt_date(value):
    return value.strftime(DATE_FORMAT) if value else ""


def _tz(env, record=None):
    """The reader's time zone; a Vietnamese agency's when the user has none."""
    series_tz = record and "series_id" in record._fields and record.series_id.tz
    return pytz.timezone(env.context.get("tz") or env.user.tz or series_tz or DEFAULT_TZ)


def _local(env, value, record=None):
    """A UTC datetime of the database in the reader's time zone."""
    return pytz.utc.localize(value).astimezone(_tz(env, record)) if value else None


def _legal_date(place, day):
    """Place and date of an administrative document: "Cần Thơ, ngày 05 tháng 02 năm 2026".

    Days below 10 and the months January and February take a leading zero (Nghị định 30/2020/NĐ-CP, annex I).
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place or '..........'}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _document_header(company, issuer=None, day=None, code="BB", party=False):
    """The two columns that open an administrative document.

    ``issuer`` is the unit that issues the document (a department, a Party cell) under its agency; without one the
    agency issues it, under its parent authority when there is one.
    """
    if issuer:
        above, issuer_name = company.name, issuer
    else:
        above, issuer_name = company.parent_id.name or "", company.name
    partner = company.partner_id
    place = company.city or partner.city or company.state_id.name or ""
    return {
        "above": (above or "").upper(),
        "issuer": (issuer_name or "").upper(),
        "number": f"Số ........-{code}/CB" if party else f"Số: ......../{code}-........",
        "place_date": _legal_date(place, day or fields.Date.context_today(company)),
        "party": party,
    }


class HrCivilActionItemReport(models.TransientModel):
    """The directive report: the action items of the meetings over a month, a quarter or any period, per unit."""

    _name = "hr.civil.action.item.report"
    _description = "Directive Report"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    period_type = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("custom", "Custom Period")],
        string="Period",
        required=True,
        default="month",
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    month = fields.Selection(
        [
            ("1", "January"),
            ("2", "February"),
            ("3", "March"),
            ("4", "April"),
            ("5", "May"),
            ("6", "June"),
            ("7", "July"),
            ("8", "August"),
            ("9", "September"),
            ("10", "October"),
            ("11", "November"),
            ("12", "December"),
        ],
        default=lambda self: str(fields.Date.context_today(self).month),
    )
    quarter = fields.Selection(
        [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")],
        default=lambda self: str((fields.Date.context_today(self).month - 1) // 3 + 1),
    )
    date_from = fields.Date(
        string="From", compute="_compute_dates", store=True, readonly=False, required=True, precompute=True
    )
    date_to = fields.Date(
        string="To", compute="_compute_dates", store=True, readonly=False, required=True, precompute=True
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        domain="[('company_id', 'in', [company_id, False])]",
        help="Only the items of these units and their sub-units; empty for all units.",
    )
    status_filter = fields.Selection(
        [
            ("all", "All Items"),
            ("not_done", "Not Done"),
            ("overdue", "Overdue"),
            ("done", "Done"),
            ("done_late", "Done Late"),
        ],
        string="Status",
        required=True,
        default="all",
    )
    xlsx_file = fields.Binary(string="Spreadsheet", attachment=False, readonly=True)
    xlsx_filename = fields.Char(string="File Name", readonly=True)

    @api.depends("period_type", "year", "month", "quarter")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            year = wizard.year or today.year
            if wizard.period_type == "month":
                start = date(year, int(wizard.month or today.month), 1)
                wizard.date_from, wizard.date_to = start, start + relativedelta(months=1, days=-1)
            elif wizard.period_type == "quarter":
                start = date(year, 3 * (int(wizard.quarter or 1) - 1) + 1, 1)
                wizard.date_from, wizard.date_to = start, start + relativedelta(months=3, days=-1)
            elif not (wizard.date_from and wizard.date_to):
                wizard.date_from, wizard.date_to = today.replace(day=1), today

    @api.constrains("date_from", "date_to", "year")
    def _check_dates(self):
        for wizard in self:
            if not 1900 < wizard.year < 3000:
                raise ValidationError(self.env._("Give a year such as %(year)s.", year=fields.Date.today().year))
            if wizard.date_from > wizard.date_to:
                raise ValidationError(self.env._("The period ends before it starts."))

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------
    @api.model
    def _issue_date(self, item):
        """The day a directive was given: its meeting's, else the day it was recorded."""
        issued = item.sudo().source_meeting_id.date_start or item.create_date
        return _local(self.env, issued).date() if issued else None

    @api.model
    def _item_unit(self, item):
        return item.department_id or item.assignee_ids.department_id[:1]

    @api.model
    def _item_status(self, item, as_of):
        """Status of the item on ``as_of``: done in time or late, overdue, open, cancelled."""
        if item.state == "cancelled":
            return "cancelled", 0
        if item.done_date and item.done_date <= as_of:
            if item.deadline and item.done_date > item.deadline:
                return "done_late", (item.done_date - item.deadline).days
            return "done_on_time", 0
        if item.deadline and item.deadline < as_of:
            return "overdue", (as_of - item.deadline).days
        return "open", 0

    @api.model
    def _status_labels(self):
        return {
            "overdue": self.env._("Overdue"),
            "open": self.env._("Open, Within Deadline"),
            "done_late": self.env._("Done Late"),
            "done_on_time": self.env._("Done on Time"),
            "cancelled": self.env._("Cancelled"),
        }

    @api.model
    def _item_rows(self, items, as_of, date_from=None):
        """One row per item, sorted by unit, status and deadline: what the PDFs and the spreadsheet show."""
        status_labels = self._status_labels()
        status_rank = {key: rank for rank, key in enumerate(ITEM_STATUSES)}
        priorities = dict(items._fields["priority"]._description_selection(self.env))
        rows = []
        for item in items:
            status, delay = self._item_status(item, as_of)
            unit = self._item_unit(item)
            issued = self._issue_date(item)
            meetings = item.meeting_ids.sorted("date_start")  # the meetings the reader may see
            rows.append(
                {
                    "item": item,
                    "unit": unit,
                    "unit_name": unit.display_name if unit else self.env._("No Unit"),
                    "name": item.name,
                    "source": item.source_meeting_id._filtered_access("read").name or "",
                    "issue_date": issued,
                    "carried": bool(date_from and issued and issued < date_from),
                    "assignees": ", ".join(item.assignee_ids.mapped("name")),
                    "deadline": item.deadline,
                    "priority": priorities.get(item.priority, ""),
                    "progress": item.progress,
                    "state": status,
                    "state_label": status_labels[status],
                    "done_date": item.done_date if item.done_date and item.done_date <= as_of else None,
                    "delay_days": delay,
                    "meetings": [
                        f"{_fmt_date(_local(self.env, meeting.date_start, meeting))} {meeting.name}"
                        for meeting in meetings
                    ],
                }
            )
        rows.sort(
            key=lambda row: (
                not row["unit"],
                row["unit_name"],
                status_rank[row["state"]],
                row["deadline"] or date.max,
                -int(row["item"].priority),
                row["item"].id,
            )
        )
        return rows

    @api.model
    def _group_rows(self, rows):
        """Rows grouped by unit, then by status: [(unit name, [(status label, rows)])]."""
        units = {}
        for row in rows:
            statuses = units.setdefault(row["unit_name"], {})
            statuses.setdefault(row["state_label"], []).append(row)
        return [(unit, list(statuses.items())) for unit, statuses in units.items()]

    def _scope_items(self):
        """Items of the period: those given in it, and older ones still open when it started."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            "|",
            ("done_date", "=", False),
            ("done_date", ">=", self.date_from),
        ]
        items = self.env["hr.civil.action.item"].search(domain)
        units = self.env["hr.department"]
        if self.department_ids:
            units = (
                self.env["hr.department"]
                .with_context(active_test=False)
                .search([("id", "child_of", self.department_ids.ids)])
            )
        result = self.env["hr.civil.action.item"]
        for item in items:
            issued = self._issue_date(item)
            if not issued or issued > self.date_to:
                continue
            if issued < self.date_from and item.state == "cancelled":
                continue  # withdrawn before or during the period: nothing left to report
            if units and self._item_unit(item) not in units:
                continue
            result |= item
        return result

    def _report_data(self):
        """Rows and totals per unit of the period, as of its last day (or today for a period not over yet)."""
        self.ensure_one()
        as_of = min(self.date_to, fields.Date.context_today(self))
        rows = self._item_rows(self._scope_items(), as_of, self.date_from)
        wanted = STATUS_FILTERS[self.status_filter]
        if wanted:
            rows = [row for row in rows if row["state"] in wanted]
        totals = {}
        for row in rows:
            line = totals.setdefault(row["unit_name"], dict.fromkeys(TOTAL_KEYS, 0))
            line["carried" if row["carried"] else "issued"] += 1
            line[row["state"]] += 1
        grand = dict.fromkeys(TOTAL_KEYS, 0)
        for line in totals.values():
            for key in TOTAL_KEYS:
                grand[key] += line[key]
        for line in [*totals.values(), grand]:
            line["total"] = line["carried"] + line["issued"]
            due = line["total"] - line["cancelled"]
            line["on_time_rate"] = round(100.0 * line["done_on_time"] / due, 1) if due else 0.0
        return {
            "rows": rows,
            "groups": self._group_rows(rows),
            "totals": sorted(totals.items(), key=lambda pair: (pair[0] == self.env._("No Unit"), pair[0])),
            "grand_total": grand,
            "as_of": as_of,
            "period": self._period_label(),
            "subtitle": self.env._(
                "%(period)s (situation on %(date)s)", period=self._period_label(), date=_fmt_date(as_of)
            ),
        }

    def _period_label(self):
        self.ensure_one()
        if self.period_type == "month":
            month = self.month.zfill(2)
            return self.env._("Month %(month)s/%(year)s", month=month, year=self.year)
        if self.period_type == "quarter":
            return self.env._("Quarter %(quarter)s/%(year)s", quarter=self.quarter, year=self.year)
        return self.env._("From %(start)s to %(end)s", start=_fmt_date(self.date_from), end=_fmt_date(self.date_to))

    def _document_header(self):
        self.ensure_one()
        return _document_header(self.company_id, day=fields.Date.context_today(self), code="BC")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("hr_civil_service.hr_civil_action_item_report_print").report_action(self, config=False)

    def action_export_xlsx(self):
        self.ensure_one()
        if not xlsxwriter:
            raise UserError(self.env._("The xlsxwriter Python library is needed to export the spreadsheet."))
        self.write(
            {
                "xlsx_file": self._build_xlsx(),
                "xlsx_filename": self.env._(
                    "Directives %(start)s - %(end)s.xlsx",
                    start=self.date_from.strftime("%Y-%m-%d"),
                    end=self.date_to.strftime("%Y-%m-%d"),
                ),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}&field=xlsx_file"
            "&filename_field=xlsx_filename&download=true",
            "target": "self",
        }

    def _build_xlsx(self):
        """Sheet 1: one row per item; sheet 2: the totals per unit. Returns the file, base64-encoded."""
        self.ensure_one()
        data = self._report_data()
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        title = book.add_format({"bold": True, "font_size": 14})
        head = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"})
        cell = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        day = book.add_format({"border": 1, "num_format": "dd/mm/yyyy", "valign": "top"})
        number = book.add_format({"border": 1, "num_format": "0", "valign": "top"})
        percent = book.add_format({"border": 1, "num_format": "0.0", "valign": "top"})
        late = book.add_format({"border": 1, "text_wrap": True, "valign": "top", "font_color": "#C00000"})
        total = book.add_format({"border": 1, "bold": True, "num_format": "0"})
        total_pct = book.add_format({"border": 1, "bold": True, "num_format": "0.0"})
        subtitle = self.env._(
            "%(agency)s - %(period)s (as of %(day)s)",
            agency=self.company_id.name,
            period=data["period"],
            day=_fmt_date(data["as_of"]),
        )

        items = book.add_worksheet(self.env._("Items"))
        columns = [
            (self.env._("No."), 5),
            (self.env._("Unit"), 22),
            (self.env._("Directive"), 45),
            (self.env._("Source Meeting"), 28),
            (self.env._("Issued On"), 11),
            (self.env._("Carried Over"), 9),
            (self.env._("Assignees"), 28),
            (self.env._("Deadline"), 11),
            (self.env._("Priority"), 10),
            (self.env._("Progress (%)"), 9),
            (self.env._("Status"), 16),
            (self.env._("Done On"), 11),
            (self.env._("Delay (days)"), 8),
            (self.env._("Discussed At"), 40),
        ]
        items.write(0, 0, self.env._("Directives and their status"), title)
        items.write(1, 0, subtitle)
        for col, (label, width) in enumerate(columns):
            items.set_column(col, col, width)
            items.write(3, col, label, head)
        items.freeze_panes(4, 0)
        yes, no = self.env._("Yes"), self.env._("No")
        for index, row in enumerate(data["rows"], start=1):
            line = 3 + index
            style = late if row["state"] in ("overdue", "done_late") else cell
            items.write_number(line, 0, index, number)
            items.write(line, 1, row["unit_name"], cell)
            items.write(line, 2, row["name"], cell)
            items.write(line, 3, row["source"], cell)
            self._write_date(items, line, 4, row["issue_date"], day, cell)
            items.write(line, 5, yes if row["carried"] else no, cell)
            items.write(line, 6, row["assignees"], cell)
            self._write_date(items, line, 7, row["deadline"], day, cell)
            items.write(line, 8, row["priority"], cell)
            items.write_number(line, 9, row["progress"], percent)
            items.write(line, 10, row["state_label"], style)
            self._write_date(items, line, 11, row["done_date"], day, cell)
            items.write_number(line, 12, row["delay_days"], number)
            items.write(line, 13, "\n".join(row["meetings"]), cell)
        if data["rows"]:
            items.autofilter(3, 0, 3 + len(data["rows"]), len(columns) - 1)

        sheet = book.add_worksheet(self.env._("Totals"))
        total_columns = [(self.env._("Unit"), 30), *[(label, 12) for label in self._total_labels()]]
        sheet.write(0, 0, self.env._("Directives per unit"), title)
        sheet.write(1, 0, subtitle)
        for col, (label, width) in enumerate(total_columns):
            sheet.set_column(col, col, width)
            sheet.write(3, col, label, head)
        lines = [*data["totals"], (self.env._("Total"), data["grand_total"])]
        for index, (unit, values) in enumerate(lines):
            is_total = index == len(lines) - 1
            sheet.write(4 + index, 0, unit, total if is_total else cell)
            for col, key in enumerate(self._total_keys(), start=1):
                if key == "on_time_rate":
                    sheet.write_number(4 + index, col, values[key], total_pct if is_total else percent)
                else:
                    sheet.write_number(4 + index, col, values[key], total if is_total else number)
        book.close()
        return base64.b64encode(output.getvalue())

    @staticmethod
    def _write_date(sheet, row, col, value, date_style, empty_style):
        if value:
            sheet.write_datetime(row, col, datetime.combine(value, time.min), date_style)
        else:
            sheet.write_blank(row, col, None, empty_style)

    @api.model
    def _total_keys(self):
        return (
            "carried",
            "issued",
            "total",
            "done_on_time",
            "done_late",
            "open",
            "overdue",
            "cancelled",
            "on_time_rate",
        )

    @api.model
    def _total_labels(self):
        return [
            self.env._("Carried Over"),
            self.env._("Issued in the Period"),
            self.env._("Total Items"),
            self.env._("Done on Time"),
            self.env._("Done Late"),
            self.env._("Open, Within Deadline"),
            self.env._("Overdue"),
            self.env._("Cancelled"),
            self.env._("Done on Time (%)"),
        ]


# ----------------------------------------------------------------------
# QWeb report models
# ----------------------------------------------------------------------
class ReportMeetingMinutes(models.AbstractModel):
    """Data of the minutes (biên bản) of a meeting."""

    _name = "report.hr_civil_service.report_meeting_minutes"
    _description = "Meeting Minutes Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        meetings = self.env["hr.civil.meeting"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "hr.civil.meeting",
            "docs": meetings,
            "minutes": {meeting.id: self._minutes_values(meeting) for meeting in meetings},
            "roman": ROMAN,
            "fmt_date": _fmt_date,
        }

    @api.model
    def _person(self, employee):
        """Name and position of a person, as the minutes name them."""
        if not employee:
            return ""
        position = employee.job_title or employee.job_id.name
        return f"{employee.name} - {position}" if position else employee.name

    @api.model
    def _minutes_values(self, meeting):
        env = self.env
        start, end = _local(env, meeting.date_start, meeting), _local(env, meeting.date_end, meeting)
        lang = get_lang(env).code
        issuer = meeting.cell_id.name or (meeting.department_ids.name if len(meeting.department_ids) == 1 else None)
        attendee_model = env["hr.civil.meeting.attendee"]
        roles = dict(attendee_model._fields["role"]._description_selection(env))
        presences = dict(attendee_model._fields["attendance"]._description_selection(env))
        attendees = meeting.attendee_ids.sorted(
            lambda a: (ROLE_RANK.get(a.role, 9), a.department_id.name or "", a.employee_id.name or "")
        )
        counts = defaultdict(int)
        for attendee in attendees:
            counts[attendee.attendance] += 1
        reports = self._report_groups(meeting)
        followed = (meeting.discussed_item_ids - meeting.directive_ids).sorted(lambda i: (i.deadline or date.max, i.id))
        adopted_line = ""
        if meeting.cell_id:
            params = {"votes": meeting.vote_for, "members": meeting.official_member_count}
            adopted_line = (
                env._("The resolution is adopted (%(votes)s/%(members)s official members in favour).", **params)
                if meeting.resolution_adopted
                else env._(
                    "The resolution is not adopted (%(votes)s/%(members)s official members in favour; "
                    "more than half is needed).",
                    **params,
                )
            )
        return {
            "header": _document_header(
                meeting.company_id, issuer=issuer, day=start.date(), code="BB", party=bool(meeting.cell_id)
            ),
            "time": env._(
                "From %(start)s to %(end)s on %(weekday)s, %(date)s",
                start=start.strftime("%H:%M"),
                end=end.strftime("%H:%M"),
                weekday=babel_format_date(start.date(), "EEEE", locale=lang),
                date=start.strftime(DATE_FORMAT),
            ),
            "closing": env._(
                "The meeting closed at %(time)s the same day.",
                time=end.strftime("%H:%M"),
            )
            if end.date() == start.date()
            else env._("The meeting closed at %(time)s on %(date)s.", time=end.strftime("%H:%M"), date=_fmt_date(end)),
            "chair": self._person(meeting.chair_id),
            "secretary": self._person(meeting.secretary_id),
            "presenter": self._person(meeting.presenter_id),
            "units": ", ".join(meeting.department_ids.mapped("name")),
            "attendees": [
                {
                    "name": attendee.employee_id.name,
                    "position": attendee.employee_id.job_title or attendee.employee_id.job_id.name or "",
                    "unit": attendee.department_id.name or "",
                    "role": roles.get(attendee.role, ""),
                    "attendance": attendee.attendance,
                    "attendance_label": presences.get(attendee.attendance, ""),
                    "reason": attendee.reason or "",
                }
                for attendee in attendees
            ],
            "attendance_summary": env._(
                "%(present)s of %(total)s present; %(excused)s absent with reason; %(unexcused)s absent without "
                "reason.",
                present=counts["present"],
                total=len(attendees),
                excused=counts["excused"],
                unexcused=counts["unexcused"],
            ),
            "reports": reports,
            "directives": meeting.directive_ids.sorted(lambda i: (-int(i.priority), i.deadline or date.max, i.id)),
            "followed": followed,
            "priorities": dict(env["hr.civil.action.item"]._fields["priority"]._description_selection(env)),
            "item_states": dict(env["hr.civil.action.item"]._fields["state"]._description_selection(env)),
            "votes": env._(
                "%(for)s for, %(against)s against, %(abstain)s abstentions; the cell has %(members)s official members.",
                **{
                    "for": meeting.vote_for,
                    "against": meeting.vote_against,
                    "abstain": meeting.vote_abstain,
                    "members": meeting.official_member_count,
                },
            ),
            "adopted_line": adopted_line,
            "show_resolution": bool(
                meeting.cell_id and (meeting.resolution or meeting.vote_for or meeting.vote_against)
            ),
        }

    @api.model
    def _report_groups(self, meeting):
        """Participants' reports with something in them, per unit; the deputies' area summaries first."""
        reports = meeting.report_ids.filtered(
            lambda r: any((text or "").strip() for text in (r.last_week_results, r.problems, r.next_week_plan))
        )
        groups = {}
        for report in reports.sorted(
            lambda r: (r.report_type != "area_summary", r.department_id.name or "", r.employee_id.name or "")
        ):
            groups.setdefault(report.department_id.name or self.env._("No Unit"), []).append(report)
        return sorted(
            groups.items(), key=lambda pair: (not any(r.report_type == "area_summary" for r in pair[1]), pair[0])
        )


class ReportActionItemTracking(models.AbstractModel):
    """Data of the tracking report of the selected action items, as of today."""

    _name = "report.hr_civil_service.report_action_item_tracking"
    _description = "Action Item Tracking Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        items = self.env["hr.civil.action.item"].browse(docids)
        today = fields.Date.context_today(self)
        wizard = self.env["hr.civil.action.item.report"]
        rows = wizard._item_rows(items, today)
        company = items.company_id[:1] or self.env.company
        return {
            "doc_ids": docids,
            "doc_model": "hr.civil.action.item",
            "docs": items,
            "groups": wizard._group_rows(rows),
            "subtitle": self.env._("Situation on %(date)s: %(count)s items", date=_fmt_date(today), count=len(rows)),
            "header": dict(_document_header(company, day=today), number=False),
            "fmt_date": _fmt_date,
        }


class ReportDirectiveSummary(models.AbstractModel):
    """Data of the directive report of a period: totals per unit and the items."""

    _name = "report.hr_civil_service.report_directive_summary"
    _description = "Directive Report (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["hr.civil.action.item.report"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "hr.civil.action.item.report",
            "docs": wizards,
            "data": {wizard.id: wizard._report_data() for wizard in wizards},
            "headers": {wizard.id: wizard._document_header() for wizard in wizards},
            "total_keys": wizards._total_keys(),
            "total_labels": wizards._total_labels(),
            "fmt_date": _fmt_date,
        }
