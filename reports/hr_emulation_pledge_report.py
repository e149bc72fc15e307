"""Data of the printed emulation pledge (giao ước thi đua) of a block."""

from odoo import api, fields, models
from odoo.tools import float_round

from ..wizards.hr_civil_action_item_report import _fmt_date, _legal_date

ROMAN = ("I", "II", "III", "IV", "V")


class ReportEmulationPledge(models.AbstractModel):
    _name = "report.hr_civil_service.report_emulation_pledge"
    _description = "Emulation Pledge Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        pledges = self.env["hr.emulation.pledge"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "hr.emulation.pledge",
            "docs": pledges,
            "pledges": {pledge.id: self._pledge_values(pledge) for pledge in pledges},
            "fmt_date": _fmt_date,
            "roman": ROMAN,
        }

    @api.model
    def _score_text(self, value):
        """A score as the document writes it: no decimals when whole, a comma before the decimals."""
        value = float_round(value or 0.0, 2)
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")

    @api.model
    def _pledge_values(self, pledge):
        env = self.env
        company = pledge.company_id
        place = pledge.place or company.city or company.partner_id.city or ""
        roles = dict(env["hr.emulation.block.member"]._fields["role"]._description_selection(env))
        signatories = pledge.signatory_ids.sorted(lambda s: (s.sequence, s.id))
        scores = {(score.signatory_id.id, score.item_id.id): score.score for score in pledge.score_ids}
        items = pledge.item_ids.sorted(lambda i: (i.sequence, i.id))
        show_results = pledge.state == "closed"
        leader = pledge.leading_signatory_id
        return {
            "header": {
                "above": (pledge.block_id.authority or "").upper(),
                "issuer": (pledge.block_id.name or "").upper(),
                "number": False,
                "place_date": _legal_date(place, pledge.date_signed or fields.Date.context_today(self)),
                "party": False,
            },
            "subtitle": env._("Year %(year)s", year=pledge.year),
            "units": [
                {
                    "name": signatory.unit_name,
                    "role": roles.get(signatory.role, ""),
                    "representative": signatory.representative_name or "",
                    "position": signatory.representative_title or "",
                    "date_signed": _fmt_date(signatory.date_signed),
                }
                for signatory in signatories
            ],
            "items": [
                {
                    "name": item.name,
                    "criteria": item.criteria or "",
                    "max_score": self._score_text(item.max_score),
                }
                for item in items
            ],
            "total_max": self._score_text(pledge.total_max_score),
            "show_results": show_results,
            "results": [
                {
                    "rank": rank,
                    "name": signatory.unit_name,
                    "scores": [self._score_text(scores.get((signatory.id, item.id), 0.0)) for item in items],
                    "total": self._score_text(total),
                    "votes": signatory.vote_count,
                    "leading": signatory == leader,
                }
                for signatory, total, rank in pledge._ranking()
            ]
            if show_results
            else [],
            "vote_line": env._(
                "On %(date)s the block voted %(unit)s its leading unit (%(votes)s of %(units)s votes); the unit is "
                "proposed for the block's emulation flag.",
                date=_fmt_date(pledge.vote_date),
                unit=leader.unit_name,
                votes=leader.vote_count,
                units=len(signatories),
            )
            if show_results and leader
            else "",
            # two signature cells a row
            "signature_rows": [
                [
                    {
                        "unit": (signatory.unit_name or "").upper(),
                        "position": (signatory.representative_title or "").upper(),
                        "name": signatory.representative_name or "",
                        "date_signed": _fmt_date(signatory.date_signed),
                    }
                    for signatory in signatories[index : index + 2]
                ]
                for index in range(0, len(signatories), 2)
            ],
        }
