from odoo import api, fields, models

RANK_LEVELS = [
    ("senior_expert", "Senior Expert"),
    ("senior", "Senior Specialist"),
    ("principal", "Principal Specialist"),
    ("specialist", "Specialist"),
    ("officer", "Officer"),
    ("staff", "Staff"),
]


class HrCivilRank(models.Model):
    _name = "hr.civil.rank"
    _description = "Civil Service Rank"
    _order = "sequence, code, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True, index="trigram")
    code = fields.Char(
        index=True,
        help="Rank code (mã ngạch), e.g. 01.003 for Chuyên viên — Thông tư 11/2014/TT-BNV. "
        "Sector ranks (Kiểm sát viên, Kiểm tra viên...) are added by the agency.",
    )
    level = fields.Selection(
        RANK_LEVELS,
        string="Tier",
        required=True,
        default="specialist",
        help="Rank tier under Luật Cán bộ, công chức 2025 Art. 24: chuyên gia cao cấp, chuyên viên cao cấp, "
        "chuyên viên chính, chuyên viên, cán sự, nhân viên (each 'and equivalent'). Rank caps count by tier.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the rank with every agency of the database.")
    description = fields.Text()

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A rank code must be unique per company."),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for rank in self:
            rank.display_name = f"[{rank.code}] {rank.name}" if rank.code else rank.name
