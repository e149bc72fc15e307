from odoo import fields, models

MEETING_KINDS = [
    ("briefing", "Weekly Briefing"),
    ("cell_regular", "Party Cell Regular Meeting"),
    ("cell_thematic", "Party Cell Thematic Meeting"),
    ("union", "Union Meeting"),
    ("review", "Review Meeting"),
    ("other", "Other"),
]


class HrCivilMeetingType(models.Model):
    """A kind of meeting with its defaults and checks (QĐ 45/2018/QĐ-TTg; Hướng dẫn 12-HD/BTCTW)."""

    _name = "hr.civil.meeting.type"
    _description = "Meeting Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(MEETING_KINDS, required=True, default="other")
    company_id = fields.Many2one("res.company", help="Empty: shared by every company.")
    default_duration = fields.Float(string="Default Duration (h)", default=1.0)
    max_duration = fields.Float(
        string="Warn Above (h)",
        help="A longer meeting is flagged: briefings, problem-solving and coordination meetings should not take "
        "more than half a working day (QĐ 45/2018/QĐ-TTg).",
    )
    min_duration = fields.Float(
        string="Flag Below (h)",
        help="A shorter meeting is flagged: a Party cell's regular meeting lasts at least 90 minutes (HD 12-HD/BTCTW).",
    )
    min_duration_combined = fields.Float(
        string="Flag Below When Combined (h)",
        help="Minimum when the regular meeting also holds a thematic part: 120 minutes (HD 12-HD/BTCTW).",
    )
    is_party_cell = fields.Boolean(help="Meetings of a Party cell: visible to its members and to leaders only.")
    needs_reports = fields.Boolean(
        string="Participants Report",
        help="Each participant fills in a report: last week's results, problems and next week's plan.",
    )
    thematic_every_months = fields.Integer(
        string="Thematic Meeting Every (months)",
        help="Remind a Party cell that has held no thematic meeting within this many months (HD 12: quarterly).",
    )
