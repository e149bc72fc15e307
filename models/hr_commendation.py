from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

COMMENDATION_FORMS = [
    ("order", "Order (Huân chương)"),
    ("medal", "Medal (Huy chương)"),
    ("honorary_title", "State Honorary Title"),
    ("prize", "Prize"),
    ("commemorative_medal", "Commemorative Medal (Kỷ niệm chương)"),
    ("certificate_pm", "Prime Minister's Certificate of Merit"),
    ("certificate_ministry", "Certificate of Merit (Bằng khen)"),
    ("certificate", "Certificate of Commendation (Giấy khen)"),
]
COMMENDATION_TYPES = [
    ("merit", "For Merit"),
    ("ad_hoc", "Ad Hoc"),
    ("movement", "Per Movement"),
    ("long_service", "Long Contribution"),
    ("good_deeds", "Good People, Good Deeds"),
]


class HrCommendation(models.Model):
    """A commendation decision (quyết định khen thưởng): its form and type (Luật Thi đua, khen thưởng 2022
    Arts. 8–9), the authority, the recipients (people or units) and their bonus, a multiple of the base salary.
    "Người tốt, việc tốt" has no statutory title: an ad hoc commendation of that category."""

    _name = "hr.commendation"
    _description = "Commendation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "decision_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "decision_number"]

    name = fields.Char(string="Achievement", required=True, tracking=True, index="trigram")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    form = fields.Selection(COMMENDATION_FORMS, required=True, default="certificate", tracking=True)
    commendation_type = fields.Selection(COMMENDATION_TYPES, required=True, default="merit", tracking=True)
    authority = fields.Char(tracking=True, help="Who signs the decision, e.g. Viện trưởng VKSND thành phố.")
    decision_number = fields.Char(tracking=True, index="trigram")
    decision_date = fields.Date(tracking=True, index=True)
    year = fields.Integer(aggregator=False, compute="_compute_year", store=True, index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("decided", "Decided"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    recipient_ids = fields.One2many("hr.commendation.recipient", "commendation_id", string="Recipients", copy=True)
    recipient_count = fields.Integer(compute="_compute_amounts", store=True, string="Recipients Count")
    bonus_multiple = fields.Float(
        digits=(6, 2),
        tracking=True,
        help="Bonus per recipient as a multiple of the base salary on the decision date (Nghị định 152/2025/NĐ-CP).",
    )
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.ref("base.VND"), required=True)
    amount_total = fields.Monetary(compute="_compute_amounts", store=True, string="Total Bonus")
    initiative_ids = fields.Many2many(
        "hr.initiative",
        "hr_commendation_initiative_rel",
        "commendation_id",
        "initiative_id",
        string="Initiatives Used",
        check_company=True,
        copy=False,
        help="One initiative backs one award only (CV 5007/BNV-TĐKT 2023).",
    )
    movement_id = fields.Many2one(
        "hr.emulation.movement",
        index=True,
        check_company=True,
        help="The emulation movement the commendation closes (commendation per movement).",
    )
    note = fields.Text()

    @api.depends("decision_date")
    def _compute_year(self):
        for commendation in self:
            commendation.year = commendation.decision_date.year if commendation.decision_date else 0

    @api.depends("recipient_ids.amount")
    def _compute_amounts(self):
        for commendation in self:
            commendation.recipient_count = len(commendation.recipient_ids)
            commendation.amount_total = sum(commendation.recipient_ids.mapped("amount"))

    @api.depends("decision_number", "name", "form")
    def _compute_display_name(self):
        forms = dict(self._fields["form"]._description_selection(self.env))
        for commendation in self:
            commendation.display_name = " — ".join(
                part for part in (forms.get(commendation.form), commendation.decision_number, commendation.name) if part
            )

    @api.constrains("bonus_multiple")
    def _check_multiple(self):
        for commendation in self:
            if commendation.bonus_multiple < 0:
                raise ValidationError(self.env._("The bonus multiple cannot be negative."))

    @api.constrains("initiative_ids", "state")
    def _check_initiatives_once(self):
        self.initiative_ids._check_used_once()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(commendation.state == "decided" for commendation in self):
            raise UserError(self.env._("A decided commendation cannot be deleted; cancel it instead."))

    def _check_officer(self):
        if not self.env.user.has_group("hr_civil_service.group_emulation_officer"):
            raise UserError(self.env._("Only an emulation officer can decide commendations."))

    def action_decide(self):
        """Record the decision. Nobody under disciplinary review may be commended (ND 98/2023 Art. 4)."""
        self._check_officer()
        for commendation in self:
            if commendation.state != "draft":
                raise UserError(self.env._("Only a draft commendation can be decided."))
            if not (commendation.decision_number and commendation.decision_date and commendation.authority):
                raise UserError(self.env._("Give the authority, decision number and date."))
            if not commendation.recipient_ids:
                raise UserError(self.env._("Add the recipients of the commendation."))
            employees = commendation.recipient_ids.employee_id
            under_review = self.env["hr.civil.discipline"]._under_review(employees)
            if under_review:
                raise UserError(
                    self.env._(
                        "Under disciplinary review, cannot be commended: %(names)s",
                        names=", ".join(employees.browse(sorted(under_review)).mapped("name")),
                    )
                )
            commendation.state = "decided"
        return True

    def action_cancel(self):
        self._check_officer()
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        self._check_officer()
        self.write({"state": "draft"})
        return True
