from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class HrJobTask(models.Model):
    _name = "hr.job.task"
    _description = "Standard Task"
    _order = "group_id, code, id"
    _check_company_auto = True
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True)
    name = fields.Char(string="Task", required=True, index="trigram")
    product_name = fields.Char(
        string="Output Product",
        help="The product the task delivers (sản phẩm đầu ra), e.g. 'Cáo trạng', 'Báo cáo'.",
    )
    is_meeting = fields.Boolean(
        string="Meeting Attendance",
        help="Logging this task declares time spent in a meeting: the meeting-overlap flag does not count it twice.",
    )
    product_uom = fields.Char(string="Unit", help="Unit in which the product is counted, e.g. 'văn bản', 'vụ án'.")
    group_id = fields.Many2one(
        "hr.job.task.group",
        string="Task Group",
        required=True,
        index=True,
        ondelete="restrict",
        help="A leadership, B shared professional, C sector-specific, D other (practice of Khánh Hòa, 2025).",
    )
    standard_hours = fields.Float(
        required=True,
        digits=(6, 2),
        help="Standard working time needed for one unit of the product.",
    )
    complexity_id = fields.Many2one(
        "hr.job.task.complexity",
        string="Complexity Level",
        required=True,
        ondelete="restrict",
        default=lambda self: self._default_complexity(),
    )
    coefficient = fields.Float(
        compute="_compute_coefficient",
        store=True,
        readonly=False,
        precompute=True,
        digits=(4, 2),
        help="Complexity coefficient; defaults to the coefficient of the complexity level.",
    )
    job_ids = fields.Many2many(
        "hr.job",
        "hr_job_task_hr_job_rel",
        "task_id",
        "job_id",
        string="Positions",
        check_company=True,
        help="Positions whose holders perform this task. Tasks of a group open to all need none.",
    )
    date_from = fields.Date(string="Valid From")
    date_to = fields.Date(string="Valid To")
    description = fields.Text()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A task code must be unique per company."),
    ]

    def _default_complexity(self):
        return self.env["hr.job.task.complexity"].search(
            [("company_id", "in", [self.env.company.id, False])], order="sequence", limit=1
        )

    @api.depends("complexity_id")
    def _compute_coefficient(self):
        for task in self:
            task.coefficient = task.complexity_id.coefficient or 1.0

    @api.depends("code", "name")
    def _compute_display_name(self):
        for task in self:
            task.display_name = f"[{task.code}] {task.name}" if task.code else task.name

    @api.model
    def _check_coefficient_value(self, coefficient, company):
        maximum = company.civil_max_complexity_coefficient
        if float_compare(coefficient, 0.0, precision_digits=4) <= 0:
            raise ValidationError(self.env._("A complexity coefficient must be greater than zero."))
        if maximum and float_compare(coefficient, maximum, precision_digits=4) > 0:
            raise ValidationError(
                self.env._(
                    "The complexity coefficient %(coefficient)s is above the maximum of %(maximum)s "
                    "set for %(company)s.",
                    coefficient=coefficient,
                    maximum=maximum,
                    company=company.name,
                )
            )

    @api.constrains("coefficient", "company_id")
    def _check_coefficient(self):
        for task in self:
            self._check_coefficient_value(task.coefficient, task.company_id)

    @api.constrains("standard_hours")
    def _check_standard_hours(self):
        for task in self:
            if float_compare(task.standard_hours, 0.0, precision_digits=4) <= 0:
                raise ValidationError(
                    self.env._("The standard hours of task %(task)s must be greater than zero.", task=task.display_name)
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for task in self:
            if task.date_from and task.date_to and task.date_from > task.date_to:
                raise ValidationError(
                    self.env._(
                        "The task %(task)s ends before it starts: check its validity dates.", task=task.display_name
                    )
                )

    def _check_code_available(self, vals_list):
        """Refuse a code already used in the company, before the insert, with one query for the whole batch
        (an import of hundreds of rows stays cheap). The SQL constraint stays as the guard against races."""
        wanted = {}
        for vals in vals_list:
            if not vals.get("code"):
                continue
            company_id = vals.get("company_id") or (self[:1].company_id.id if self else self.env.company.id)
            key = (vals["code"].strip(), company_id)
            if key in wanted:
                raise ValidationError(self.env._("The task code %(code)s is used twice in this company.", code=key[0]))
            wanted[key] = True
        if not wanted:
            return
        others = (
            self.with_context(active_test=False)
            .sudo()
            .search_fetch(
                [
                    ("code", "in", list({code for code, _company in wanted})),
                    ("company_id", "in", list({company for _code, company in wanted})),
                    ("id", "not in", self.ids),
                ],
                ["code", "company_id"],
            )
        )
        for other in others:
            if (other.code, other.company_id.id) in wanted:
                raise ValidationError(
                    self.env._(
                        "The task code %(code)s is already used in %(company)s.",
                        code=other.code,
                        company=other.company_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code"):
                vals["code"] = vals["code"].strip()
        self._check_code_available(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("code"):
            vals["code"] = vals["code"].strip()
            if len(self) > 1:
                raise ValidationError(
                    self.env._("Several tasks cannot receive the same code %(code)s.", code=vals["code"])
                )
            for task in self:
                task._check_code_available([dict(vals, company_id=vals.get("company_id") or task.company_id.id)])
        return super().write(vals)

    def _is_valid_on(self, date):
        self.ensure_one()
        return (not self.date_from or self.date_from <= date) and (not self.date_to or self.date_to >= date)

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Standard Tasks"),
                "template": "/hr_civil_service/static/xls/hr_job_task.xlsx",
            }
        ]
