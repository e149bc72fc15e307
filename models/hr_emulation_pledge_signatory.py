from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Fields of a signatory the block fills in while scoring (its vote); everything else is fixed once signed.
SCORING_FIELDS = {"vote_count"}


class HrEmulationPledgeSignatory(models.Model):
    """A member unit that signs the pledge, with its representative, and its year-end total, rank and votes."""

    _name = "hr.emulation.pledge.signatory"
    _description = "Emulation Pledge Signatory"
    _order = "pledge_id, sequence, id"
    _check_company_auto = True
    _rec_names_search = ["unit_name"]

    pledge_id = fields.Many2one("hr.emulation.pledge", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="pledge_id.company_id", store=True, index=True)
    block_id = fields.Many2one(related="pledge_id.block_id")
    year = fields.Integer(aggregator=False, related="pledge_id.year")
    pledge_state = fields.Selection(related="pledge_id.state", string="Pledge Status")
    member_id = fields.Many2one(
        "hr.emulation.block.member",
        string="Unit",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('block_id', '=', block_id), ('year', '=', year)]",
    )
    sequence = fields.Integer(related="member_id.sequence", store=True)
    unit_name = fields.Char(related="member_id.unit_name", store=True, string="Unit Name")
    role = fields.Selection(related="member_id.role", string="Role in the Block")
    representative_name = fields.Char(string="Representative")
    representative_title = fields.Char(string="Position", help="e.g. Chief Prosecutor (Viện trưởng).")
    date_signed = fields.Date(string="Signed on")
    score_ids = fields.One2many("hr.emulation.pledge.score", "signatory_id", string="Scores")
    total_score = fields.Float(compute="_compute_total_score", store=True, digits=(8, 2), aggregator="max")
    rank = fields.Integer(
        compute="_compute_rank",
        store=True,
        aggregator="min",
        help="By total score, highest first; equal totals share a rank and the next rank is skipped (1, 2, 2, 4).",
    )
    vote_count = fields.Integer(string="Votes", help="Votes of the member units for this unit as leading unit.")
    is_leading = fields.Boolean(string="Leading Unit", compute="_compute_is_leading")

    _sql_constraints = [
        ("member_unique", "unique(pledge_id, member_id)", "A unit signs a pledge only once."),
        ("vote_positive", "CHECK(vote_count >= 0)", "Votes cannot be negative."),
    ]

    @api.depends("unit_name", "pledge_id.name")
    def _compute_display_name(self):
        for signatory in self:
            signatory.display_name = signatory.unit_name or ""

    @api.depends("score_ids.score")
    def _compute_total_score(self):
        for signatory in self:
            signatory.total_score = sum(signatory.score_ids.mapped("score"))

    @api.depends("pledge_id.signatory_ids.total_score", "pledge_id.signatory_ids.unit_name")
    def _compute_rank(self):
        ranks = {}
        for pledge in self.pledge_id:
            ranks.update((signatory.id, rank) for signatory, _total, rank in pledge._ranking())
        for signatory in self:
            signatory.rank = ranks.get(signatory.id, 0)

    @api.depends("pledge_id.leading_signatory_id")
    def _compute_is_leading(self):
        for signatory in self:
            signatory.is_leading = signatory.pledge_id.leading_signatory_id == signatory

    @api.constrains("member_id", "pledge_id")
    def _check_member(self):
        for signatory in self:
            member, pledge = signatory.member_id, signatory.pledge_id
            if member.block_id != pledge.block_id or member.year != pledge.year:
                raise ValidationError(
                    self.env._(
                        "%(unit)s is not a member unit of %(block)s in %(year)s.",
                        unit=member.unit_name,
                        block=pledge.block_id.name,
                        year=pledge.year,
                    )
                )

    def _check_editable(self, pledges, fields_written=None):
        for pledge in pledges:
            if pledge.state == "draft":
                continue
            if pledge.state == "scoring" and fields_written is not None and fields_written <= SCORING_FIELDS:
                if pledge.leading_signatory_id:
                    raise UserError(self.env._("The vote of pledge %(name)s is already recorded.", name=pledge.name))
                continue
            raise UserError(self.env._("The signatories of a signed pledge cannot be changed."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_editable(self.env["hr.emulation.pledge"].browse({vals["pledge_id"] for vals in vals_list}))
        return super().create(vals_list)

    def write(self, vals):
        self._check_editable(self.pledge_id, set(vals))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_draft_only(self):
        self._check_editable(self.pledge_id)
