from odoo import api, fields, models
from odoo.exceptions import ValidationError

MEMBER_ROLES = [("head", "Head"), ("deputy", "Deputy Head"), ("member", "Member")]


class HrEmulationBlockMember(models.Model):
    """A member unit of a block for one year, with its role in the yearly rotation.

    A unit is either a department of the agency (a block inside the agency) or an outside agency, kept as a
    contact (a block of several agencies); the agency itself is its company's contact.
    """

    _name = "hr.emulation.block.member"
    _description = "Emulation Block Member"
    _order = "block_id, year desc, sequence, id"
    _check_company_auto = True
    _rec_names_search = ["unit_name"]

    block_id = fields.Many2one("hr.emulation.block", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="block_id.company_id", store=True, index=True)
    year = fields.Integer(
        aggregator=False, required=True, index=True, default=lambda self: fields.Date.context_today(self).year
    )
    sequence = fields.Integer(default=10, help="Order of rotation of the head and deputy roles.")
    department_id = fields.Many2one("hr.department", check_company=True, index=True, ondelete="restrict")
    partner_id = fields.Many2one(
        "res.partner",
        string="Agency",
        index=True,
        ondelete="restrict",
        help="An agency taking part in the block; the agency itself is its company's contact.",
    )
    unit_name = fields.Char(string="Unit", compute="_compute_unit_name", store=True)
    role = fields.Selection(MEMBER_ROLES, required=True, default="member")

    _sql_constraints = [
        (
            "department_year_unique",
            "unique(block_id, year, department_id)",
            "A department is a member of a block only once a year.",
        ),
        (
            "partner_year_unique",
            "unique(block_id, year, partner_id)",
            "An agency is a member of a block only once a year.",
        ),
        ("year_positive", "CHECK(year > 1900)", "The year must be a real year."),
    ]

    @api.depends("department_id.name", "partner_id.name")
    def _compute_unit_name(self):
        for member in self:
            member.unit_name = member.department_id.name or member.partner_id.name or ""

    @api.depends("unit_name", "year", "role")
    def _compute_display_name(self):
        for member in self:
            member.display_name = f"{member.unit_name} ({member.year})" if member.year else member.unit_name

    @api.constrains("department_id", "partner_id", "block_id")
    def _check_unit(self):
        for member in self:
            if bool(member.department_id) == bool(member.partner_id):
                raise ValidationError(
                    self.env._("A member unit is either a department or an agency, not both and not neither.")
                )

    @api.constrains("role", "year", "block_id")
    def _check_single_roles(self):
        for block, members in self.filtered(lambda m: m.role in ("head", "deputy")).grouped("block_id").items():
            for member in members:
                same = block.member_ids.filtered(
                    lambda other, member=member: other.year == member.year and other.role == member.role
                )
                if len(same) > 1:
                    raise ValidationError(
                        self.env._(
                            "Block %(block)s has more than one %(role)s in %(year)s.",
                            block=block.name,
                            role=dict(self._fields["role"]._description_selection(self.env))[member.role],
                            year=member.year,
                        )
                    )
