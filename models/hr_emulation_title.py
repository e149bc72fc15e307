import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_civil_evaluation_scheme import LEVELS

INITIATIVE_LEVELS = [
    ("grassroots", "Grassroots"),
    ("ministry", "Ministry / Province"),
    ("national", "National"),
]
INITIATIVE_LEVEL_RANK = {"grassroots": 1, "ministry": 2, "national": 3}


class HrEmulationTitle(models.Model):
    """An emulation title of the catalogue (danh hiệu thi đua) with the rules its registrations are checked
    against, as data: a new decree changes records, not code.

    The rules combine: ``includes_title_id`` applies another title's criteria for the same year (CSTĐCS includes
    LĐTT), ``history_title_id`` asks for that title awarded in each of the previous years, the member rules
    count a unit's members holding a title, and the cap limits how many units receive the title per year.
    """

    _name = "hr.emulation.title"
    _description = "Emulation Title"
    _order = "scope, sequence, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short name used in reports, e.g. LĐTT, CSTĐCS, TTLĐXS.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, help="Empty: the title is used by every agency.")
    scope = fields.Selection(
        [("individual", "Individual"), ("collective", "Collective")], required=True, default="individual"
    )
    level = fields.Selection(
        [
            ("grassroots", "Grassroots"),
            ("block", "Emulation Block"),
            ("ministry", "Ministry / Province"),
            ("national", "National"),
        ],
        required=True,
        default="grassroots",
    )
    legal_basis = fields.Char(translate=True)
    bonus_multiple = fields.Float(
        digits=(6, 2),
        help="Bonus as a multiple of the base salary (Nghị định 152/2025/NĐ-CP).",
    )
    description = fields.Text(translate=True)

    # Individual rules
    min_level = fields.Selection(
        LEVELS,
        string="Minimum Rating",
        help="The year's final evaluation level the person must reach (e.g. 'Hoàn thành tốt nhiệm vụ' for "
        "Lao động tiên tiến, Luật Thi đua, khen thưởng 2022 Art. 24).",
    )
    check_discipline = fields.Boolean(
        string="No Reprimand or Higher",
        default=True,
        help="Refused when disciplined at reprimand (khiển trách) or higher in the year (TT 02/2024/TT-VKSTC).",
    )
    min_months_worked = fields.Float(
        digits=(4, 1),
        help="Months worked in the year (from recruitment and from the end of any discipline period; maternity "
        "leave counts as worked). 0 = no rule.",
    )
    max_months_off = fields.Float(
        digits=(4, 1),
        help="Refused when off work this many months or more in the year (maternity leave excluded). 0 = no rule.",
    )
    initiative_level = fields.Selection(
        INITIATIVE_LEVELS,
        string="Initiative Required",
        help="An initiative of the person recognised at this level or higher, not used for another award.",
    )
    initiative_waived_by_excellent = fields.Boolean(
        string="Excellent Rating Replaces the Initiative",
        help="Chiến sĩ thi đua cơ sở: 'Hoàn thành xuất sắc nhiệm vụ' or an initiative (Luật TĐKT 2022 Art. 23).",
    )
    initiative_years = fields.Integer(
        default=1, help="Initiatives recognised in this many years up to the title's year count."
    )

    # Composition and history
    includes_title_id = fields.Many2one(
        "hr.emulation.title",
        string="Includes the Criteria Of",
        help="The criteria of this title also apply, for the same year.",
    )
    history_title_id = fields.Many2one("hr.emulation.title", string="Previous Title Required")
    history_years = fields.Integer(
        string="Previous Consecutive Years",
        help="The previous title must have been awarded in each of this many years before the title's year.",
    )

    # Collective rules
    member_title_id = fields.Many2one(
        "hr.emulation.title",
        string="Members' Title",
        domain="[('scope', '=', 'individual')]",
        help="Title whose holders the member rules count (a higher title that includes it counts too).",
    )
    min_member_share = fields.Float(
        string="Minimum Share of Members (%)",
        digits=(5, 2),
        help="Share of the unit's members holding the members' title in the year.",
    )
    distinction_title_id = fields.Many2one(
        "hr.emulation.title",
        string="Distinguished Member Title",
        domain="[('scope', '=', 'individual')]",
        help="At least one member must hold this title in the year.",
    )
    check_member_discipline = fields.Boolean(
        string="No Member Warned or Worse",
        help="Nobody of the unit disciplined at warning (cảnh cáo) or higher in the year.",
    )
    requires_targets_exceeded = fields.Boolean(
        string="Targets Exceeded", help="The unit exceeded its targets (a fact recorded on the registration)."
    )
    requires_block_proposal = fields.Boolean(
        string="Proposed by the Block",
        help="The unit was voted the leading unit of its emulation block (the registration comes from the block).",
    )

    # Cap
    cap_percent = fields.Float(
        string="Cap (%)",
        digits=(5, 2),
        help="At most this share of the units holding the cap base title in the same year (e.g. Tập thể lao động "
        "xuất sắc: 20 % of the units rated Tập thể lao động tiên tiến, TT 02/2024/TT-VKSTC).",
    )
    cap_base_title_id = fields.Many2one("hr.emulation.title")
    cap_rounding = fields.Selection(
        [("down", "Round Down"), ("half_up", "Round Half Up"), ("up", "Round Up")],
        default="down",
        required=True,
        help="How the cap is rounded when the share is not a whole number; the minimum applies afterwards.",
    )
    cap_minimum = fields.Integer(default=1, help="The cap is never below this number.")

    registration_count = fields.Integer(compute="_compute_registration_count", string="Registrations")

    _sql_constraints = [
        ("multiple_positive", "CHECK(bonus_multiple >= 0)", "The bonus multiple cannot be negative."),
        ("cap_percent_range", "CHECK(cap_percent >= 0 AND cap_percent <= 100)", "The cap is a percentage."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for title in self:
            title.display_name = f"{title.name} ({title.code})" if title.code else title.name

    def _compute_registration_count(self):
        groups = self.env["hr.emulation.registration"]._read_group(
            [("title_id", "in", self.ids)], ["title_id"], ["__count"]
        )
        counts = {title.id: count for title, count in groups}
        for title in self:
            title.registration_count = counts.get(title.id, 0)

    @api.constrains("includes_title_id", "history_title_id", "cap_base_title_id")
    def _check_links(self):
        if self._has_cycle("includes_title_id"):
            raise ValidationError(self.env._("A title cannot include its own criteria through other titles."))
        for title in self:
            if title in (title.history_title_id | title.cap_base_title_id):
                raise ValidationError(self.env._("A title cannot be its own previous title or cap base."))

    def _cap(self, base_count):
        """Number of units that may hold the title, given the number holding the cap base title.

        ``base_count × cap_percent / 100`` rounded as the title says, then raised to the minimum.
        """
        self.ensure_one()
        if not self.cap_percent:
            return None
        raw = base_count * self.cap_percent / 100.0
        if self.cap_rounding == "up":
            value = math.ceil(raw - 1e-9)
        elif self.cap_rounding == "half_up":
            value = math.floor(raw + 0.5 + 1e-9)
        else:
            value = math.floor(raw + 1e-9)
        return max(value, self.cap_minimum or 0)

    def _covering_titles(self):
        """This title and every title whose criteria include it (directly or not): holding any of them
        means holding this one."""
        titles = self
        while True:
            more = self.with_context(active_test=False).search([("includes_title_id", "in", titles.ids)]) - titles
            if not more:
                return titles
            titles |= more

    def action_view_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_civil_service.hr_emulation_registration_action")
        action["domain"] = [("title_id", "=", self.id)]
        action["context"] = {"default_title_id": self.id}
        return action
