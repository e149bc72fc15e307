"""Measure the hot paths of hr_civil_service on a generated database and print the report table.

    python3 benchmarks/bench.py -d hrcs_bench_1000 [--runs 5] [--portal-port 8311] [odoo options]
    python3 benchmarks/bench.py --report   # merge benchmarks/results/*.json into benchmarks/REPORT.md

Each operation runs once to warm up, then ``--runs`` times (median, min, max in ms). Every run starts with an
empty ORM cache (as a new request does) and is rolled back (a savepoint), so that the writes of one run do not
change the next. The SQL query count is ``cr.sql_log_count`` over the run. The peak memory is the peak of
Python allocations during one more run under ``tracemalloc`` (kept out of the timed runs: it slows Python
down). The portal day page is fetched over HTTP from a server this script starts (``--portal-port``); its
query count is the one Odoo's request log line reports.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import date, timedelta

from _odoo import HERE, environment, log, parse

RESULTS = os.path.join(HERE, "results")


def add_arguments(parser):
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="comma-separated operation keys to run")
    parser.add_argument("--skip", default="", help="comma-separated operation keys to skip")
    parser.add_argument("--portal-port", type=int, default=0, help="start a server on this port for the portal")
    parser.add_argument("--label", default="", help="suffix of the results file (e.g. before)")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the floor and the KPI query")
    parser.add_argument(
        "--kpi-index",
        choices=("keep", "create", "drop"),
        default="keep",
        help="create (as hr.civil.kpi.init() does at install) or drop the KPI's covering index first",
    )


class Bench:
    def __init__(self, env, args):
        self.env = env
        self.args = args
        self.rows = []
        self.only = set(args.only.split(",")) if args.only else None
        self.skip = set(filter(None, args.skip.split(",")))

    # ------------------------------------------------------------------
    def measure(self, key, label, fn, runs=None, prepare=None):
        if (self.only and key not in self.only) or key in self.skip:
            return None
        env, cr = self.env, self.env.cr
        runs = runs or self.args.runs
        timings, queries, result = [], [], None

        def once():
            cr.execute("SAVEPOINT bench")
            if prepare:  # not timed
                prepare()
                env.flush_all()
            env.invalidate_all()
            env.transaction.clear()
            start_queries = cr.sql_log_count
            start = time.perf_counter()
            value = fn()
            env.flush_all()
            elapsed = (time.perf_counter() - start) * 1000
            count = cr.sql_log_count - start_queries
            env.invalidate_all()
            env.transaction.clear()
            cr.execute("ROLLBACK TO SAVEPOINT bench")
            return elapsed, count, value

        log(f"{key}: warm-up")
        once()
        for _n in range(runs):
            elapsed, count, result = once()
            timings.append(elapsed)
            queries.append(count)
        tracemalloc.start()
        once()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        row = {
            "key": key,
            "label": label,
            "runs": runs,
            "median_ms": statistics.median(timings),
            "min_ms": min(timings),
            "max_ms": max(timings),
            "queries": max(queries),
            "queries_min": min(queries),
            "peak_mb": peak / 2**20,
            "detail": result if isinstance(result, (int, float, str)) else None,
        }
        self.rows.append(row)
        log(f"{key}: {row['median_ms']:.1f} ms, {row['queries']} queries, {row['peak_mb']:.1f} MB")
        return row

    # ------------------------------------------------------------------
    def setup(self):
        env = self.env
        if self.args.kpi_index == "drop":
            env.cr.execute("DROP INDEX IF EXISTS hr_work_diary_line_kpi_index")
        elif self.args.kpi_index == "create" and hasattr(type(env["hr.civil.kpi"]), "init"):
            env["hr.civil.kpi"].init()
        env.cr.commit()
        self.company = env.ref("base.main_company")
        cr = env.cr
        cr.execute("SELECT min(date), max(date) FROM hr_work_diary_line WHERE state = 'approved'")
        first, last = cr.fetchone()
        quarter = (first.month - 1) // 3 + 1
        self.year, self.quarter = first.year, quarter
        self.date_from = date(first.year, 3 * quarter - 2, 1)
        self.date_to = date(first.year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1) - timedelta(1)
        self.employees = env["hr.employee"].search([("company_id", "=", self.company.id), ("job_id", "!=", False)])
        self.n = len(self.employees)
        cr.execute(
            "SELECT count(*) FROM hr_work_diary_line WHERE state = 'approved' AND date BETWEEN %s AND %s",
            [self.date_from, self.date_to],
        )
        self.approved_lines = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM hr_work_diary_line")
        self.all_lines = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM account_analytic_line")
        self.peer_lines = cr.fetchone()[0]
        users = env["res.users"].search([("login", "in", ("bench_director", "bench_staff_0001", "bench_div_001"))])
        self.director = users.filtered(lambda u: u.login == "bench_director")
        self.staff = users.filtered(lambda u: u.login == "bench_staff_0001")
        self.division = env["hr.department"].search([("name", "=", "Phòng 001")], limit=1)
        for user in users.filtered(lambda u: not u.email):  # databases generated before the e-mails were set
            user.email = f"{user.login}@benchmark.invalid"
        env.cr.commit()
        log(f"{self.n} employees, {self.approved_lines} approved lines in {self.date_from} – {self.date_to}")

    def evaluation(self):
        """The quarter's evaluation, created once and committed (the reports read it)."""
        env = self.env
        evaluation = env["hr.civil.evaluation"].search(
            [("period_type", "=", "quarter"), ("year", "=", self.year), ("quarter", "=", str(self.quarter))], limit=1
        )
        if not evaluation:
            log("creating the quarter's evaluation for the reports")
            self.run_wizard()
            env.cr.commit()
            evaluation = env["hr.civil.evaluation"].search(
                [("period_type", "=", "quarter"), ("year", "=", self.year), ("quarter", "=", str(self.quarter))],
                limit=1,
            )
        return evaluation

    def drop_evaluation(self):
        """Each run of the wizard creates the quarter's campaign afresh (the run is rolled back after)."""
        self.env.cr.execute(
            "DELETE FROM hr_civil_evaluation WHERE period_type = 'quarter' AND year = %s AND quarter = %s",
            [self.year, str(self.quarter)],
        )

    def run_wizard(self):
        wizard = (
            self.env["hr.civil.evaluation.wizard"]
            .with_user(self.director)
            .create(
                {
                    "period_type": "quarter",
                    "year": self.year,
                    "quarter": str(self.quarter),
                    "company_id": self.company.id,
                }
            )
        )
        wizard.action_run()
        return self.env["hr.civil.evaluation.line"].search_count([])

    # ------------------------------------------------------------------
    def run(self):
        self.setup()
        env, cr = self.env, self.env.cr
        ids = self.employees.ids
        span = (self.date_from, self.date_to)
        partners = self.employees.work_contact_id.ids
        Kpi = env["hr.civil.kpi"]
        Line = env["hr.work.diary.line"]

        def floor():
            cr.execute(
                """SELECT employee_id, SUM(converted_hours), COUNT(*) FROM hr_work_diary_line
                    WHERE state = 'approved' AND employee_id = ANY(%s) AND date BETWEEN %s AND %s
                 GROUP BY employee_id""",
                [ids, *span],
            )
            return len(cr.fetchall())

        def peer():
            return len(
                env["account.analytic.line"]._read_group(
                    [("partner_id", "in", partners), ("date", ">=", span[0]), ("date", "<=", span[1])],
                    ["partner_id"],
                    ["unit_amount:sum", "__count"],
                )
            )

        def web_read_group():
            return len(
                Line.read_group(
                    [
                        ("employee_id", "in", ids),
                        ("state", "=", "approved"),
                        ("date", ">=", span[0]),
                        ("date", "<=", span[1]),
                    ],
                    ["converted_hours:sum"],
                    ["employee_id"],
                    lazy=False,
                )
            )

        def orm_loop():
            total = 0.0
            for employee_id in ids:
                rows = Line.search_read(
                    [
                        ("employee_id", "=", employee_id),
                        ("state", "=", "approved"),
                        ("date", ">=", span[0]),
                        ("date", "<=", span[1]),
                    ],
                    ["converted_hours"],
                )
                total += sum(row["converted_hours"] for row in rows)
            return len(ids)

        schemes = env["hr.civil.evaluation.scheme"]._for_employees(self.employees, *span)
        self.measure("floor", "KPI floor: bare SQL GROUP BY employee_id", floor)
        self.measure("peer", "KPI peer: account.analytic.line._read_group by employee", peer)
        self.measure(
            "kpi_sql",
            "KPI aggregation: hr.civil.kpi._diary_totals (1 query)",
            lambda: len(Kpi._diary_totals(self.employees, *span)),
        )
        self.measure(
            "kpi",
            "KPI compute, all figures (+ schedules, directives, months)",
            lambda: len(Kpi.compute(self.employees, *span, schemes)),
        )
        self.measure(
            "schedule",
            "  of which: _civil_day_schedule for the quarter",
            lambda: len(self.employees._civil_day_schedule(*span)),
        )
        self.measure("read_group", "reference: web read_group(lazy=False) on diary lines", web_read_group)
        self.measure(
            "orm_loop", "reference: per-employee ORM loop (search_read)", orm_loop, runs=min(self.args.runs, 5)
        )
        self.measure(
            "wizard",
            f"Evaluation wizard, quarter, all {self.n} employees (creates the lines)",
            self.run_wizard,
            prepare=self.drop_evaluation,
        )
        self.submit()
        self.boards()
        self.server = None
        if self.args.portal_port:
            self.start_server()
        try:
            self.reports()
            if self.server:
                self.portal()
        finally:
            if self.server:
                self.server.terminate()
                self.server.wait(60)

    def start_server(self):
        """A server (threaded, one process) for the portal page and for wkhtmltopdf, which fetches the
        report's style sheets from it."""
        import requests

        self.env.cr.commit()
        port = self.args.portal_port
        self.server_log = os.path.join(RESULTS, f"portal_server_{self.args.database}.log")
        command = [
            sys.executable,
            os.environ.get("ODOO_BIN", "/usr/local/bin/odoo"),
            "-d",
            self.args.database,
            *self.args.odoo_args,
            f"--http-port={port}",
            "--http-interface=127.0.0.1",
            "--max-cron-threads=0",
            f"--logfile={self.server_log}",
            "--log-handler=werkzeug:INFO",
        ]
        self.server = subprocess.Popen(command)
        self.base = f"http://127.0.0.1:{port}"
        for _n in range(120):
            try:
                if requests.get(f"{self.base}/web/login", timeout=5).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
        # wkhtmltopdf loads the report assets from this server (not committed: read by this process only)
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base)

    def submit(self):
        env = self.env
        diary = env["hr.work.diary"].search(
            [("employee_id.user_id", "=", self.staff.id), ("state", "=", "draft")], order="date desc", limit=1
        )
        rules = env["hr.work.diary.flag.rule"].search_count([])
        self.submit_diary = diary

        def submit():
            diary.with_user(self.staff).action_submit()
            return env["hr.work.diary.flag"].search_count([("diary_id", "=", diary.id)])

        self.measure("submit", f"Submit one day's sheet (5 lines, {rules} flag rules)", submit)

    def boards(self):
        env = self.env
        Board = env["hr.work.diary.board"].with_user(self.director)
        Balance = env["hr.work.diary.balance"].with_user(self.director)
        day = self.date_to - timedelta(days=(self.date_to.weekday() - 4) % 7)  # the quarter's last Friday
        division = self.division
        size = env["hr.employee"].search_count([("department_id", "child_of", division.id)])
        for key, label, dept in (
            ("board_dept", f"Supervisor board, week, one division ({size} people)", division),
            ("board_all", f"Supervisor board, week, whole agency ({self.n})", None),
        ):
            self.measure(
                key,
                label,
                lambda d=dept: len(
                    Board.create(
                        {
                            "date": day,
                            "period": "week",
                            "department_id": d.id if d else False,
                            "company_id": self.company.id,
                        }
                    ).line_ids
                ),
            )
        for key, label, dept in (
            ("balance_dept", f"Workload balance, quarter, one division ({size} people)", division),
            ("balance_all", f"Workload balance, quarter, whole agency ({self.n})", None),
        ):
            self.measure(
                key,
                label,
                lambda d=dept: len(
                    Balance.create(
                        {
                            "date_from": self.date_from,
                            "date_to": self.date_to,
                            "department_id": d.id if d else False,
                            "company_id": self.company.id,
                        }
                    ).line_ids
                ),
            )

    def reports(self):
        env = self.env
        wanted = {"ranking_html", "ranking_pdf", "xlsx"}
        if (self.only and not wanted & self.only) or wanted <= self.skip:
            return
        report = env.ref("hr_civil_service.hr_civil_evaluation_print_ranking", raise_if_not_found=False)
        if not report:
            log("the unit ranking report does not exist yet: skipped")
            return
        evaluation = self.evaluation()
        Report = env["ir.actions.report"].with_user(self.director).with_context(force_report_rendering=True)
        lines = len(evaluation.line_ids)
        self.measure(
            "ranking_html",
            f"Unit ranking, HTML render ({lines} lines)",
            lambda: len(Report._render_qweb_html(report.report_name, evaluation.ids)[0]),
        )
        self.measure(
            "ranking_pdf",
            f"Unit ranking, PDF ({lines} lines, HTML + wkhtmltopdf)",
            lambda: len(Report._render_qweb_pdf(report.report_name, evaluation.ids)[0]),
        )
        Export = env["hr.civil.evaluation.export"].with_user(self.director)
        self.measure(
            "xlsx",
            f"Evaluation XLSX export ({lines} lines)",
            lambda: len(Export.create({"evaluation_id": evaluation.id})._build_xlsx()),
        )

    def portal(self):
        """The day page of one staff member through a running server (one worker: threaded mode)."""
        if (self.only and "portal" not in self.only) or "portal" in self.skip:
            return
        import requests

        logfile = self.server_log
        base = self.base
        session = requests.Session()
        page = session.get(f"{base}/web/login", timeout=30).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        login = self.staff.login
        session.post(f"{base}/web/login", data={"login": login, "password": login, "csrf_token": token}, timeout=30)
        url = f"{base}/my/work-diary/{self.submit_diary.id}"
        timings = []
        for n in range(self.args.runs + 1):
            start = time.perf_counter()
            response = session.get(url, timeout=60)
            elapsed = (time.perf_counter() - start) * 1000
            response.raise_for_status()
            if n:
                timings.append(elapsed)
        time.sleep(0.5)
        with open(logfile, encoding="utf-8") as handle:
            counts = [
                int(m.group(1))
                for m in re.finditer(
                    rf'GET /my/work-diary/{self.submit_diary.id} HTTP/1.1" 200 - (\d+) ', handle.read()
                )
            ]
        self.rows.append(
            {
                "key": "portal",
                "label": "Portal day page of one employee (HTTP GET, warm)",
                "runs": len(timings),
                "median_ms": statistics.median(timings),
                "min_ms": min(timings),
                "max_ms": max(timings),
                "queries": max(counts[1:]) if len(counts) > 1 else None,
                "queries_min": min(counts[1:]) if len(counts) > 1 else None,
                "peak_mb": None,
                "detail": None,
            }
        )
        log(f"portal: {statistics.median(timings):.1f} ms, queries {counts}")

    # ------------------------------------------------------------------
    def explain(self):
        cr = self.env.cr
        out = []
        for name, query in (
            (
                "floor",
                """SELECT employee_id, SUM(converted_hours), COUNT(*) FROM hr_work_diary_line
                          WHERE state = 'approved' AND employee_id = ANY(%s) AND date BETWEEN %s AND %s
                       GROUP BY employee_id""",
            ),
            (
                "kpi_sql",
                """SELECT employee_id,
                       CASE WHEN objective_cause THEN 0 ELSE COALESCE(major_error_count, 0) END AS errors,
                       CASE WHEN objective_cause THEN 0 ELSE COALESCE(delay_count, 0) END AS delays,
                       SUM(converted_hours) AS hours, COUNT(*) AS line_count
                  FROM hr_work_diary_line
                 WHERE state = 'approved' AND employee_id = ANY(%s) AND date BETWEEN %s AND %s
              GROUP BY employee_id, 2, 3""",
            ),
        ):
            cr.execute("EXPLAIN (ANALYZE, BUFFERS) " + query, [self.employees.ids, self.date_from, self.date_to])
            out.append(f"-- {name}\n" + "\n".join(row[0] for row in cr.fetchall()))
        return "\n\n".join(out)

    def save(self):
        os.makedirs(RESULTS, exist_ok=True)
        name = f"bench_{self.n}{'_' + self.args.label if self.args.label else ''}"
        floor = next((row["median_ms"] for row in self.rows if row["key"] == "floor"), None)
        data = {
            "database": self.args.database,
            "employees": self.n,
            "approved_lines": self.approved_lines,
            "all_lines": self.all_lines,
            "peer_lines": self.peer_lines,
            "period": [str(self.date_from), str(self.date_to)],
            "taken": time.strftime("%Y-%m-%d %H:%M:%S"),
            "rows": self.rows,
            "floor_ms": floor,
        }
        if self.args.explain:
            data["explain"] = self.explain()
        path = os.path.join(RESULTS, name + ".json")
        if self.only and os.path.exists(path):  # a partial run replaces its rows in the full run's file
            with open(path, encoding="utf-8") as handle:
                previous = json.load(handle)
            fresh = {row["key"]: row for row in self.rows}
            for row in fresh.values():
                row["taken"] = data["taken"]
            rows = [fresh.pop(row["key"], row) for row in previous["rows"]] + list(fresh.values())
            data = dict(previous, rows=rows, floor_ms=data["floor_ms"] or previous.get("floor_ms"))
            data["partial_reruns"] = [*previous.get("partial_reruns", []), f"{data['taken']}: {self.args.only}"]
            data["taken"] = previous["taken"]
            if self.args.explain:
                data["explain"] = self.explain()
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, default=str)
        text = table(data)
        with open(os.path.join(RESULTS, name + ".md"), "w", encoding="utf-8") as handle:
            handle.write(text)
        print(text)


def fmt(value, digits=1):
    if value is None:
        return "–"
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def table(data):
    floor = data.get("floor_ms")
    lines = [
        f"### {data['employees']:,} employees — {data['approved_lines']:,} approved diary lines "
        f"({data['period'][0]} – {data['period'][1]}), {data['peer_lines']:,} analytic lines; taken {data['taken']}",
        "",
        "| operation | median ms | min ms | max ms | × floor | queries | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in data["rows"]:
        ratio = (
            f"{row['median_ms'] / floor:.2f}"
            if floor and row["key"] in ("floor", "peer", "kpi_sql", "kpi", "read_group", "orm_loop")
            else ""
        )
        queries = row["queries"]
        if queries is not None and row.get("queries_min") not in (None, queries):
            queries = f"{row['queries_min']}–{queries}"
        lines.append(
            f"| {row['label']} | {fmt(row['median_ms'])} | {fmt(row['min_ms'])} | {fmt(row['max_ms'])} | {ratio} "
            f"| {queries if queries is not None else '–'} | {fmt(row['peak_mb'])} |"
        )
    return "\n".join(lines) + "\n"


def report():
    """All results side by side, and the growth from the smallest to the largest database."""
    files = sorted(f for f in os.listdir(RESULTS) if re.fullmatch(r"bench_\d+\.json", f))
    runs = sorted(
        (json.load(open(os.path.join(RESULTS, f), encoding="utf-8")) for f in files), key=lambda d: d["employees"]
    )
    parts = [table(data) for data in runs]
    if len(runs) > 1:
        keys = [row["key"] for row in runs[-1]["rows"]]
        labels = {row["key"]: row["label"] for row in runs[-1]["rows"]}
        head = "| operation | " + " | ".join(f"{d['employees']:,} ms (q)" for d in runs) + " | growth ms/employee |"
        rows = [head, "|---|" + "---:|" * (len(runs) + 1)]
        for key in keys:
            cells, points = [], []
            for data in runs:
                row = next((r for r in data["rows"] if r["key"] == key), None)
                cells.append(f"{fmt(row['median_ms'])} ({row['queries']})" if row else "–")
                if row:
                    points.append((data["employees"], row["median_ms"]))
            growth = ""
            if len(points) > 1 and points[-1][0] != points[0][0]:
                growth = f"{(points[-1][1] - points[0][1]) / (points[-1][0] - points[0][0]):.3f}"
            rows.append(f"| {labels[key]} | " + " | ".join(cells) + f" | {growth} |")
        parts.append("### Growth with the number of employees\n\n" + "\n".join(rows) + "\n")
    for data in runs:
        before_file = os.path.join(RESULTS, f"bench_{data['employees']}_before.json")
        if not os.path.exists(before_file):
            continue
        with open(before_file, encoding="utf-8") as handle:
            before = json.load(handle)
        rows = [
            f"### Before and after the changes, {data['employees']:,} employees "
            f"(before: {before['taken']}, after: {data['taken']})",
            "",
            "| operation | before ms | after ms | before queries | after queries |",
            "|---|---:|---:|---:|---:|",
        ]
        for old in before["rows"]:
            new = next((row for row in data["rows"] if row["key"] == old["key"]), None)
            if new:
                rows.append(
                    f"| {new['label']} | {fmt(old['median_ms'])} | {fmt(new['median_ms'])} | {old['queries']} "
                    f"| {new['queries']} |"
                )
        parts.append("\n".join(rows) + "\n")
    text = "\n".join(parts)
    print(text)
    return text


def main():
    if "--report" in sys.argv:
        report()
        return
    args = parse(__doc__.splitlines()[0], add_arguments)
    with environment(args) as (_registry, env):
        bench = Bench(env, args)
        bench.run()
        bench.save()
        env.cr.rollback()


if __name__ == "__main__":
    main()
