from datetime import timedelta
from difflib import SequenceMatcher

from odoo import fields, models
from odoo.tools import SQL

STANDARD_DAY_HOURS = 8.0
STANDARD_WEEK_HOURS = 40.0
# The window of sheets read once for all rules: the widest the rules ask for (copied days look 14 days back,
# the long week up to 6 days each side).
SHEETS_BEFORE = 14
SHEETS_AFTER = 6


class HrWorkDiaryFlagRule(models.Model):
    """A registry of explaining rules. A new rule is one ``_rule_<code>`` method plus one data record."""

    _name = "hr.work.diary.flag.rule"
    _description = "Work Diary Flag Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="The rule runs the method _rule_<code> of this model.")
    sequence = fields.Integer(default=10)
    severity = fields.Selection(
        [("info", "Information"), ("warning", "Warning"), ("danger", "Serious")], default="warning", required=True
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_uniq", "unique(code)", "A flag rule code must be unique.")]

    def _evaluate(self, diaries):
        """Return [(diary, line or None, explanation)] for the diaries this rule flags."""
        self.ensure_one()
        method = getattr(self, f"_rule_{self.code}", None)
        if method is None:
            return []
        return method(diaries)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _week_bounds(self, day):
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)

    def _shared(self, key, compute):
        """A value shared by the rules of one run of the registry (see ``_raise_flags``), computed once."""
        shared = self.env.context.get("civil_flag_shared")
        if shared is None:
            return compute()
        if key not in shared:
            shared[key] = compute()
        return shared[key]

    def _sheets_around(self, diaries, days_before, days_after=0):
        """Submitted or approved sheets of the same employees in a window, with their totals: one query for
        every rule of a run (the widest window the rules ask for is read once and filtered in memory)."""
        if not diaries:
            return self.env["hr.work.diary"]
        first = min(diaries.mapped("date")) - timedelta(days=days_before)
        last = max(diaries.mapped("date")) + timedelta(days=days_after)
        wide_first = min(first, min(diaries.mapped("date")) - timedelta(days=SHEETS_BEFORE))
        wide_last = max(last, max(diaries.mapped("date")) + timedelta(days=SHEETS_AFTER))
        key = ("sheets", tuple(diaries.ids), wide_first, wide_last)
        sheets = self._shared(key, lambda: self._search_sheets(diaries, wide_first, wide_last))
        return sheets.filtered(lambda sheet: first <= sheet.date <= last)

    def _search_sheets(self, diaries, first, last):
        return (
            self.env["hr.work.diary"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", diaries.employee_id.ids),
                    ("date", ">=", first),
                    ("date", "<=", last),
                    "|",
                    ("state", "in", ("submitted", "approved")),
                    ("id", "in", diaries.ids),
                ],
                ["employee_id", "date", "total_claimed_hours"],
                order="date",
            )
        )

    def _week_schedules(self, diaries):
        """The schedules of the diaries' employees over the weeks of their dates: one pass for every rule."""
        first = self._week_bounds(min(diaries.mapped("date")))[0]
        last = self._week_bounds(max(diaries.mapped("date")))[1]
        employees = diaries.employee_id
        key = ("schedules", tuple(employees.ids), first, last)
        return self._shared(key, lambda: employees._civil_day_schedule(first, last))

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------
    def _rule_padding(self, diaries):
        result = []
        for diary in diaries:
            ratio = diary.company_id.civil_diary_padding_ratio
            for line in diary.line_ids.filtered(lambda line: line.task_id and line.standard_hours):
                if ratio and line.claimed_hours > ratio * line.standard_hours:
                    result.append(
                        (
                            diary,
                            line,
                            self.env._(
                                "'%(task)s' claims %(claimed)s h for a standard of %(standard)s h "
                                "(over %(ratio)s times).",
                                task=line.name,
                                claimed=round(line.claimed_hours, 2),
                                standard=round(line.standard_hours, 2),
                                ratio=ratio,
                            ),
                        )
                    )
        return result

    def _rule_long_day(self, diaries):
        return [
            (
                diary,
                None,
                self.env._(
                    "%(total)s h claimed in one day, above the standard day of %(standard)s h.",
                    total=round(diary.total_claimed_hours, 2),
                    standard=STANDARD_DAY_HOURS,
                ),
            )
            for diary in diaries
            if diary.total_claimed_hours > STANDARD_DAY_HOURS
        ]

    def _rule_long_week(self, diaries):
        sheets = self._sheets_around(diaries, 6, 6)
        result = []
        for diary in diaries:
            start, end = self._week_bounds(diary.date)
            week = sheets.filtered(
                lambda s, d=diary, a=start, b=end: s.employee_id == d.employee_id and a <= s.date <= b
            )
            total = sum(week.mapped("total_claimed_hours"))
            if total > STANDARD_WEEK_HOURS:
                result.append(
                    (
                        diary,
                        None,
                        self.env._(
                            "%(total)s h claimed in the week of %(start)s, above the standard week of %(standard)s h.",
                            total=round(total, 2),
                            start=start.strftime("%d/%m/%Y"),
                            standard=STANDARD_WEEK_HOURS,
                        ),
                    )
                )
        return result

    def _rule_copied_standard_days(self, diaries):
        sheets = self._sheets_around(diaries, 14)
        result = []
        for diary in diaries:
            history = sheets.filtered(lambda s, d=diary: s.employee_id == d.employee_id and s.date <= d.date)
            streak = 0
            for sheet in history.sorted("date", reverse=True):
                copied = any(sheet.line_ids.mapped("is_copied"))
                if abs(sheet.total_claimed_hours - STANDARD_DAY_HOURS) < 0.001 and copied:
                    streak += 1
                else:
                    break
            if streak >= 5:
                result.append(
                    (
                        diary,
                        None,
                        self.env._(
                            "%(days)s days running with exactly %(standard)s h made of copied lines.",
                            days=streak,
                            standard=STANDARD_DAY_HOURS,
                        ),
                    )
                )
        return result

    def _rule_late_entry(self, diaries):
        result = []
        for diary in diaries:
            limit = diary.company_id.civil_diary_late_entry_days
            # creation time in the employee's time zone, compared with the local day worked
            created = fields.Datetime.context_timestamp(
                diary.with_context(tz=diary.employee_id.tz or self.env.user.tz or "UTC"),
                diary.create_date or fields.Datetime.now(),
            ).date()
            delay = (created - diary.date).days
            if limit and delay > limit:
                result.append(
                    (
                        diary,
                        None,
                        self.env._(
                            "Entered %(delay)s days after the day worked (more than %(limit)s).",
                            delay=delay,
                            limit=limit,
                        ),
                    )
                )
        return result

    def _rule_near_duplicate(self, diaries):
        sheets = self._sheets_around(diaries, 10)
        result = []
        for diary in diaries:
            previous = sheets.filtered(lambda s, d=diary: s.employee_id == d.employee_id and s.date < d.date)
            previous = previous.sorted("date")[-1:] if previous else previous
            if not previous:
                continue
            earlier = [
                (line.name or "").strip().lower()
                for line in previous.line_ids
                if line.name and (not line.task_id or line.name != line.task_id.name)
            ]
            for line in diary.line_ids:
                text = (line.name or "").strip().lower()
                if not text or (line.task_id and line.name == line.task_id.name) or len(text) < 15:
                    continue
                if any(SequenceMatcher(None, text, other).ratio() >= 0.9 for other in earlier):
                    result.append(
                        (
                            diary,
                            line,
                            self.env._(
                                "The description '%(text)s' repeats almost word for word the day before (%(date)s).",
                                text=line.name,
                                date=previous.date.strftime("%d/%m/%Y"),
                            ),
                        )
                    )
        return result

    def _rule_under_declared(self, diaries):
        if not diaries:
            return []
        sheets = self._sheets_around(diaries, 6)
        schedules = self._week_schedules(diaries)  # one pass for every sheet and rule
        result = []
        for diary in diaries:
            share = diary.company_id.civil_diary_underdeclared_share
            start, end = self._week_bounds(diary.date)
            if not share:
                continue
            # judged once a week, on the last day the schedule plans (a sheet on a Saturday is not judged again)
            employee_days = schedules[diary.employee_id.id]
            days = {day: info for day, info in employee_days.items() if start <= day <= end}
            planned = [day for day, info in days.items() if info["schedule_hours"]]
            if not planned or diary.date != max(planned):
                continue
            expected = sum(info["work_hours"] for day, info in days.items() if day <= diary.date)
            week = sheets.filtered(lambda s, d=diary, a=start: s.employee_id == d.employee_id and a <= s.date <= d.date)
            total = sum(week.mapped("total_claimed_hours"))
            if share and expected and total < share * expected:
                result.append(
                    (
                        diary,
                        None,
                        self.env._(
                            "Only %(total)s h declared in the week of %(start)s for %(expected)s scheduled hours "
                            "(below %(share)s%%).",
                            total=round(total, 2),
                            start=start.strftime("%d/%m/%Y"),
                            expected=round(expected, 2),
                            share=round(share * 100),
                        ),
                    )
                )
        return result

    def _rule_peer_outlier(self, diaries):
        """Hours per unit far above peers on the same task over 90 days: median + 3 scaled MAD."""
        lines = diaries.line_ids.filtered(lambda line: line.task_id and line.quantity)
        if not lines:
            return []
        since = min(diaries.mapped("date")) - timedelta(days=90)
        stats = self._peer_statistics(lines, since)
        result = []
        for line in lines:
            count, median, mad = stats.get((line.task_id.id, line.employee_id.id), (0, 0.0, 0.0))
            if count < 5:
                continue
            mad *= 1.4826
            value = line.claimed_hours / line.quantity
            threshold = median + 3 * mad if mad else median * 2
            if value > threshold:
                result.append(
                    (
                        line.diary_id,
                        line,
                        self.env._(
                            "'%(task)s': %(value)s h per unit where colleagues log a median of %(median)s h.",
                            task=line.name,
                            value=round(value, 2),
                            median=round(median, 2),
                        ),
                    )
                )
        return result

    def _peer_statistics(self, lines, since):
        """Per (task, employee) of the lines: how many hours-per-unit values colleagues logged on the task since
        a day (submitted or approved lines, the employee's own and the lines judged left out), their median
        and their median absolute deviation. Computed in the database: a task done daily across a province has
        tens of thousands of peer lines, which the ORM would load one record at a time."""
        self.env["hr.work.diary.line"].flush_model(
            ["task_id", "employee_id", "date", "state", "quantity", "claimed_hours"]
        )
        pairs = {(line.task_id.id, line.employee_id.id) for line in lines}
        self.env.cr.execute(
            SQL(
                """
                WITH target AS (
                    SELECT task_id, employee_id
                      FROM unnest(%(tasks)s::int[], %(employees)s::int[]) AS t(task_id, employee_id)
                ), peer AS (
                    SELECT target.task_id, target.employee_id,
                           COALESCE(line.claimed_hours, 0)::float8 / line.quantity::float8 AS value
                      FROM target
                      JOIN hr_work_diary_line line
                        ON line.task_id = target.task_id AND line.employee_id IS DISTINCT FROM target.employee_id
                     WHERE line.date >= %(since)s
                       AND line.state IN ('submitted', 'approved')
                       AND line.quantity != 0
                       AND line.id != ALL(%(lines)s)
                ), stats AS (
                    SELECT task_id, employee_id, COUNT(*) AS n,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median
                      FROM peer
                  GROUP BY task_id, employee_id
                )
                SELECT stats.task_id, stats.employee_id, stats.n, stats.median,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(peer.value - stats.median)) AS mad
                  FROM stats
                  JOIN peer ON peer.task_id = stats.task_id AND peer.employee_id = stats.employee_id
                 WHERE stats.n >= 5
              GROUP BY stats.task_id, stats.employee_id, stats.n, stats.median
                """,
                tasks=[task for task, _employee in pairs],
                employees=[employee for _task, employee in pairs],
                since=since,
                lines=lines.ids,
            )
        )
        return {(task, employee): (n, median, mad) for task, employee, n, median, mad in self.env.cr.fetchall()}

    def _rule_meeting_overlap(self, diaries):
        """Hours claimed besides the meetings attended that day exceed the day's schedule: time counted twice."""
        if not diaries:
            return []
        first, last = min(diaries.mapped("date")), max(diaries.mapped("date"))
        attendances = (
            self.env["hr.civil.meeting.attendee"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", diaries.employee_id.ids),
                    ("attendance", "=", "present"),
                    ("meeting_id.state", "in", ("scheduled", "held", "approved")),
                    ("meeting_id.date_start", ">=", fields.Datetime.to_datetime(first) - timedelta(days=1)),
                    ("meeting_id.date_start", "<", fields.Datetime.to_datetime(last) + timedelta(days=2)),
                ],
                ["employee_id", "meeting_id"],
            )
        )
        if not attendances:
            return []
        schedules = self._week_schedules(diaries)  # the weeks of the sheets: shared with the under-declared rule
        result = []
        for diary in diaries:
            tz_diary = diary.with_context(tz=diary.employee_id.tz or self.env.user.tz or "UTC")
            meetings = attendances.filtered(
                lambda a, d=diary, t=tz_diary: (
                    a.employee_id == d.employee_id
                    and fields.Datetime.context_timestamp(t, a.meeting_id.date_start).date() == d.date
                )
            ).meeting_id
            if not meetings:
                continue
            meeting_hours = sum(meetings.mapped("duration"))
            day_hours = schedules[diary.employee_id.id][diary.date]["schedule_hours"] or STANDARD_DAY_HOURS
            # lines of a meeting-attendance task are how the person declares the meetings: not counted twice
            other_work = sum(diary.line_ids.filtered(lambda line: not line.task_id.is_meeting).mapped("claimed_hours"))
            if other_work + meeting_hours > day_hours + 0.01:
                result.append(
                    (
                        diary,
                        None,
                        self.env._(
                            "Attended %(meetings)s (%(meeting_hours)s h) and claims %(claimed)s h of other work: "
                            "more than the day's %(day)s h.",
                            meetings=", ".join(meetings.mapped("name")),
                            meeting_hours=round(meeting_hours, 2),
                            claimed=round(other_work, 2),
                            day=round(day_hours, 2),
                        ),
                    )
                )
        return result
