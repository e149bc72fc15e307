from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_round

PLEDGE_STATES = [("draft", "Draft"), ("signed", "Signed"), ("scoring", "Scoring"), ("closed", "Closed")]
# Allowed moves of the pledge: any other is refused.
PLEDGE_TRANSITIONS = {
    "sign": ({"draft"}, "signed"),
    "reset": ({"signed"}, "draft"),
    "start_scoring": ({"signed"}, "scoring"),
    "close": ({"scoring"}, "closed"),
}
FLAG_TITLE_XMLID = "hr_civil_service.hr_emulation_title_block_flag"


class HrEmulationPledge(models.Model):
    """A block's yearly emulation pledge (giao ước thi đua): its contents with criteria and maximum scores, the
    member units that sign it, their year-end scores, the ranking and the block's vote on its leading unit.

    draft → signed (every member unit of the year signed) → scoring (year-end self-review and block scoring)
    → closed (once the block has voted its leading unit, which is proposed for the block's emulation flag).
    Pledges are common practice of emulation blocks, not statute (Luật Thi đua, khen thưởng 2022).
    """

    _name = "hr.emulation.pledge"
    _description = "Emulation Pledge"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, block_id, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, index="trigram")
    block_id = fields.Many2one("hr.emulation.block", required=True, check_company=True, index=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
    )
    year = fields.Integer(
        aggregator=False, required=True, index=True, default=lambda self: fields.Date.context_today(self).year
    )
    movement_id = fields.Many2one("hr.emulation.movement", check_company=True, index=True)
    date_signed = fields.Date(string="Signing Date", tracking=True)
    place = fields.Char(string="Signed at")
    preamble = fields.Text(help="The opening of the printed pledge: its grounds and purpose.")
    item_ids = fields.One2many("hr.emulation.pledge.item", "pledge_id", string="Contents", copy=True)
    signatory_ids = fields.One2many("hr.emulation.pledge.signatory", "pledge_id", string="Signatories")
    score_ids = fields.One2many("hr.emulation.pledge.score", "pledge_id", string="Scores")
    state = fields.Selection(PLEDGE_STATES, default="draft", required=True, tracking=True, copy=False, index=True)
    total_max_score = fields.Float(compute="_compute_total_max_score", store=True, digits=(8, 2))
    leading_signatory_id = fields.Many2one(
        "hr.emulation.pledge.signatory",
        string="Leading Unit",
        readonly=True,
        copy=False,
        tracking=True,
        help="The unit the block voted as its leading unit: it is proposed for the block's emulation flag "
        "(Cờ thi đua).",
    )
    vote_date = fields.Date(copy=False, help="Date of the block's vote on its leading unit.")
    vote_note = fields.Text(string="Vote Minutes", copy=False)
    flag_proposal_count = fields.Integer(compute="_compute_flag_proposal_count")

    _sql_constraints = [("year_positive", "CHECK(year > 1900)", "The year must be a real year.")]

    @api.depends("block_id")
    def _compute_company_id(self):
        for pledge in self:
            pledge.company_id = pledge.block_id.company_id or pledge.company_id or self.env.company

    @api.depends("item_ids.max_score")
    def _compute_total_max_score(self):
        for pledge in self:
            pledge.total_max_score = sum(pledge.item_ids.mapped("max_score"))

    def _compute_flag_proposal_count(self):
        if "hr.emulation.registration" not in self.env:
            self.flag_proposal_count = 0
            return
        groups = self.env["hr.emulation.registration"]._read_group(
            [("origin", "in", self.mapped("name")), ("company_id", "in", self.company_id.ids)],
            ["origin", "company_id"],
            ["__count"],
        )
        counts = {(origin, company.id): count for origin, company, count in groups}
        for pledge in self:
            pledge.flag_proposal_count = counts.get((pledge.name, pledge.company_id.id), 0)

    # ------------------------------------------------------------------
    # State machine
    # ------------------------------------------------------------------
    def _move(self, transition):
        """Check that every pledge may make ``transition``, then move them all; nothing moves otherwise."""
        allowed, target = PLEDGE_TRANSITIONS[transition]
        states = dict(self._fields["state"]._description_selection(self.env))
        for pledge in self:
            if pledge.state not in allowed:
                raise UserError(
                    self.env._(
                        "Pledge %(name)s is %(state)s: it cannot be moved to %(target)s.",
                        name=pledge.name,
                        state=states[pledge.state],
                        target=states[target],
                    )
                )
        self.write({"state": target})

    def action_load_members(self):
        """Add a signatory line for each member unit of the block in the pledge's year that has none."""
        for pledge in self:
            if pledge.state != "draft":
                raise UserError(self.env._("Units can only be added to a draft pledge."))
            present = pledge.signatory_ids.member_id
            members = pledge.block_id._members_of(pledge.year) - present
            pledge.signatory_ids = [Command.create({"member_id": member.id}) for member in members]
        return True

    def action_sign(self):
        for pledge in self:
            if pledge.state != "draft":
                continue  # refused by _move below, with its state in the message
            if not pledge.item_ids:
                raise UserError(self.env._("Pledge %(name)s has no contents to sign.", name=pledge.name))
            members = pledge.block_id._members_of(pledge.year)
            if len(members) < 2:
                raise UserError(
                    self.env._(
                        "Block %(block)s needs at least two member units in %(year)s to sign a pledge.",
                        block=pledge.block_id.name,
                        year=pledge.year,
                    )
                )
            missing = members - pledge.signatory_ids.member_id
            if missing:
                raise UserError(
                    self.env._(
                        "These member units of the block have not joined the pledge: %(units)s.",
                        units=", ".join(missing.mapped("unit_name")),
                    )
                )
            unsigned = pledge.signatory_ids.filtered(lambda s: not s.date_signed or not s.representative_name)
            if unsigned:
                raise UserError(
                    self.env._(
                        "Each unit signs with its representative and the signing date; missing for: %(units)s.",
                        units=", ".join(unsigned.mapped("unit_name")),
                    )
                )
        self._move("sign")
        for pledge in self.filtered(lambda p: not p.date_signed):
            pledge.date_signed = max(pledge.signatory_ids.mapped("date_signed"))
        return True

    def action_reset_draft(self):
        self._move("reset")
        return True

    def action_start_scoring(self):
        """Open the year-end scoring: one score line per unit and content, at zero."""
        self._move("start_scoring")
        vals_list = []
        for pledge in self:
            existing = {(score.item_id.id, score.signatory_id.id) for score in pledge.score_ids}
            vals_list += [
                {"item_id": item.id, "signatory_id": signatory.id}
                for signatory in pledge.signatory_ids
                for item in pledge.item_ids
                if (item.id, signatory.id) not in existing
            ]
        self.env["hr.emulation.pledge.score"].create(vals_list)
        return True

    def action_close(self):
        for pledge in self:
            if pledge.state == "scoring" and not pledge.leading_signatory_id:
                raise UserError(
                    self.env._(
                        "Pledge %(name)s cannot be closed before the block has voted its leading unit.",
                        name=pledge.name,
                    )
                )
        self._move("close")
        return True

    def _set_scores(self, grid):
        """Enter a score grid in one call: ``{signatory_id: [score, ...]}`` with one value per content in content
        order; a value may be a ``(score, evidence)`` pair. Each score is checked against its maximum."""
        self.ensure_one()
        items = self.item_ids.sorted(lambda i: (i.sequence, i.id))
        lines = {(score.signatory_id.id, score.item_id.id): score for score in self.score_ids}
        for signatory_id, values in grid.items():
            for item, value in zip(items, values, strict=True):
                score, evidence = value if isinstance(value, (list, tuple)) else (value, None)
                vals = {"score": score}
                if evidence is not None:
                    vals["evidence"] = evidence
                line = lines.get((int(signatory_id), item.id))
                if not line:
                    raise UserError(self.env._("Start the year-end scoring before entering scores."))
                line.write(vals)
        return True

    # ------------------------------------------------------------------
    # Ranking and vote
    # ------------------------------------------------------------------
    def _ranking(self):
        """The units of the pledge in ranking order, with their total score and rank.

        Units are ranked by total score, highest first. Equal totals (to 0.01) share the same rank and the next
        rank is skipped (standard competition ranking: 1, 2, 2, 4); units with the same rank are listed by unit
        name, then by creation. The ranking informs the block; the block's vote, not the ranking, decides the
        leading unit. The stored ``rank`` of the signatories is computed with this same function.
        """
        self.ensure_one()
        ordered = self.signatory_ids.sorted(lambda s: (-float_round(s.total_score, 2), s.unit_name or "", s.id))
        ranking, previous_total, previous_rank = [], None, 0
        for position, signatory in enumerate(ordered, start=1):
            total = float_round(signatory.total_score, 2)
            rank = (
                previous_rank
                if previous_total is not None and not float_compare(total, previous_total, 2)
                else position
            )
            ranking.append((signatory, total, rank))
            previous_total, previous_rank = total, rank
        return ranking

    def action_record_vote(self):
        """Record the block's vote: the unit with more than half of the units' votes becomes the leading unit
        and is proposed for the block's emulation flag. A tie or no majority is refused (the block votes again)."""
        for pledge in self:
            if pledge.state != "scoring":
                raise UserError(self.env._("The block votes on its leading unit during the year-end scoring."))
            if pledge.leading_signatory_id:
                raise UserError(self.env._("The vote of pledge %(name)s is already recorded.", name=pledge.name))
            signatories = pledge.signatory_ids
            votes = sum(signatories.mapped("vote_count"))
            if not votes:
                raise UserError(self.env._("Enter the votes each unit received before recording the vote."))
            if votes > len(signatories):
                raise ValidationError(
                    self.env._(
                        "%(votes)s votes for %(units)s units: each member unit has one vote.",
                        votes=votes,
                        units=len(signatories),
                    )
                )
            best = max(signatories.mapped("vote_count"))
            leaders = signatories.filtered(lambda s, best=best: s.vote_count == best)
            if len(leaders) > 1:
                raise UserError(
                    self.env._(
                        "The vote is tied between %(units)s: the block must vote again.",
                        units=", ".join(leaders.mapped("unit_name")),
                    )
                )
            if best * 2 <= len(signatories):
                raise UserError(
                    self.env._(
                        "%(unit)s has %(votes)s of %(units)s votes: the leading unit needs more than half.",
                        unit=leaders.unit_name,
                        votes=best,
                        units=len(signatories),
                    )
                )
            pledge.write(
                {"leading_signatory_id": leaders.id, "vote_date": pledge.vote_date or fields.Date.context_today(self)}
            )
            pledge._create_flag_proposal()
        return True

    def _create_flag_proposal(self):
        """Propose the leading unit for the block's emulation flag, as an emulation registration of the year.

        Without the registration model (or the flag title), the leading unit on the pledge is the proposal.
        """
        self.ensure_one()
        title = self.env.ref(FLAG_TITLE_XMLID, raise_if_not_found=False)
        if "hr.emulation.registration" not in self.env or not title:
            return None
        Registration = self.env["hr.emulation.registration"]
        leader = self.leading_signatory_id
        member = leader.member_id
        vals = {
            "year": self.year,
            "title_id": title.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "note": self.env._(
                "Voted leading unit of %(block)s for %(year)s with %(votes)s of %(units)s votes on %(date)s; "
                "total score %(score)s of %(max)s, rank %(rank)s.",
                block=self.block_id.name,
                year=self.year,
                votes=leader.vote_count,
                units=len(self.signatory_ids),
                date=self.vote_date.strftime("%d/%m/%Y"),
                score=float_round(leader.total_score, 2),
                max=float_round(self.total_max_score, 2),
                rank=leader.rank,
            ),
        }
        if member.department_id:
            vals["department_id"] = member.department_id.id
        if member.partner_id and "partner_id" in Registration._fields:
            vals["partner_id"] = member.partner_id.id
        return Registration.create(vals)

    def action_view_flag_proposals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_civil_service.hr_emulation_registration_action")
        action["domain"] = [("origin", "=", self.name), ("company_id", "=", self.company_id.id)]
        action["context"] = {}
        return action

    def action_view_ranking(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ranking and Votes"),
            "res_model": "hr.emulation.pledge.signatory",
            "view_mode": "list",
            "views": [(self.env.ref("hr_civil_service.hr_emulation_pledge_signatory_view_list_ranking").id, "list")],
            "domain": [("pledge_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_view_scores(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Scores"),
            "res_model": "hr.emulation.pledge.score",
            "view_mode": "list,pivot",
            "domain": [("pledge_id", "=", self.id)],
            "context": {"create": False, "search_default_group_signatory": 1},
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_draft_only(self):
        if any(pledge.state != "draft" for pledge in self):
            raise UserError(self.env._("Only draft pledges can be deleted."))
