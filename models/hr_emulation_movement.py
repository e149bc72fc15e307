from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class HrEmulationMovement(models.Model):
    """An emulation movement (phong trào thi đua): regular (thường xuyên) or thematic (theo chuyên đề).

    Luật Thi đua, khen thưởng 2022: goals, criteria and plan, then launch, check, publicise good examples,
    review and reward.
    """

    _name = "hr.emulation.movement"
    _description = "Emulation Movement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, index="trigram")
    kind = fields.Selection(
        [("regular", "Regular"), ("thematic", "Thematic")],
        required=True,
        default="regular",
        tracking=True,
        help="Thi đua thường xuyên (yearly, on the unit's tasks) or theo chuyên đề (a defined goal and period) — "
        "Luật Thi đua, khen thưởng 2022.",
    )
    organiser = fields.Selection(
        [("agency", "Agency"), ("block", "Emulation Block"), ("union", "Trade Union"), ("other", "Other")],
        required=True,
        default="agency",
    )
    authority = fields.Char(
        string="Launched by", required=True, help="The authority that launches the movement, e.g. the Chief Prosecutor."
    )
    decision_number = fields.Char(string="Launch Document")
    decision_date = fields.Date(string="Launch Date")
    block_id = fields.Many2one("hr.emulation.block", check_company=True, index=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    date_start = fields.Date(string="Start", required=True, index=True)
    date_end = fields.Date(string="End")
    year = fields.Integer(aggregator=False, compute="_compute_year", store=True, index=True)
    goals = fields.Html()
    criteria = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("launched", "Launched"), ("reviewed", "Reviewed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    review_note = fields.Html(string="Review", copy=False)
    pledge_ids = fields.One2many("hr.emulation.pledge", "movement_id", string="Pledges")

    @api.depends("date_start")
    def _compute_year(self):
        for movement in self:
            movement.year = movement.date_start.year if movement.date_start else 0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for movement in self:
            if movement.date_end and movement.date_start and movement.date_end < movement.date_start:
                raise ValidationError(self.env._("A movement cannot end before it starts."))

    def _check_state(self, allowed):
        states = dict(self._fields["state"]._description_selection(self.env))
        for movement in self:
            if movement.state not in allowed:
                raise UserError(
                    self.env._(
                        "Movement %(name)s is %(state)s: this step is not possible.",
                        name=movement.name,
                        state=states[movement.state],
                    )
                )

    def action_launch(self):
        self._check_state({"draft"})
        self.write({"state": "launched"})

    def action_review(self):
        self._check_state({"launched"})
        self.write({"state": "reviewed"})

    def action_cancel(self):
        self._check_state({"draft", "launched"})
        self.write({"state": "cancelled"})

    def action_draft(self):
        self._check_state({"cancelled"})
        self.write({"state": "draft"})
