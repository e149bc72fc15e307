from odoo import models


class HrCivilMeeting(models.Model):
    _inherit = "hr.civil.meeting"
