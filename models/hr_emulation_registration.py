from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hr_civil_discipline import SERIOUS_MEASURES
from .hr_civil_evaluation_scheme import LEVEL_RANK, LEVELS
from .hr_emulation_title import INITIATIVE_LEVEL_RANK

WARNING_OR_HIGHER = ("warning", "salary_demotion", "demotion", "removal", "dismissal")
REGISTRATION_STATES = [
    ("draft", "Registered"),
    ("checked", "Checked"),
    ("approved", "Awarded"),
    ("rejected", "Not Awarded"),
    ("cancelled", "Cancelled"),
]
# States whose registration holds its initiatives and counts for caps and history.
ACTIVE_STATES = ("draft", "checked", "approved")


class HrEmulationRegistration(models.Model):
    """A person's or a unit's registration for an emulation title in a year (đăng ký thi đua).

    Registered at the start of the year; at year end ``action_check`` rebuilds the criteria lines from the
    recorded facts (evaluation, discipline, initiatives, history, months worked, caps), each passing or
    failing with the record it rests on. An emulation officer may override a failing check with a reason.
    """

    _name = "hr.emulation.registration"
    _description = "Emulation Registration"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, title_id, id"
    _check_company_auto = True
    _rec_names_search = ["title_id.code", "employee_id.name", "department_id.name", "partner_id.name"]

    year = fields.Integer(
        aggregator=False,
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    title_id = fields.Many2one(
        "hr.emulation.title",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    scope = fields.Selection(related="title_id.scope", store=True)
    employee_id = fields.Many2one("hr.employee", index=True, tracking=True, check_company=True, ondelete="cascade")
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        index=True,
        tracking=True,
        check_company=True,
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="External Unit", index=True, help="A unit outside the agency (e.g. in the block)."
    )
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    state = fields.Selection(REGISTRATION_STATES, default="draft", required=True, tracking=True, index=True, copy=False)
    note = fields.Text()
    origin = fields.Char(help="Where the registration comes from, e.g. the block vote that proposed a flag.")
    targets_exceeded = fields.Boolean(
        tracking=True, help="The unit exceeded its targets of the year (recorded by the emulation officer)."
    )
    check_ids = fields.One2many("hr.emulation.registration.check", "registration_id", string="Criteria", copy=False)
    check_date = fields.Datetime(string="Checked On", readonly=True, copy=False)
    eligible = fields.Boolean(compute="_compute_eligible", store=True, help="Every criterion passed.")
    failed_count = fields.Integer(compute="_compute_eligible", store=True, string="Failed Criteria")
    override = fields.Boolean(string="Overridden", readonly=True, copy=False, tracking=True)
    override_reason = fields.Text(tracking=True, copy=False)
    initiative_ids = fields.Many2many(
        "hr.initiative",
        "hr_emulation_registration_initiative_rel",
        "registration_id",
        "initiative_id",
        string="Initiatives Used",
        check_company=True,
        copy=False,
        help="Initiatives backing this title: one initiative backs one award only (CV 5007/BNV-TĐKT 2023).",
    )
    evaluation_level = fields.Selection(LEVELS, readonly=True, copy=False, string="Year's Rating")
    months_worked = fields.Float(digits=(4, 1), readonly=True, copy=False)
    decision_number = fields.Char(tracking=True, copy=False)
    decision_date = fields.Date(tracking=True, copy=False)
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.ref("base.VND"), required=True)
    bonus_multiple = fields.Float(related="title_id.bonus_multiple")
    bonus_amount = fields.Monetary(
        compute="_compute_bonus_amount",
        store=True,
        help="Bonus multiple of the title × base salary on the decision date (31/12 of the year without one).",
    )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for registration in self:
            if registration.employee_id:
                registration.department_id = registration.employee_id.department_id

    @api.depends("check_ids.passed")
    def _compute_eligible(self):
        for registration in self:
            failed = registration.check_ids.filtered(lambda line: not line.passed)
            registration.failed_count = len(failed)
            registration.eligible = bool(registration.check_ids) and not failed

    @api.depends("title_id.bonus_multiple", "decision_date", "year", "company_id")
    def _compute_bonus_amount(self):
        Salary = self.env["hr.civil.base.salary"]
        for registration in self:
            day = registration.decision_date or (date(registration.year, 12, 31) if registration.year else None)
            registration.bonus_amount = (
                Salary._bonus(registration.bonus_multiple, day, registration.company_id) if day else 0.0
            )

    @api.depends("title_id", "year", "employee_id", "department_id", "partner_id")
    def _compute_display_name(self):
        for registration in self:
            holder = registration.employee_id or registration.department_id or registration.partner_id
            registration.display_name = " — ".join(
                part for part in (registration.title_id.code, str(registration.year or ""), holder.name) if part
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("title_id", "employee_id", "department_id", "partner_id")
    def _check_holder(self):
        for registration in self:
            if registration.scope == "individual" and not registration.employee_id:
                raise ValidationError(self.env._("An individual title is registered by an employee."))
            if registration.scope == "collective" and (
                registration.employee_id or not (registration.department_id or registration.partner_id)
            ):
                raise ValidationError(self.env._("A collective title is registered by a unit, not by a person."))

    @api.constrains("year", "title_id", "employee_id", "department_id", "partner_id", "state")
    def _check_unique(self):
        for registration in self.filtered(lambda r: r.state in ACTIVE_STATES):
            domain = [
                ("id", "!=", registration.id),
                ("year", "=", registration.year),
                ("title_id", "=", registration.title_id.id),
                ("company_id", "=", registration.company_id.id),
                ("state", "in", ACTIVE_STATES),
            ]
            if registration.employee_id:
                domain.append(("employee_id", "=", registration.employee_id.id))
            elif registration.partner_id:
                domain.append(("partner_id", "=", registration.partner_id.id))
            else:
                domain += [("department_id", "=", registration.department_id.id), ("employee_id", "=", False)]
            if self.sudo().search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "%(holder)s is already registered for %(title)s in %(year)s.",
                        holder=(registration.employee_id or registration.department_id or registration.partner_id).name,
                        title=registration.title_id.name,
                        year=registration.year,
                    )
                )

    @api.constrains("year")
    def _check_year(self):
        for registration in self:
            if not 2000 <= registration.year <= 2100:
                raise ValidationError(self.env._("The year of a registration must be between 2000 and 2100."))

    @api.constrains("initiative_ids", "state")
    def _check_initiatives_once(self):
        self.initiative_ids._check_used_once()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_awarded(self):
        if any(registration.state == "approved" for registration in self):
            raise UserError(self.env._("An awarded title cannot be deleted; cancel its decision instead."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_officer(self):
        if not self.env.user.has_group("hr_civil_service.group_emulation_officer"):
            raise UserError(self.env._("Only an emulation officer can check, override or award titles."))

    def action_check(self):
        """Rebuild the criteria from the recorded facts."""
        self._check_officer()
        for registration in self:
            if registration.state not in ("draft", "checked"):
                raise UserError(self.env._("Only registered or checked registrations can be checked."))
            criteria = registration._eligibility_criteria()
            # the initiative that makes a criterion pass is now used by this registration (one award only)
            used = [criterion["use"] for criterion in criteria if criterion.get("use")]
            new_initiatives = [initiative.id for initiative in used if initiative not in registration.initiative_ids]
            if new_initiatives:
                registration.sudo().initiative_ids = [fields.Command.link(i) for i in new_initiatives]
            commands = [fields.Command.clear()] + [
                fields.Command.create(
                    {
                        "sequence": sequence,
                        "code": criterion["code"],
                        "name": criterion["name"],
                        "passed": criterion["passed"],
                        "evidence": criterion.get("evidence") or False,
                        "evidence_ref": criterion.get("ref") and f"{criterion['ref']._name},{criterion['ref'].id}",
                    }
                )
                for sequence, criterion in enumerate(criteria, start=1)
            ]
            values = {"check_ids": commands, "check_date": fields.Datetime.now(), "state": "checked"}
            if registration.employee_id:
                values["evaluation_level"] = registration.sudo()._annual_line(registration.employee_id).final_level
                values["months_worked"] = registration.sudo()._months_worked(registration.employee_id)[0]
            registration.sudo().write(values)
        self._translate_checks()
        return True

    def _translate_checks(self):
        """Write the criteria and their evidence in every active language (and English, the source), so that each
        user reads them in theirs: the check itself ran in the language of the officer who ran it."""
        langs = {code for code, _name in self.env["res.lang"].get_installed()} | {"en_US"}
        for registration in self:
            checks = registration.sudo().check_ids.sorted("sequence")
            names, evidences = [{} for _c in checks], [{} for _c in checks]
            for lang in langs:
                criteria = registration.with_context(lang=lang)._eligibility_criteria()
                if len(criteria) != len(checks):
                    break
                for index, (check, criterion) in enumerate(zip(checks, criteria, strict=True)):
                    if check.code == criterion["code"]:
                        names[index][lang] = criterion["name"]
                        evidences[index][lang] = criterion.get("evidence") or ""
            else:
                for check, name, evidence in zip(checks, names, evidences, strict=True):
                    if name:
                        check.update_field_translations("name", name)
                    if any(evidence.values()):
                        check.update_field_translations("evidence", evidence)

    def action_override(self):
        """Accept the registration although a criterion failed; the reason is kept in the chatter."""
        self._check_officer()
        for registration in self:
            if not (registration.override_reason or "").strip():
                raise UserError(self.env._("Give the reason for overriding the check."))
            if registration.state != "checked":
                raise UserError(self.env._("Run the check before overriding it."))
            registration.override = True
            registration.message_post(
                body=self.env._(
                    "Eligibility overridden by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=registration.override_reason,
                )
            )
        return True

    def action_approve(self):
        """Award the title: the check runs again so that caps see the titles awarded meanwhile."""
        self._check_officer()
        for registration in self:
            registration.action_check()
            if not (registration.eligible or registration.override):
                raise UserError(
                    self.env._(
                        "%(registration)s does not meet: %(criteria)s",
                        registration=registration.display_name,
                        criteria="; ".join(registration.check_ids.filtered(lambda c: not c.passed).mapped("name")),
                    )
                )
            registration.state = "approved"
        return True

    def action_reject(self):
        self._check_officer()
        self.write({"state": "rejected"})
        return True

    def action_cancel(self):
        for registration in self:
            if registration.state == "approved":
                registration._check_officer()
        self.write({"state": "cancelled"})
        return True

    def action_reset(self):
        self._check_officer()
        self.write({"state": "draft", "override": False})
        return True

    # ------------------------------------------------------------------
    # Eligibility
    # ------------------------------------------------------------------
    def _eligibility_criteria(self):
        """The criteria of the title (and of the titles it includes) for this registration, as a list of
        ``{"code", "name", "passed", "evidence", "ref"}``; a criterion of the title itself replaces an
        included one with the same code."""
        self.ensure_one()
        chain = []
        title = self.title_id
        while title and title not in chain:
            chain.insert(0, title)
            title = title.includes_title_id
        by_code = {}
        for title in chain:
            for criterion in self.sudo()._title_criteria(title):
                by_code[criterion["code"]] = criterion
        return list(by_code.values())

    def _title_criteria(self, title):
        if self.scope == "individual":
            return self._individual_criteria(title)
        return self._collective_criteria(title)

    def _year_bounds(self):
        return date(self.year, 1, 1), date(self.year, 12, 31)

    def _annual_line(self, employee):
        return self.env["hr.civil.evaluation.line"].search(
            [
                ("employee_id", "=", employee.id),
                ("year", "=", self.year),
                ("period_type", "=", "year"),
                ("state", "=", "final"),
            ],
            order="id desc",
            limit=1,
        )

    def _individual_criteria(self, title):
        employee = self.employee_id
        criteria = []
        Discipline = self.env["hr.civil.discipline"]
        # Nobody under disciplinary review may be proposed (ND 98/2023 Art. 4, restated by ND 152/2025).
        if employee.id in Discipline._under_review(employee):
            case = Discipline.search([("employee_id", "=", employee.id), ("state", "=", "under_review")], limit=1)
            criteria.append(
                self._criterion("review", self.env._("Not under disciplinary review"), False, case.name, case)
            )
        else:
            criteria.append(
                self._criterion("review", self.env._("Not under disciplinary review"), True, self.env._("No open case"))
            )
        if title.check_discipline:
            serious = Discipline._serious_for_year(employee, self.year).get(employee.id)
            if serious:
                criteria.append(
                    self._criterion(
                        "discipline",
                        self.env._("No discipline at reprimand or higher in the year"),
                        False,
                        "%s (%s)"
                        % (
                            serious[0].name,
                            dict(serious[0]._fields["measure"]._description_selection(self.env))[serious[0].measure],
                        ),
                        serious[0],
                    )
                )
            else:
                criteria.append(
                    self._criterion(
                        "discipline",
                        self.env._("No discipline at reprimand or higher in the year"),
                        True,
                        self.env._("None recorded"),
                    )
                )
        line = self._annual_line(employee)
        level_labels = dict(
            self.env["hr.civil.evaluation.line"]._fields["final_level"]._description_selection(self.env)
        )
        if title.min_level:
            name = self.env._("Rated %(level)s or higher", level=level_labels[title.min_level])
            if not line:
                criteria.append(
                    self._criterion(
                        "level", name, False, self.env._("No final annual rating for %(year)s", year=self.year)
                    )
                )
            else:
                passed = LEVEL_RANK.get(line.final_level, 0) >= LEVEL_RANK[title.min_level]
                criteria.append(self._criterion("level", name, passed, level_labels.get(line.final_level, ""), line))
        if title.min_months_worked or title.max_months_off:
            worked, off, start = self._months_worked(employee)
            if title.min_months_worked:
                criteria.append(
                    self._criterion(
                        "months",
                        self.env._("At least %(months)s months worked in the year", months=title.min_months_worked),
                        worked >= title.min_months_worked,
                        self.env._("%(worked)s months from %(start)s", worked=worked, start=start.strftime("%d/%m/%Y")),
                        employee,
                    )
                )
            if title.max_months_off:
                criteria.append(
                    self._criterion(
                        "months_off",
                        self.env._("Off work less than %(months)s months", months=title.max_months_off),
                        off < title.max_months_off,
                        self.env._("%(off)s months off", off=off),
                        employee,
                    )
                )
        if title.initiative_level:
            criteria.append(self._initiative_criterion(title, line))
        if title.history_title_id and title.history_years:
            criteria.append(self._history_criterion(title))
        return criteria

    def _initiative_criterion(self, title, line):
        level_labels = dict(self.env["hr.initiative"]._fields["level"]._description_selection(self.env))
        name = self.env._(
            "An initiative recognised at %(level)s level, not used for another award",
            level=level_labels[title.initiative_level],
        )
        if title.initiative_waived_by_excellent:
            name = self.env._("Rated Excellent, or %(criterion)s", criterion=name)
            if line and line.final_level == "excellent":
                return self._criterion("initiative", name, True, self.env._("Rated Excellent"), line)
        available, used = self._available_initiatives(title)
        if available:
            initiative = available[0]
            return {**self._criterion("initiative", name, True, initiative.name, initiative), "use": initiative}
        if used:
            initiative = used[0]
            return self._criterion(
                "initiative",
                name,
                False,
                self.env._(
                    "%(initiative)s is already used for %(award)s",
                    initiative=initiative.name,
                    award=initiative._awards_using(exclude=self)[0].display_name,
                ),
                initiative,
            )
        return self._criterion("initiative", name, False, self.env._("No recognised initiative"))

    def _available_initiatives(self, title):
        """The person's recognised initiatives of the required level in the window: those free (or already
        used by this registration) first, then those used by another award."""
        first_year = self.year - max(title.initiative_years, 1) + 1
        candidates = (
            self.env["hr.initiative"]
            .search(
                [
                    ("author_ids.employee_id", "=", self.employee_id.id),
                    ("state", "=", "recognised"),
                    ("decision_date", ">=", date(first_year, 1, 1)),
                    ("decision_date", "<=", date(self.year, 12, 31)),
                    ("company_id", "=", self.company_id.id),
                ],
                order="decision_date, id",
            )
            .filtered(lambda i: INITIATIVE_LEVEL_RANK.get(i.level, 0) >= INITIATIVE_LEVEL_RANK[title.initiative_level])
        )
        mine = candidates & self.initiative_ids
        available, used = list(mine), []
        for initiative in candidates - mine:
            (used if initiative._awards_using(exclude=self) else available).append(initiative)
        return available, used

    def _history_criterion(self, title):
        years = list(range(self.year - title.history_years, self.year))
        holders = self.search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("title_id", "in", title.history_title_id._covering_titles().ids),
                ("year", "in", years),
                ("state", "=", "approved"),
            ],
            order="year desc",
        )
        missing = sorted(set(years) - set(holders.mapped("year")))
        name = self.env._(
            "%(title)s in each of the %(count)s previous years",
            title=title.history_title_id.name,
            count=title.history_years,
        )
        if missing:
            evidence = self.env._("Missing: %(years)s", years=", ".join(str(y) for y in missing))
        else:
            evidence = ", ".join(str(y) for y in sorted(holders.mapped("year")))
        return self._criterion("history", name, not missing, evidence, holders[:1])

    def _months_worked(self, employee):
        """(months worked, months off, counted from) in the registration's year.

        Counted from the latest of 1 January, the recruitment date and the day after the end of a discipline
        period ending in the year; months off are the days of leave (maternity leave excepted) over the planned
        working days, scaled to the counted months.
        """
        year_start, year_end = self._year_bounds()
        start = year_start
        recruitment = employee.sudo().civil_recruitment_date
        if recruitment and recruitment > start:
            start = recruitment
        ended = self.env["hr.civil.discipline"].search(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "decided"),
                ("measure", "in", SERIOUS_MEASURES),
                ("effective_to", ">=", year_start),
                ("effective_to", "<", year_end),
            ],
            order="effective_to desc",
            limit=1,
        )
        if ended and ended.effective_to + timedelta(days=1) > start:
            start = ended.effective_to + timedelta(days=1)
        if start > year_end:
            return 0.0, 0.0, start
        days_in_year = (year_end - year_start).days + 1
        span_months = ((year_end - start).days + 1) * 12.0 / days_in_year
        schedule = employee._civil_day_schedule(start, year_end).get(employee.id, {})
        maternity = set()
        leaves = self.env["resource.calendar.leaves"].search(
            [
                ("resource_id", "=", employee.resource_id.id),
                ("civil_leave_kind", "=", "maternity"),
                ("date_from", "<=", fields.Datetime.to_datetime(year_end) + timedelta(days=1)),
                ("date_to", ">=", fields.Datetime.to_datetime(start)),
            ]
        )
        for leave in leaves:
            day = leave.date_from.date()
            while day <= leave.date_to.date():
                maternity.add(day)
                day += timedelta(days=1)
        planned = [day for day, info in schedule.items() if info["schedule_hours"]]
        off_days = [day for day in planned if schedule[day]["status"] == "leave" and day not in maternity]
        months_off = len(off_days) * span_months / len(planned) if planned else 0.0
        return round(span_months - months_off, 1), round(months_off, 1), start

    def _collective_criteria(self, title):
        criteria = []
        department = self.department_id
        members = self.env["hr.employee"]
        if department:
            members = self.env["hr.employee"].search(
                [("department_id", "child_of", department.id), ("company_id", "=", self.company_id.id)]
            )
        if title.member_title_id and title.min_member_share:
            holders = self._title_holders(title.member_title_id, members)
            share = len(holders) * 100.0 / len(members) if members else 0.0
            criteria.append(
                self._criterion(
                    "members",
                    self.env._(
                        "At least %(share)s %% of members hold %(title)s",
                        share=title.min_member_share,
                        title=title.member_title_id.name,
                    ),
                    bool(members) and share + 1e-9 >= title.min_member_share,
                    self.env._(
                        "%(holders)s of %(members)s members (%(share)s %%)",
                        holders=len(holders),
                        members=len(members),
                        share=round(share, 1),
                    ),
                    department,
                )
            )
        if title.distinction_title_id:
            holders = self._title_holders(title.distinction_title_id, members)
            criteria.append(
                self._criterion(
                    "distinction",
                    self.env._("At least one member holds %(title)s", title=title.distinction_title_id.name),
                    bool(holders),
                    ", ".join(holders.mapped("name")) or self.env._("Nobody"),
                    department,
                )
            )
        if title.check_member_discipline:
            year_start, year_end = self._year_bounds()
            case = self.env["hr.civil.discipline"].search(
                [
                    ("employee_id", "in", members.ids),
                    ("state", "=", "decided"),
                    ("measure", "in", WARNING_OR_HIGHER),
                    ("decision_date", ">=", year_start),
                    ("decision_date", "<=", year_end),
                ],
                limit=1,
            )
            criteria.append(
                self._criterion(
                    "member_discipline",
                    self.env._("No member disciplined at warning or higher in the year"),
                    not case,
                    f"{case.employee_id.name}: {case.name}" if case else self.env._("None recorded"),
                    case or department,
                )
            )
        if title.requires_targets_exceeded:
            criteria.append(
                self._criterion(
                    "targets",
                    self.env._("Targets of the year exceeded"),
                    self.targets_exceeded,
                    self.env._("Recorded") if self.targets_exceeded else self.env._("Not recorded"),
                )
            )
        if title.requires_block_proposal:
            criteria.append(
                self._criterion(
                    "block",
                    self.env._("Voted leading unit of its emulation block"),
                    bool(self.origin),
                    self.origin or self.env._("No block proposal"),
                )
            )
        if title.cap_percent and title.cap_base_title_id:
            criteria.append(self._cap_criterion(title))
        return criteria

    def _title_holders(self, title, members):
        """Members awarded ``title`` (or a title including it) in the year."""
        registrations = self.search(
            [
                ("employee_id", "in", members.ids),
                ("title_id", "in", title._covering_titles().ids),
                ("year", "=", self.year),
                ("state", "=", "approved"),
            ]
        )
        return registrations.employee_id

    def _cap_criterion(self, title):
        base_units = self.search(
            [
                ("title_id", "in", title.cap_base_title_id._covering_titles().ids),
                ("year", "=", self.year),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "approved"),
                ("employee_id", "=", False),
            ]
        )
        base_count = len({(r.department_id.id, r.partner_id.id) for r in base_units})
        cap = title._cap(base_count)
        awarded = self.search_count(
            [
                ("id", "!=", self.id),
                ("title_id", "=", title.id),
                ("year", "=", self.year),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "approved"),
            ]
        )
        rounding = dict(title._fields["cap_rounding"]._description_selection(self.env))[title.cap_rounding]
        return self._criterion(
            "cap",
            self.env._(
                "At most %(percent)s %% of the units rated %(title)s",
                percent=title.cap_percent,
                title=title.cap_base_title_id.name,
            ),
            awarded < cap,
            self.env._(
                "%(awarded)s already awarded, cap %(cap)s (%(count)s units, %(rounding)s, minimum %(minimum)s)",
                awarded=awarded,
                cap=cap,
                count=base_count,
                rounding=rounding,
                minimum=title.cap_minimum,
            ),
        )

    @api.model
    def _criterion(self, code, name, passed, evidence=None, ref=None):
        return {"code": code, "name": name, "passed": bool(passed), "evidence": evidence, "ref": ref or None}
