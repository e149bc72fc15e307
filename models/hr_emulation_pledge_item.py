from odoo import api, fields, models
from odoo.exceptions import UserError


class HrEmulationPledgeItem(models.Model):
    """A content of the pledge (nội dung giao ước) with its criteria and maximum score."""

    _name = "hr.emulation.pledge.item"
    _description = "Emulation Pledge Content"
    _order = "pledge_id, sequence, id"
    _check_company_auto = True

    pledge_id = fields.Many2one("hr.emulation.pledge", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="pledge_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Content", required=True)
    criteria = fields.Text(help="How the content is measured and scored.")
    max_score = fields.Float(string="Maximum Score", required=True, default=10.0, digits=(8, 2))

    _sql_constraints = [("max_score_positive", "CHECK(max_score > 0)", "The maximum score must be positive.")]

    def _check_pledge_draft(self, pledges):
        if any(pledge.state != "draft" for pledge in pledges):
            raise UserError(self.env._("The contents of a signed pledge cannot be changed."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_pledge_draft(self.env["hr.emulation.pledge"].browse({vals["pledge_id"] for vals in vals_list}))
        return super().create(vals_list)

    def write(self, vals):
        self._check_pledge_draft(self.pledge_id)
        if "pledge_id" in vals:
            self._check_pledge_draft(self.env["hr.emulation.pledge"].browse(vals["pledge_id"]))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_draft_only(self):
        self._check_pledge_draft(self.pledge_id)
