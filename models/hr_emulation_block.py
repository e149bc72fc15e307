from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class HrEmulationBlock(models.Model):
    """An emulation block or cluster (khối, cụm thi đua): units that emulate each other year after year.

    Organised by the emulation council of a level (Luật Thi đua, khen thưởng 2022); the block head and deputy
    rotate every year among the member units, which is common practice rather than statute.
    """

    _name = "hr.emulation.block"
    _description = "Emulation Block"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, index="trigram")
    code = fields.Char()
    kind = fields.Selection(
        [("block", "Block"), ("cluster", "Cluster")],
        required=True,
        default="cluster",
        help="Khối thi đua groups units of the same sector; cụm thi đua groups units of the same area or level.",
    )
    authority = fields.Char(
        string="Organised by",
        help="The emulation council or agency that organises the block, e.g. the sector's emulation council.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    member_ids = fields.One2many("hr.emulation.block.member", "block_id", string="Member Units", copy=False)
    pledge_ids = fields.One2many("hr.emulation.pledge", "block_id", string="Pledges")
    note = fields.Text()
    last_year = fields.Integer(
        aggregator=False,
        string="Latest Year",
        compute="_compute_current_members",
        help="The latest year the block has members for.",
    )
    head_member_id = fields.Many2one("hr.emulation.block.member", string="Head", compute="_compute_current_members")
    deputy_member_id = fields.Many2one("hr.emulation.block.member", string="Deputy", compute="_compute_current_members")
    pledge_count = fields.Integer(compute="_compute_pledge_count")

    @api.depends("member_ids.year", "member_ids.role")
    def _compute_current_members(self):
        for block in self:
            year = max(block.member_ids.mapped("year"), default=0)
            members = block.member_ids.filtered(lambda member, year=year: member.year == year)
            block.last_year = year
            block.head_member_id = members.filtered(lambda member: member.role == "head")[:1]
            block.deputy_member_id = members.filtered(lambda member: member.role == "deputy")[:1]

    @api.depends("pledge_ids")
    def _compute_pledge_count(self):
        counts = dict(
            self.env["hr.emulation.pledge"]._read_group([("block_id", "in", self.ids)], ["block_id"], ["__count"])
        )
        for block in self:
            block.pledge_count = counts.get(block, 0)

    def _members_of(self, year):
        """Member units of the block in ``year``, in their rotation order."""
        self.ensure_one()
        return self.member_ids.filtered(lambda member: member.year == year).sorted(lambda m: (m.sequence, m.id))

    def action_rotate(self):
        """Copy the latest year's members to the next year and hand the roles on.

        The deputy of the year becomes the head; the next unit in rotation order after the new head becomes the
        deputy. Without a deputy, the unit after the head becomes head.
        """
        for block in self:
            year = block.last_year
            members = block._members_of(year)
            if not members:
                raise UserError(self.env._("Block %(block)s has no member units to rotate.", block=block.name))
            ordered = list(members)
            head = members.filtered(lambda member: member.role == "head")[:1]
            deputy = members.filtered(lambda member: member.role == "deputy")[:1]
            if deputy:
                new_head_index = ordered.index(deputy)
            elif head:
                new_head_index = (ordered.index(head) + 1) % len(ordered)
            else:
                new_head_index = 0
            new_deputy_index = (new_head_index + 1) % len(ordered)
            vals_list = []
            for index, member in enumerate(ordered):
                role = "member"
                if index == new_head_index:
                    role = "head"
                elif index == new_deputy_index and len(ordered) > 1:
                    role = "deputy"
                vals_list.append(
                    {
                        "year": year + 1,
                        "sequence": member.sequence,
                        "department_id": member.department_id.id,
                        "partner_id": member.partner_id.id,
                        "role": role,
                    }
                )
            block.write({"member_ids": [Command.create(vals) for vals in vals_list]})
        return True

    def action_view_pledges(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_civil_service.hr_emulation_pledge_action")
        action["domain"] = [("block_id", "=", self.id)]
        action["context"] = {"default_block_id": self.id}
        return action
