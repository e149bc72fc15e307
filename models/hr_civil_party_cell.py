from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrCivilPartyCell(models.Model):
    """A Party cell (chi bộ) and its own list of members."""

    _name = "hr.civil.party.cell"
    _description = "Party Cell"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    department_ids = fields.Many2many("hr.department", string="Departments", check_company=True)
    secretary_id = fields.Many2one("hr.employee", string="Cell Secretary", check_company=True, tracking=True)
    committee_user_ids = fields.Many2many(
        "res.users",
        string="Cell Committee",
        help="Users who follow the cell's membership: they get the striking-off reminders.",
    )
    member_ids = fields.One2many("hr.civil.party.member", "cell_id", string="Members")
    official_member_count = fields.Integer(compute="_compute_member_counts")
    member_count = fields.Integer(compute="_compute_member_counts")

    @api.depends("member_ids.member_type", "member_ids.date_joined", "member_ids.date_left")
    def _compute_member_counts(self):
        today = fields.Date.context_today(self)
        for cell in self:
            current = cell.member_ids.filtered(lambda member: member._is_member_on(today))
            cell.member_count = len(current)
            cell.official_member_count = len(current.filtered(lambda member: member.member_type == "official"))

    def _members_on(self, day, official_only=False):
        self.ensure_one()
        members = self.member_ids.filtered(lambda member: member._is_member_on(day))
        if official_only:
            members = members.filtered(lambda member: member.member_type == "official")
        return members


class HrCivilPartyMember(models.Model):
    _name = "hr.civil.party.member"
    _description = "Party Cell Member"
    _order = "cell_id, member_type, employee_id"
    _check_company_auto = True

    cell_id = fields.Many2one("hr.civil.party.cell", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="cell_id.company_id", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, check_company=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    member_type = fields.Selection(
        [("official", "Official Member"), ("probationary", "Probationary Member")],
        required=True,
        default="official",
        help="Resolutions are adopted by more than half of the official members (HD 12-HD/BTCTW).",
    )
    date_joined = fields.Date(string="Joined the Cell")
    date_left = fields.Date(string="Left the Cell")

    _sql_constraints = [
        ("cell_employee_uniq", "unique(cell_id, employee_id)", "A person is listed once in a Party cell."),
    ]

    @api.constrains("date_joined", "date_left")
    def _check_dates(self):
        for member in self:
            if member.date_joined and member.date_left and member.date_left < member.date_joined:
                raise ValidationError(
                    self.env._("%(member)s leaves the cell before joining it.", member=member.employee_id.name)
                )

    def _is_member_on(self, day):
        self.ensure_one()
        return (not self.date_joined or self.date_joined <= day) and (not self.date_left or self.date_left >= day)
