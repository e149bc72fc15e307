"""Show the read-only screens served by a PostgreSQL streaming replica (see SCALE.md for the replica itself).

    python3 benchmarks/replica.py -d hrcs_bench_1000 --port 8314 --replica-port 5433 [odoo options]

Starts a multi-worker server with ``--db_replica_host=127.0.0.1 --db_replica_port=<replica port>``, signs in
as the benchmark's director, and calls the read-only screens: the KPI analysis (``web_read_group`` on the
evaluation analysis and the diary analysis, ``@api.readonly`` in Odoo 18), the unit ranking PDF
(``/report/pdf``, a ``readonly=True`` route of Odoo's), the week summary of the diary (``@api.readonly`` here)
and the portal day page and list (``readonly=True`` routes here); then one write (submitting a sheet) as a
control. While each call runs, a thread samples ``pg_stat_activity`` of the database on the replica and on the
primary, and Odoo's request log line gives the cursor each request ran on (``ro``: the replica, ``rw``: the
primary).
"""

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

import psycopg2
import requests
from _odoo import HERE, environment, log, parse

RESULTS = os.path.join(HERE, "results")


def add_arguments(parser):
    parser.add_argument("--port", type=int, default=8314)
    parser.add_argument("--replica-port", type=int, default=5433)
    parser.add_argument("--workers", type=int, default=2)


class Sampler(threading.Thread):
    """Active queries of the database on one PostgreSQL instance, sampled every few milliseconds."""

    def __init__(self, dsn, database):
        super().__init__(daemon=True)
        self.connection = psycopg2.connect(**dsn)
        self.connection.autocommit = True
        self.database = database
        self.seen, self.running = [], True

    def run(self):
        with self.connection.cursor() as cr:
            while self.running:
                cr.execute(
                    "SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid() AND state = 'active'",
                    [self.database],
                )
                self.seen += [row[0] for row in cr.fetchall()]
                time.sleep(0.003)


def main():
    args = parse(__doc__.splitlines()[0], add_arguments)
    with environment(args) as (_registry, env):
        from odoo.tools import config

        dsn = {"dbname": args.database, "user": config["db_user"], "password": config["db_password"]}
        primary = dict(dsn, host=config["db_host"] or None, port=config["db_port"] or 5432)
        replica = dict(dsn, host="127.0.0.1", port=args.replica_port)
        director = env["res.users"].search([("login", "=", "bench_director")])
        staff = env["res.users"].search([("login", "=", "bench_staff_0002")])
        evaluation = env["hr.civil.evaluation"].search([("period_type", "=", "quarter")], limit=1)
        day_sheet = env["hr.work.diary"].search(
            [("employee_id.user_id", "=", staff.id), ("state", "=", "draft")], order="date desc", limit=1
        )
        director_login, staff_login = director.login, staff.login
        evaluation_id, sheet_id, sheet_ids = evaluation.id, day_sheet.id, day_sheet.ids
        env.cr.rollback()

    os.makedirs(RESULTS, exist_ok=True)
    logfile = os.path.join(RESULTS, f"replica_server_{args.database}.log")
    command = [
        sys.executable,
        os.environ.get("ODOO_BIN", "/usr/local/bin/odoo"),
        "-d",
        args.database,
        *args.odoo_args,
        "--db_replica_host=127.0.0.1",
        f"--db_replica_port={args.replica_port}",
        f"--http-port={args.port}",
        "--http-interface=127.0.0.1",
        f"--workers={args.workers}",
        "--max-cron-threads=0",
        f"--logfile={logfile}",
        "--log-handler=werkzeug:INFO",
    ]
    server = subprocess.Popen(command, start_new_session=True)
    base = f"http://127.0.0.1:{args.port}"
    results = []
    try:
        for _n in range(240):
            try:
                if requests.get(f"{base}/web/login", timeout=5).ok:
                    break
            except requests.RequestException:
                time.sleep(0.5)

        def session_for(login):
            session = requests.Session()
            page = session.get(f"{base}/web/login", timeout=30).text
            token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
            session.post(f"{base}/web/login", data={"login": login, "password": login, "csrf_token": token})
            return session

        boss, person = session_for(director_login), session_for(staff_login)

        def rpc(session, model, method, call_args, kwargs=None):
            def call():
                response = session.post(
                    f"{base}/web/dataset/call_kw/{model}/{method}",
                    json={
                        "jsonrpc": "2.0",
                        "method": "call",
                        "params": {"model": model, "method": method, "args": call_args, "kwargs": kwargs or {}},
                    },
                    timeout=300,
                )
                answer = response.json()
                if "error" in answer:
                    raise RuntimeError(json.dumps(answer["error"])[:300])
                return answer

            return call

        def get(session, url):
            return lambda: session.get(f"{base}{url}", timeout=300).raise_for_status()

        checks = [
            (
                "KPI analysis (evaluation pivot, web_read_group)",
                rpc(
                    boss,
                    "hr.civil.evaluation.analysis",
                    "web_read_group",
                    [[], ["total_score:avg", "quantity_ratio:avg"], ["department_id"]],
                    {"lazy": False},
                ),
            ),
            (
                "Diary analysis (hours per employee, web_read_group)",
                rpc(
                    boss,
                    "hr.work.diary.report",
                    "web_read_group",
                    [[], ["converted_hours:sum"], ["employee_id"]],
                    {"lazy": False},
                ),
            ),
            ("Unit ranking PDF (/report/pdf)", get(boss, f"/report/pdf/{_ranking()}/{evaluation_id}")),
            ("My week summary (get_week_summary)", rpc(person, "hr.work.diary", "get_week_summary", [])),
            ("Portal diary list (/my/work-diary)", get(person, "/my/work-diary")),
            ("Portal day page (/my/work-diary/<id>)", get(person, f"/my/work-diary/{sheet_id}")),
            ("Control, a write: submit a sheet", rpc(person, "hr.work.diary", "action_submit", [sheet_ids])),
        ]
        on_replica, on_primary = Sampler(replica, args.database), Sampler(primary, args.database)
        on_replica.start()
        on_primary.start()
        log_offset = os.path.getsize(logfile)
        for label, call in checks:
            on_replica.seen.clear()
            on_primary.seen.clear()
            start = time.perf_counter()
            error = None
            try:
                call()
            except (RuntimeError, requests.RequestException) as exc:
                error = str(exc)
            elapsed = (time.perf_counter() - start) * 1000
            time.sleep(0.3)
            with open(logfile, encoding="utf-8") as handle:
                handle.seek(log_offset)
                new_lines = handle.read()
                log_offset = handle.tell()
            # Odoo's request log line ends with: queries, query time, other time, cursor mode (ro, rw, ro->rw)
            requests_logged = re.findall(r'"(GET|POST) (\S+) HTTP/1.1" (\d+) - (\d+) \S+ \S+ (ro->rw|ro|rw)', new_lines)
            main_request = requests_logged[-1] if requests_logged else None
            row = {
                "call": label,
                "ms": round(elapsed),
                "replica_queries_seen": len(on_replica.seen),
                "replica_sample": sorted(set(on_replica.seen))[:3],
                "primary_queries_seen": len(on_primary.seen),
                "request": main_request and main_request[1],
                "queries": main_request and int(main_request[3]),
                "cursor": main_request and main_request[4],
                "error": error,
            }
            results.append(row)
            log(json.dumps(row, ensure_ascii=False))
        on_replica.running = on_primary.running = False
        # undo the control write
        with psycopg2.connect(**primary) as connection, connection.cursor() as cr:
            cr.execute("UPDATE hr_work_diary SET state = 'draft' WHERE id = %s", [sheet_id])
            cr.execute("UPDATE hr_work_diary_line SET state = 'draft' WHERE diary_id = %s", [sheet_id])
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)
    table = [
        "| call | ms | Odoo's cursor | queries (Odoo log) | seen running on the replica | seen on the primary |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for row in results:
        table.append(
            f"| {row['call']} | {row['ms']} | {row['cursor']} | {row['queries']} | {row['replica_queries_seen']} "
            f"| {row['primary_queries_seen']} |"
        )
    text = "\n".join(table) + "\n"
    with open(os.path.join(RESULTS, f"replica_{args.database}.json"), "w", encoding="utf-8") as handle:
        json.dump({"results": results}, handle, indent=1, ensure_ascii=False)
    with open(os.path.join(RESULTS, f"replica_{args.database}.md"), "w", encoding="utf-8") as handle:
        handle.write(text)
    print(text)


def _ranking():
    return "hr_civil_service.report_evaluation_ranking"


if __name__ == "__main__":
    main()
