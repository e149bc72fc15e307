from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class HrEmulationPledgeScore(models.Model):
    """A unit's year-end score on one content of the pledge, with its evidence; never above the content's
    maximum score."""

    _name = "hr.emulation.pledge.score"
    _description = "Emulation Pledge Score"
    _order = "pledge_id, signatory_id, item_sequence, id"
    _check_company_auto = True

    item_id = fields.Many2one(
        "hr.emulation.pledge.item", string="Content", required=True, ondelete="cascade", index=True
    )
    signatory_id = fields.Many2one(
        "hr.emulation.pledge.signatory", string="Unit", required=True, ondelete="cascade", index=True
    )
    pledge_id = fields.Many2one(related="item_id.pledge_id", store=True, index=True)
    company_id = fields.Many2one(related="item_id.company_id", store=True, index=True)
    item_sequence = fields.Integer(related="item_id.sequence", store=True)
    unit_name = fields.Char(related="signatory_id.unit_name", store=True, string="Unit Name")
    max_score = fields.Float(related="item_id.max_score", digits=(8, 2))
    score = fields.Float(digits=(8, 2), aggregator="sum")
    evidence = fields.Text(help="Results, figures and documents that back the score.")
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")

    _sql_constraints = [
        ("item_unit_unique", "unique(item_id, signatory_id)", "A unit has one score per content."),
    ]

    @api.depends("unit_name", "item_id.name")
    def _compute_display_name(self):
        for score in self:
            score.display_name = f"{score.unit_name} – {score.item_id.name}"

    @api.constrains("score", "item_id")
    def _check_score(self):
        for line in self:
            if float_compare(line.score, 0.0, 2) < 0 or float_compare(line.score, line.item_id.max_score, 2) > 0:
                raise ValidationError(
                    self.env._(
                        "The score of %(unit)s on “%(content)s” must be between 0 and %(max)s.",
                        unit=line.unit_name,
                        content=line.item_id.name,
                        max=line.item_id.max_score,
                    )
                )

    @api.constrains("item_id", "signatory_id")
    def _check_same_pledge(self):
        for line in self:
            if line.item_id.pledge_id != line.signatory_id.pledge_id:
                raise ValidationError(self.env._("A score belongs to a content and a unit of the same pledge."))

    def _check_scoring(self, pledges):
        if any(pledge.state != "scoring" for pledge in pledges):
            raise UserError(self.env._("Scores are entered only while the pledge is being scored."))

    @api.model_create_multi
    def create(self, vals_list):
        items = self.env["hr.emulation.pledge.item"].browse({vals["item_id"] for vals in vals_list})
        self._check_scoring(items.pledge_id)
        return super().create(vals_list)

    def write(self, vals):
        self._check_scoring(self.pledge_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_scoring_only(self):
        self._check_scoring(self.pledge_id)
