from odoo import models


class HrWorkDiary(models.Model):
    _inherit = "hr.work.diary"
