"""Printed documents of an evaluation campaign: the individual KPI sheet of an official, the ranking of each unit
and the summary table per unit (PDF, and the same tables as XLSX through ``hr.civil.evaluation.export``).

Every figure comes from the stored line snapshot (filled by the one KPI function ``hr.civil.kpi``) or from
``hr.civil.evaluation._quota_status``: nothing is recomputed here. The data of a campaign is read in one pass
over its lines (prefetched), whatever their number.
"""

from collections import defaultdict

from odoo import api, fields, models

from ..models.hr_civil_evaluation_scheme import LEVELS
from ..wizards.hr_civil_action_item_report import _document_header, _fmt_date

# The legal abbreviations of the four levels (ND 335/2025 Art. 20; ND 90/2020): fixed codes, never translated.
LEVEL_CODES = {"excellent": "HTXSNV", "good": "HTTNV", "done": "HTNV", "fail": "KHTNV"}
LEVEL_KEYS = tuple(key for key, _label in LEVELS)
# A line counts as scored once the leader has decided its level (the rating may then be final or appealed).
SCORED_STATES = ("decided", "final", "appealed")


def fmt_number(value, digits=2):
    """A number as Vietnamese documents write it: "1.234,5" (dot between thousands, decimal comma), with at most
    ``digits`` decimals and no trailing zeros."""
    if value is None or value is False:
        return ""
    text = f"{value:,.{digits}f}"
    whole, _dot, decimals = text.partition(".")
    whole = whole.replace(",", ".")
    decimals = decimals.rstrip("0")
    if whole in ("-0", "-0.0"):
        whole = "0"
    return f"{whole},{decimals}" if decimals else whole


def fmt_fixed(value, digits=1):
    """A number with exactly ``digits`` decimals, decimal comma: "85,0"."""
    text = f"{value or 0.0:,.{digits}f}"
    whole, _dot, decimals = text.partition(".")
    whole = whole.replace(",", ".")
    return f"{whole},{decimals}" if decimals else whole


class ReportCivilEvaluationRanking(models.AbstractModel):
    """Data of the ranking of each unit of a campaign; also the source of the summary and of the spreadsheet."""

    _name = "report.hr_civil_service.report_evaluation_ranking"
    _description = "Evaluation Ranking per Unit"

    @api.model
    def _get_report_values(self, docids, data=None):
        evaluations = self.env["hr.civil.evaluation"].browse(docids)
        evaluations.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "hr.civil.evaluation",
            "docs": evaluations,
            "data": {evaluation.id: self._evaluation_data(evaluation) for evaluation in evaluations},
            "num": fmt_number,
            "fixed": fmt_fixed,
            "fmt_date": _fmt_date,
        }

    # ------------------------------------------------------------------
    # Labels
    # ------------------------------------------------------------------
    @api.model
    def _level_labels(self):
        return dict(self.env["hr.civil.evaluation.line"]._fields["final_level"]._description_selection(self.env))

    @api.model
    def _state_labels(self):
        return dict(self.env["hr.civil.evaluation.line"]._fields["state"]._description_selection(self.env))

    @api.model
    def _level_text(self, level, labels=None):
        """The level's label and its legal abbreviation: "Hoàn thành tốt nhiệm vụ (HTTNV)"."""
        if not level:
            return ""
        labels = labels or self._level_labels()
        return f"{labels.get(level, level)} ({LEVEL_CODES[level]})"

    @api.model
    def _period_text(self, evaluation):
        return self.env._(
            "%(period)s (from %(start)s to %(end)s)",
            period=evaluation.name,
            start=_fmt_date(evaluation.date_from),
            end=_fmt_date(evaluation.date_to),
        )

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------
    @api.model
    def _visible_lines(self, evaluation, departments=None):
        """The lines of the campaign the reader may see (record rules apply), optionally of some units and their
        sub-units only; returned as superuser to read the names of people, positions and units in one pass.
        Searched rather than read from ``line_ids``, whose cached value may hold lines another user read."""
        lines = self.env["hr.civil.evaluation.line"].search([("evaluation_id", "=", evaluation.id)])
        if departments:
            units = (
                self.env["hr.department"]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "child_of", departments.ids)])
            )
            lines = lines.filtered(lambda line: line.department_id in units)
        return lines.sudo()

    @api.model
    def _row(self, line, level_labels, state_labels):
        level = line.final_level or line.proposed_level
        return {
            "line_id": line.id,
            "name": line.employee_id.name or "",
            "job": line.job_id.name or "",
            "unit": line.department_id.name or "",
            "quota_group": dict(line._fields["quota_group"]._description_selection(line.env)).get(line.quota_group, ""),
            "standard_hours": line.standard_hours,
            "converted_hours": line.converted_hours,
            "quantity_ratio": line.quantity_ratio,
            "quality_ratio": line.quality_ratio,
            "progress_ratio": line.progress_ratio,
            "task_points": line.task_points,
            "self_general_points": line.self_general_points,
            "supervisor_general_points": line.supervisor_general_points,
            "leader_general_points": line.leader_general_points,
            "general_points": line.general_points,
            "total_score": line.total_score,
            "not_rated": line.not_rated,
            "scored": line.state in SCORED_STATES,
            "proposed_level": line.proposed_level,
            "final_level": line.final_level,
            "level": False if line.not_rated else level,
            "proposed_code": LEVEL_CODES.get(line.proposed_level, ""),
            "final_code": LEVEL_CODES.get(line.final_level, ""),
            "level_code": "" if line.not_rated else LEVEL_CODES.get(level, ""),
            "level_label": "" if line.not_rated else level_labels.get(level, ""),
            "state": line.state,
            "state_label": state_labels.get(line.state, ""),
            "rank": False,
        }

    @api.model
    def _rank(self, rows):
        """Sort by score, highest first, and number them; equal scores share a rank (1, 2, 2, 4). Officials not
        rated come last, without a rank."""
        rows.sort(key=lambda row: (row["not_rated"], -row["total_score"], row["name"], row["line_id"]))
        previous, rank = None, 0
        for index, row in enumerate(rows, start=1):
            if row["not_rated"]:
                continue
            if row["total_score"] != previous:
                rank, previous = index, row["total_score"]
            row["rank"] = rank
        return rows

    @api.model
    def _totals(self, rows):
        """Counts per level, scored share and average score of a set of rows."""
        counts = dict.fromkeys(LEVEL_KEYS, 0)
        not_rated = scored = 0
        scores = []
        for row in rows:
            scored += row["scored"]
            if row["not_rated"]:
                not_rated += 1
                continue
            scores.append(row["total_score"])
            if row["level"]:
                counts[row["level"]] += 1
        count = len(rows)
        return {
            "count": count,
            "scored": scored,
            "scored_rate": round(100.0 * scored / count, 1) if count else 0.0,
            "not_rated": not_rated,
            "levels": counts,
            "level_rates": {
                level: round(100.0 * number / (count - not_rated), 1) if count - not_rated else 0.0
                for level, number in counts.items()
            },
            "average": round(sum(scores) / len(scores), 2) if scores else 0.0,
        }

    @api.model
    def _evaluation_data(self, evaluation, departments=None):
        """Everything the ranking, the summary and the spreadsheet print for one campaign, in one pass:
        units (each with its ranked rows and totals), the totals of the campaign and the quota check."""
        lines = self._visible_lines(evaluation, departments)
        level_labels, state_labels = self._level_labels(), self._state_labels()
        by_unit = defaultdict(list)
        for line in lines:
            by_unit[line.department_id].append(self._row(line, level_labels, state_labels))
        units = []
        for department, rows in sorted(
            by_unit.items(), key=lambda pair: (not pair[0], pair[0].complete_name or "", pair[0].id)
        ):
            units.append(
                {
                    "department": department,
                    "name": department.name or self.env._("No Unit"),
                    "full_name": department.complete_name or self.env._("No Unit"),
                    "manager": department.manager_id.name or "",
                    "rows": self._rank(rows),
                    "totals": self._totals(rows),
                }
            )
        all_rows = [row for unit in units for row in unit["rows"]]
        quota = evaluation._quota_status(lines) if lines else []
        scheme = evaluation.sudo().scheme_id or lines.scheme_id[:1]
        company = evaluation.company_id.sudo()
        return {
            "evaluation": evaluation,
            "period": self._period_text(evaluation),
            "header": dict(_document_header(company, day=self._document_date(evaluation)), number=False),
            "units": units,
            "totals": self._totals(all_rows),
            "quota": quota,
            "quota_percent": scheme.quota_percent if scheme else 0.0,
            "scheme": scheme.name or "",
            "levels": [(key, level_labels.get(key, key), LEVEL_CODES[key]) for key in LEVEL_KEYS],
            "level_labels": level_labels,
            "state_labels": state_labels,
            "head": self._agency_head(company),
        }

    @api.model
    def _document_date(self, evaluation):
        return evaluation.finalised_date or fields.Date.context_today(self)

    @api.model
    def _agency_head(self, company):
        """The head of the agency who signs: the manager of its top unit with a manager."""
        tops = (
            self.env["hr.department"]
            .sudo()
            .search(
                [("company_id", "=", company.id), ("parent_id", "=", False), ("manager_id", "!=", False)],
                order="id",
                limit=1,
            )
        )
        return tops.manager_id.name or ""


class ReportCivilEvaluationSummary(models.AbstractModel):
    """Data of the summary table per unit of a campaign: counts per level, share scored, average score."""

    _name = "report.hr_civil_service.report_evaluation_summary"
    _description = "Evaluation Summary per Unit"

    @api.model
    def _get_report_values(self, docids, data=None):
        return self.env["report.hr_civil_service.report_evaluation_ranking"]._get_report_values(docids, data)


class ReportCivilEvaluationSheet(models.AbstractModel):
    """Data of the individual KPI sheet of each line: the official, the figures of the snapshot, the points of each
    actor, the level and the three signatures."""

    _name = "report.hr_civil_service.report_evaluation_sheet"
    _description = "Individual Evaluation Sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        lines = self.env["hr.civil.evaluation.line"].browse(docids)
        lines.check_access("read")
        ranking = self.env["report.hr_civil_service.report_evaluation_ranking"]
        level_labels = ranking._level_labels()
        sheets = {}
        for line in lines.sudo():
            evaluation = line.evaluation_id
            sheets[line.id] = {
                "header": dict(_document_header(line.company_id, day=ranking._document_date(evaluation)), number=False),
                "period": ranking._period_text(evaluation),
                "employee": line.employee_id.name or "",
                "job": line.job_id.name or line.employee_id.job_title or "",
                "unit": line.department_id.complete_name or "",
                "scheme": line.scheme_id.name or "",
                "supervisor": self._supervisor(line),
                "leader": self._leader(line),
                "score_level": ranking._level_text(line.score_level, level_labels),
                "proposed_level": ranking._level_text(line.proposed_level, level_labels),
                "self_level": ranking._level_text(line.self_level, level_labels),
                "supervisor_level": ranking._level_text(line.supervisor_level, level_labels),
                "final_level": ranking._level_text(line.final_level, level_labels),
                "final_code": LEVEL_CODES.get(line.final_level, ""),
                "state": ranking._state_labels().get(line.state, ""),
            }
        return {
            "doc_ids": docids,
            "doc_model": "hr.civil.evaluation.line",
            "docs": lines.sudo(),
            "sheets": sheets,
            "num": fmt_number,
            "fixed": fmt_fixed,
            "fmt_date": _fmt_date,
        }

    @api.model
    def _supervisor(self, line):
        """Who comments on the official: their direct supervisor, else the head of their unit."""
        supervisor = line.parent_id or line.department_id.manager_id
        return "" if supervisor == line.employee_id else supervisor.name or ""

    @api.model
    def _leader(self, line):
        """Who decides the level: the head of the topmost unit above the official's unit."""
        department = line.department_id
        head = department.manager_id
        while department.parent_id:
            department = department.parent_id
            head = department.manager_id or head
        if not head or head == line.employee_id:
            # The official heads a top-level unit: the agency's head, at the top of their line of supervisors.
            head, hops = line.employee_id.sudo().parent_id, 0
            while head.parent_id and hops < 20:
                head, hops = head.parent_id, hops + 1
        return "" if head == line.employee_id else head.name or ""
