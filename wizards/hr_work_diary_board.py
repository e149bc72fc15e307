from collections import Counter
from datetime import timedelta

from psycopg2.extras import execute_values

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL, float_round, split_every

BOARD_STATUSES = [
    ("approved", "Approved"),
    ("submitted", "Submitted"),
    ("returned", "Returned"),
    ("draft", "Draft"),
    ("missing", "Missing"),
    ("leave", "On Leave"),
    ("holiday", "Public Holiday"),
    ("off", "Day Off"),
]
LOAD_STATUSES = [("over", "Over-loaded"), ("balanced", "Balanced"), ("under", "Under-loaded")]


class HrWorkDiaryTeamMixin(models.AbstractModel):
    """The team a supervisor watches: the people under them and the units they head; a Leader sees everyone."""

    _name = "hr.work.diary.team.mixin"
    _description = "Work Diary Team Scope"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    department_id = fields.Many2one(
        "hr.department",
        domain="[('company_id', 'in', [company_id, False])]",
        help="Only this unit and its sub-units; empty for the whole team.",
    )

    def _team_employees(self):
        self.ensure_one()
        user = self.env.user
        domain = [("company_id", "=", self.company_id.id)]
        if not user.has_group("hr_civil_service.group_leader"):
            if not user.has_group("hr_civil_service.group_supervisor"):
                raise UserError(self.env._("Only supervisors and leaders have a team to look at."))
            mine = user.employee_ids
            headed = self.env["hr.department"].sudo().search([("manager_id", "in", mine.ids)])
            domain = expression.AND(
                [
                    domain,
                    ["|", ("id", "child_of", mine.ids), ("department_id", "child_of", headed.ids)],
                    [("id", "not in", mine.ids)],
                ]
            )
        if self.department_id:
            domain = expression.AND([domain, [("department_id", "child_of", self.department_id.id)]])
        return self.env["hr.employee"].sudo().search(domain, order="department_id, name")

    def _reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
            "context": {"form_view_initial_mode": "edit"},
        }


class HrWorkDiaryBoard(models.TransientModel):
    _name = "hr.work.diary.board"
    _inherit = ["hr.work.diary.team.mixin"]
    _description = "Team Diary Board"

    date = fields.Date(required=True, default=fields.Date.context_today)
    period = fields.Selection([("day", "Day"), ("week", "Week")], required=True, default="day")
    date_from = fields.Date(compute="_compute_dates")
    date_to = fields.Date(compute="_compute_dates")
    line_ids = fields.One2many("hr.work.diary.board.line", "board_id", string="Team Days", readonly=True)
    count_approved = fields.Integer(string="Approved", compute="_compute_counts")
    count_submitted = fields.Integer(string="Submitted", compute="_compute_counts")
    count_returned = fields.Integer(string="Returned", compute="_compute_counts")
    count_draft = fields.Integer(string="Draft", compute="_compute_counts")
    count_missing = fields.Integer(string="Missing", compute="_compute_counts")
    count_leave = fields.Integer(string="On Leave", compute="_compute_counts")
    count_holiday = fields.Integer(string="Public Holiday", compute="_compute_counts")

    @api.depends("date", "period")
    def _compute_dates(self):
        for board in self:
            day = board.date or fields.Date.context_today(board)
            if board.period == "week":
                board.date_from = day - timedelta(days=day.weekday())
                board.date_to = board.date_from + timedelta(days=6)
            else:
                board.date_from = board.date_to = day

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for board in self:
            period = board.date_from.strftime("%d/%m/%Y")
            if board.period == "week":
                period = "%s – %s" % (board.date_from.strftime("%d/%m"), board.date_to.strftime("%d/%m/%Y"))
            board.display_name = self.env._("Team Board %(period)s", period=period)

    @api.depends("line_ids.status")
    def _compute_counts(self):
        for board in self:
            counts = Counter(board.line_ids.mapped("status"))
            for status, _label in BOARD_STATUSES:
                if status != "off":
                    board[f"count_{status}"] = counts[status]

    @api.model_create_multi
    def create(self, vals_list):
        boards = super().create(vals_list)
        boards._build_lines()
        return boards

    def _build_lines(self):
        """One line per person and day: the sheet's state, else missing, on leave, public holiday or day off."""
        today = fields.Date.context_today(self)
        for board in self:
            board.line_ids.unlink()
            employees = board._team_employees()
            schedule = employees._civil_day_schedule(board.date_from, board.date_to)
            sheets = {
                (sheet.employee_id.id, sheet.date): sheet
                for sheet in self.env["hr.work.diary"].search_fetch(
                    [
                        ("employee_id", "in", employees.ids),
                        ("date", ">=", board.date_from),
                        ("date", "<=", board.date_to),
                    ],
                    ["employee_id", "date", "state", "total_claimed_hours", "total_converted_hours", "flag_count"],
                )
            }
            vals_list = []
            for employee in employees:
                for day, info in sorted(schedule[employee.id].items()):
                    sheet = sheets.get((employee.id, day))
                    if sheet:
                        status = sheet.state
                    elif info["status"] != "work":
                        status = info["status"]
                    elif day > today:
                        continue
                    else:
                        status = "missing"
                    if status == "off" and board.period == "week":
                        continue
                    vals_list.append(
                        {
                            "board_id": board.id,
                            "employee_id": employee.id,
                            "date": day,
                            "status": status,
                            "diary_id": sheet.id if sheet else False,
                            "schedule_hours": info["work_hours"],
                            "claimed_hours": sheet.total_claimed_hours if sheet else 0.0,
                            "converted_hours": sheet.total_converted_hours if sheet else 0.0,
                            "flag_count": sheet.flag_count if sheet else 0,
                        }
                    )
            self.env["hr.work.diary.board.line"]._insert_lines(vals_list)
            board.invalidate_recordset(["line_ids"])

    def action_refresh(self):
        self._build_lines()
        return True

    def _shift(self, sign):
        self.ensure_one()
        self.date += timedelta(days=sign * (7 if self.period == "week" else 1))
        return self.action_refresh()

    def action_previous(self):
        return self._shift(-1)

    def action_next(self):
        return self._shift(1)

    def action_show_status(self):
        """The board's lines of one status, from a counter."""
        self.ensure_one()
        status = self.env.context.get("board_status")
        return {
            "type": "ir.actions.act_window",
            "name": dict(self.env["hr.work.diary.board.line"]._fields["status"]._description_selection(self.env))[
                status
            ],
            "res_model": "hr.work.diary.board.line",
            "view_mode": "list",
            "domain": [("board_id", "=", self.id), ("status", "=", status)],
            "context": {"create": False},
        }

    @api.model
    def action_open(self):
        return self.create({})._reopen()


class HrWorkDiaryTeamLineMixin(models.AbstractModel):
    """Lines of a team screen, written in one INSERT: a board of a whole agency has thousands of rows, which
    ``create`` would insert a hundred at a time after a ``default_get`` each (about 1 s for 5,000 rows)."""

    _name = "hr.work.diary.team.line.mixin"
    _description = "Work Diary Team Screen Line"

    @api.model
    def _insert_lines(self, vals_list):
        """INSERT plain stored values (no computed, related or x2many field: the callers give every value).
        The ORM's invariants are kept: values converted and rounded as the ORM writes them, the log columns
        set, the stored computed fields of the model computed by their method before writing."""
        if not vals_list:
            return self.browse()
        self.browse().check_access("create")  # as create() would
        names = sorted(vals_list[0])
        computed = [
            name
            for name, field in self._fields.items()
            if field.store and field.compute and name not in models.MAGIC_COLUMNS and name not in names
        ]
        converters = [self._insert_converter(self._fields[name]) for name in names]
        uid, now = self.env.uid, self.env.cr.now()
        rows = []
        for vals in vals_list:
            record_values = [convert(vals[name]) for name, convert in zip(names, converters, strict=True)]
            rows.append((*record_values, *(self._insert_computed(name, vals) for name in computed), uid, now, uid, now))
        columns = [*names, *computed, "create_uid", "create_date", "write_uid", "write_date"]
        self.flush_model()
        ids = []
        for batch in split_every(5000, rows):
            ids += [
                row[0]
                for row in execute_values(
                    self.env.cr._obj,
                    SQL(
                        "INSERT INTO %s (%s) VALUES %%s RETURNING id",
                        SQL.identifier(self._table),
                        SQL(", ").join(SQL.identifier(column) for column in columns),
                    ).code,
                    batch,
                    page_size=len(batch),
                    fetch=True,
                )
            ]
            self.env.cr.sql_log_count += 1  # the cursor's count of queries sees the raw INSERT too
        return self.browse(ids)

    def _insert_converter(self, field):
        """The ORM's conversion to the column (rounding of floats, False as NULL), per value."""
        if field.type == "float" and field.get_digits(self.env):
            digits = field.get_digits(self.env)[1]
            return lambda value: float_round(value or 0.0, precision_digits=digits)
        if field.type in ("integer", "float"):
            return lambda value: value or 0
        if field.type in ("many2one", "date", "selection", "char", "text"):
            return lambda value: value or None
        return lambda value: field.convert_to_column_insert(value, self)

    def _insert_computed(self, name, vals):
        raise NotImplementedError(name)


class HrWorkDiaryBoardLine(models.TransientModel):
    _name = "hr.work.diary.board.line"
    _inherit = ["hr.work.diary.team.line.mixin"]
    _description = "Team Diary Board Line"
    _order = "date, status_sequence, department_id, employee_id"

    board_id = fields.Many2one("hr.work.diary.board", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one("hr.employee", required=True, readonly=True)
    department_id = fields.Many2one(related="employee_id.department_id", string="Department")
    date = fields.Date(readonly=True)
    status = fields.Selection(BOARD_STATUSES, required=True, readonly=True)
    status_sequence = fields.Integer(compute="_compute_status_sequence", store=True)
    diary_id = fields.Many2one("hr.work.diary", string="Diary Sheet", readonly=True)
    return_reason = fields.Text(related="diary_id.return_reason")
    schedule_hours = fields.Float(string="Scheduled Hours", digits=(6, 2), readonly=True)
    claimed_hours = fields.Float(string="Claimed", digits=(6, 2), readonly=True)
    converted_hours = fields.Float(string="Converted", digits=(6, 2), readonly=True)
    flag_count = fields.Integer(string="Flags", readonly=True)

    @api.depends("status")
    def _compute_status_sequence(self):
        for line in self:
            line.status_sequence = self._status_sequence(line.status)

    @api.model
    def _status_sequence(self, status):
        order = [status for status, _label in BOARD_STATUSES]
        return order.index(status) if status in order else len(order)

    def _insert_computed(self, name, vals):
        if name == "status_sequence":
            return self._status_sequence(vals["status"])
        return super()._insert_computed(name, vals)

    def action_open_diary(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.work.diary",
            "res_id": self.diary_id.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_remind(self):
        """A reminder activity for the person whose sheet is missing or still a draft."""
        activity_type = self.env.ref("hr_civil_service.mail_activity_type_diary_reminder")
        for line in self.filtered(lambda item: item.status in ("missing", "draft", "returned")):
            user = line.employee_id.user_id
            if not user:
                raise UserError(self.env._("%(employee)s has no user to remind.", employee=line.employee_id.name))
            line.employee_id.sudo().activity_schedule(
                activity_type_id=activity_type.id,
                user_id=user.id,
                summary=self.env._("Work diary of %(date)s", date=line.date.strftime("%d/%m/%Y")),
                note=self.env._(
                    "Your supervisor asks you to complete and submit your work diary for %(date)s.",
                    date=line.date.strftime("%d/%m/%Y"),
                ),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"message": self.env._("Reminder sent."), "type": "success"},
        }


class HrWorkDiaryBalance(models.TransientModel):
    """Who carries too much or too little: converted hours against each person's standard hours."""

    _name = "hr.work.diary.balance"
    _inherit = ["hr.work.diary.team.mixin"]
    _description = "Workload Balance"

    date_from = fields.Date(
        string="From", required=True, default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    approved_only = fields.Boolean(help="Count approved sheets only; otherwise submitted sheets count too.")
    overload_ratio = fields.Float(
        string="Over-loaded Above", default=lambda self: self.env.company.civil_diary_overload_ratio
    )
    underload_ratio = fields.Float(
        string="Under-loaded Below", default=lambda self: self.env.company.civil_diary_underload_ratio
    )
    line_ids = fields.One2many("hr.work.diary.balance.line", "balance_id", string="People", readonly=True)
    count_over = fields.Integer(string="Over-loaded", compute="_compute_counts")
    count_under = fields.Integer(string="Under-loaded", compute="_compute_counts")
    count_balanced = fields.Integer(string="Balanced", compute="_compute_counts")

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for balance in self:
            balance.display_name = self.env._(
                "Workload Balance %(start)s – %(end)s",
                start=balance.date_from.strftime("%d/%m/%Y") if balance.date_from else "",
                end=balance.date_to.strftime("%d/%m/%Y") if balance.date_to else "",
            )

    @api.depends("line_ids.load_status")
    def _compute_counts(self):
        for balance in self:
            counts = Counter(balance.line_ids.mapped("load_status"))
            balance.count_over = counts["over"]
            balance.count_under = counts["under"]
            balance.count_balanced = counts["balanced"]

    @api.constrains("date_from", "date_to", "overload_ratio", "underload_ratio")
    def _check_period(self):
        for balance in self:
            if balance.date_from > balance.date_to:
                raise UserError(self.env._("The period of the workload balance ends before it starts."))
            if not 0 < balance.underload_ratio < balance.overload_ratio:
                raise UserError(
                    self.env._("The under-loaded share must be above zero and below the over-loaded share.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        balances = super().create(vals_list)
        balances._build_lines()
        return balances

    def _build_lines(self):
        for balance in self:
            balance.line_ids.unlink()
            employees = balance._team_employees()
            schedule = employees._civil_day_schedule(balance.date_from, balance.date_to)
            states = ["approved"] if balance.approved_only else ["approved", "submitted"]
            totals = {
                employee.id: (claimed, converted)
                for employee, claimed, converted in self.env["hr.work.diary.line"]
                .sudo()
                ._read_group(
                    [
                        ("employee_id", "in", employees.ids),
                        ("date", ">=", balance.date_from),
                        ("date", "<=", balance.date_to),
                        ("state", "in", states),
                    ],
                    ["employee_id"],
                    ["claimed_hours:sum", "converted_hours:sum"],
                )
            }
            vals_list = []
            for employee in employees:
                days = schedule[employee.id].values()
                standard = sum(day["work_hours"] for day in days)
                claimed, converted = totals.get(employee.id, (0.0, 0.0))
                ratio = converted / standard if standard else 0.0
                if standard and ratio > balance.overload_ratio:
                    load = "over"
                elif standard and ratio < balance.underload_ratio:
                    load = "under"
                else:
                    load = "balanced"
                vals_list.append(
                    {
                        "balance_id": balance.id,
                        "employee_id": employee.id,
                        "working_days": sum(1 for day in days if day["work_hours"]),
                        "leave_hours": sum(day["schedule_hours"] - day["work_hours"] for day in days),
                        "standard_hours": standard,
                        "claimed_hours": claimed,
                        "converted_hours": converted,
                        "load_ratio": ratio * 100,
                        "load_status": load,
                    }
                )
            self.env["hr.work.diary.balance.line"]._insert_lines(vals_list)
            balance.invalidate_recordset(["line_ids"])

    def action_refresh(self):
        self._build_lines()
        return True

    @api.model
    def action_open(self):
        return self.create({})._reopen()


class HrWorkDiaryBalanceLine(models.TransientModel):
    _name = "hr.work.diary.balance.line"
    _inherit = ["hr.work.diary.team.line.mixin"]
    _description = "Workload Balance Line"
    _order = "load_ratio desc, employee_id"

    balance_id = fields.Many2one("hr.work.diary.balance", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one("hr.employee", required=True, readonly=True)
    department_id = fields.Many2one(related="employee_id.department_id", string="Department")
    job_id = fields.Many2one(related="employee_id.job_id", string="Position")
    working_days = fields.Integer(readonly=True)
    leave_hours = fields.Float(digits=(8, 2), readonly=True, help="Scheduled hours taken by leaves and holidays.")
    standard_hours = fields.Float(
        digits=(8, 2), readonly=True, help="Working days × the hours of the person's schedule, minus leave."
    )
    claimed_hours = fields.Float(digits=(8, 2), readonly=True)
    converted_hours = fields.Float(digits=(8, 2), readonly=True)
    load_ratio = fields.Float(string="Load (%)", digits=(6, 1), readonly=True, aggregator="avg")
    load_status = fields.Selection(LOAD_STATUSES, string="Load", readonly=True)
