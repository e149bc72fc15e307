from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from .hr_emulation_title import INITIATIVE_LEVELS

INITIATIVE_STATES = [
    ("draft", "Draft"),
    ("submitted", "Requested"),
    ("reviewed", "Reviewed by the Council"),
    ("recognised", "Recognised"),
    ("rejected", "Refused"),
]


class HrInitiative(models.Model):
    """An initiative (sáng kiến): a new technical, management or operational solution, applied, beneficial and
    recognised by a competent level (Luật Thi đua, khen thưởng 2022 Art. 3(4); Điều lệ Sáng kiến, Nghị định
    13/2012/NĐ-CP). Recognition must be requested within one year of the first application; one initiative
    backs one award or title only."""

    _name = "hr.initiative"
    _description = "Initiative"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "request_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, index="trigram")
    kind = fields.Selection(
        [("initiative", "Initiative"), ("solution", "Solution")],
        required=True,
        default="initiative",
        help="Sáng kiến, or giải pháp (a technical or management solution recognised the same way).",
    )
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        index=True,
        check_company=True,
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    author_ids = fields.One2many("hr.initiative.author", "initiative_id", string="Authors", copy=True)
    share_total = fields.Float(compute="_compute_share_total", string="Total Share (%)", digits=(6, 2))
    description = fields.Html(help="The solution, what is new, how it is applied.")
    application_scope = fields.Text(help="Where the initiative is applied.")
    benefit = fields.Text(help="Benefit obtained or expected.")
    first_applied_date = fields.Date(string="First Applied On", tracking=True)
    request_date = fields.Date(
        string="Requested On",
        tracking=True,
        help="Recognition must be requested within one year of the first application (Điều lệ Sáng kiến).",
    )
    council_date = fields.Date(string="Council Meeting", tracking=True)
    council_review = fields.Text(string="Council Opinion", help="Review of the grassroots initiative council.")
    level = fields.Selection(INITIATIVE_LEVELS, string="Recognition Level", tracking=True)
    decision_number = fields.Char(tracking=True)
    decision_date = fields.Date(tracking=True, index=True)
    year = fields.Integer(
        aggregator=False, compute="_compute_year", store=True, index=True, help="Year of the recognition."
    )
    state = fields.Selection(INITIATIVE_STATES, default="draft", required=True, tracking=True, index=True, copy=False)
    registration_ids = fields.Many2many(
        "hr.emulation.registration",
        "hr_emulation_registration_initiative_rel",
        "initiative_id",
        "registration_id",
        string="Titles",
        copy=False,
    )
    commendation_ids = fields.Many2many(
        "hr.commendation",
        "hr_commendation_initiative_rel",
        "initiative_id",
        "commendation_id",
        string="Commendations",
        copy=False,
    )
    used_by = fields.Char(compute="_compute_used_by", string="Used For")

    @api.depends("author_ids.employee_id")
    def _compute_department_id(self):
        for initiative in self:
            if not initiative.department_id and initiative.author_ids:
                initiative.department_id = initiative.author_ids[0].employee_id.department_id

    @api.depends("author_ids.share")
    def _compute_share_total(self):
        for initiative in self:
            initiative.share_total = sum(initiative.author_ids.mapped("share"))

    @api.depends("decision_date", "request_date")
    def _compute_year(self):
        for initiative in self:
            day = initiative.decision_date or initiative.request_date
            initiative.year = day.year if day else 0

    @api.depends("registration_ids.state", "commendation_ids.state")
    def _compute_used_by(self):
        for initiative in self:
            initiative.used_by = ", ".join(award.display_name for award in initiative._awards_using())

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    def _awards_using(self, exclude=None):
        """The registrations (not refused nor cancelled) and commendations (not cancelled) this initiative
        backs, ``exclude`` left out: a list of records."""
        self.ensure_one()
        registrations = self.sudo().registration_ids.filtered(lambda r: r.state in ("draft", "checked", "approved"))
        commendations = self.sudo().commendation_ids.filtered(lambda c: c.state != "cancelled")
        return [award for award in (*registrations, *commendations) if award != exclude]

    def _check_used_once(self):
        """One initiative backs one award or title only (CV 5007/BNV-TĐKT 2023; CV 3385/BTĐKT-P.II)."""
        for initiative in self:
            awards = initiative._awards_using()
            if len(awards) > 1:
                raise ValidationError(
                    self.env._(
                        "The initiative %(initiative)s already backs %(award)s: one initiative can back only one "
                        "award or title.",
                        initiative=initiative.name,
                        award=awards[0].display_name,
                    )
                )
            if awards and initiative.state != "recognised":
                raise ValidationError(
                    self.env._(
                        "Only a recognised initiative can back an award (%(initiative)s is not).",
                        initiative=initiative.name,
                    )
                )

    @api.constrains("first_applied_date", "request_date")
    def _check_time_bar(self):
        for initiative in self:
            applied, requested = initiative.first_applied_date, initiative.request_date
            if not (applied and requested):
                continue
            if requested < applied:
                raise ValidationError(
                    self.env._("Recognition can only be requested once the initiative has been applied.")
                )
            if requested > applied + relativedelta(years=1):
                raise ValidationError(
                    self.env._(
                        "Refused: recognition was requested on %(requested)s, more than one year after the first "
                        "application on %(applied)s.",
                        requested=requested.strftime("%d/%m/%Y"),
                        applied=applied.strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("state", "author_ids")
    def _check_shares(self):
        for initiative in self.filtered(lambda i: i.state != "draft"):
            if float_compare(initiative.share_total, 100.0, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "The authors' shares of %(initiative)s add up to %(total)s %%, not 100 %%.",
                        initiative=initiative.name,
                        total=round(initiative.share_total, 2),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recognised(self):
        if any(initiative.state == "recognised" for initiative in self):
            raise UserError(self.env._("A recognised initiative cannot be deleted."))

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_officer(self):
        if not self.env.user.has_group("hr_civil_service.group_emulation_officer"):
            raise UserError(self.env._("Only an emulation officer can review or recognise initiatives."))

    def action_submit(self):
        for initiative in self:
            if initiative.state != "draft":
                raise UserError(self.env._("Only a draft initiative can be submitted."))
            if not initiative.author_ids:
                raise UserError(self.env._("List the authors of the initiative."))
            if not initiative.first_applied_date:
                raise UserError(self.env._("Give the date the initiative was first applied."))
            initiative.write(
                {"state": "submitted", "request_date": initiative.request_date or fields.Date.context_today(self)}
            )
        return True

    def action_council_review(self):
        self._check_officer()
        for initiative in self:
            if initiative.state != "submitted":
                raise UserError(self.env._("Only a requested initiative goes to the council."))
            if not (initiative.council_review or "").strip():
                raise UserError(self.env._("Record the council's opinion first."))
            initiative.write(
                {"state": "reviewed", "council_date": initiative.council_date or fields.Date.context_today(self)}
            )
        return True

    def action_recognise(self):
        self._check_officer()
        for initiative in self:
            if initiative.state != "reviewed":
                raise UserError(self.env._("The council reviews an initiative before it is recognised."))
            if not (initiative.level and initiative.decision_number and initiative.decision_date):
                raise UserError(self.env._("Give the recognition level, decision number and date."))
            initiative.state = "recognised"
        return True

    def action_refuse(self):
        self._check_officer()
        if self._awards_in_use():
            raise UserError(self.env._("An initiative backing an award cannot be refused."))
        self.write({"state": "rejected"})
        return True

    def _awards_in_use(self):
        return any(initiative._awards_using() for initiative in self)

    def action_draft(self):
        self._check_officer()
        if self._awards_in_use():
            raise UserError(self.env._("An initiative backing an award cannot go back to draft."))
        self.write({"state": "draft"})
        return True
