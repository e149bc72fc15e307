from odoo import fields, models


class HrCompetency(models.Model):
    _name = "hr.competency"
    _description = "Competency"
    _order = "category, sequence, id"

    name = fields.Char(required=True, translate=True, index="trigram")
    code = fields.Char()
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        [
            ("general", "General"),
            ("professional", "Professional"),
            ("leadership", "Leadership"),
        ],
        required=True,
        default="professional",
        help="Competency framework (khung năng lực) of a job position: general, professional and "
        "leadership competencies, each assessed on five levels — Công văn 7583/BNV-TCBC (2023).",
    )
    mandatory = fields.Boolean(
        help="One of the seven general competencies every position must require (draft Nghị định 361/2025)."
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the competency with every agency.")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A competency code must be unique per company."),
    ]
