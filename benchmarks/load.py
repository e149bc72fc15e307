"""Load and fault checks through a multi-worker Odoo server on 127.0.0.1.

    python3 benchmarks/load.py -d hrcs_bench_1000 --port 8313 --workers 4 [--users 50] [odoo options]

The script starts the server itself (``--workers``), on the loopback interface only, and stops it at the end.
Every request loop is bounded (each simulated person does a fixed number of requests, with a timeout).

1. load: ``--users`` staff members (the generator's ``bench_staff_NNNN``, password = login) log in at once and
   each enters two days through the portal (open the day, add 5 tasks, submit). Then every line the server
   acknowledged (303 redirect with ``message=added``) must be in the database exactly once, none lost or doubled,
   and no line the server did not acknowledge may be there twice.
2. race: for ``--races`` submitted sheets, the person's unit head (approver) approves and their division head
   (a Leader, also allowed to decide) returns the same sheet at the same moment (JSON-RPC, a barrier between
   the two threads). The sheet must end in one state, with exactly one decision in its chatter and the other
   call refused with a clear message.
3. kill: the load again, and the server is killed (SIGKILL to its process group) while it runs; after a restart
   every acknowledged line must be in the database exactly once.

The days used are the two working days before the generator's three open days, within the backdating window;
the sheets of those days of the simulated people are deleted (SQL) before each load round.
"""

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import requests
from _odoo import HERE, environment, log, parse

RESULTS = os.path.join(HERE, "results")
LINES = 5


def add_arguments(parser):
    parser.add_argument("--port", type=int, default=8313)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--races", type=int, default=10)
    parser.add_argument(
        "--kill-after", type=float, help="seconds into the third round (default: 40 %% of the first round's time)"
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="per request")


def load_days(today=None):
    today = today or date.today()
    weekdays = [today - timedelta(days=n) for n in range(1, 8) if (today - timedelta(days=n)).weekday() < 5]
    return sorted(weekdays[3:5])  # the generator's open days are the three most recent


class Server:
    def __init__(self, args):
        self.args = args
        self.logfile = os.path.join(RESULTS, f"load_server_{args.database}.log")
        self.process = None

    def start(self):
        command = [
            sys.executable,
            os.environ.get("ODOO_BIN", "/usr/local/bin/odoo"),
            "-d",
            self.args.database,
            *self.args.odoo_args,
            f"--http-port={self.args.port}",
            "--http-interface=127.0.0.1",
            f"--workers={self.args.workers}",
            "--max-cron-threads=0",
            "--limit-time-real=300",
            "--limit-time-cpu=120",
            f"--logfile={self.logfile}",
            "--log-handler=werkzeug:WARNING",
        ]
        self.process = subprocess.Popen(command, start_new_session=True)
        url = f"http://127.0.0.1:{self.args.port}/web/login"
        for _n in range(240):
            try:
                if requests.get(url, timeout=5).ok:
                    log(f"server up (pid {self.process.pid}, {self.args.workers} workers)")
                    return
            except requests.RequestException:
                time.sleep(0.5)
        raise SystemExit("the server did not start")

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(30)
        log(f"server killed (pid {self.process.pid})")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(30)


class Person:
    def __init__(self, base, login, timeout):
        self.base, self.login, self.timeout = base, login, timeout
        self.session = requests.Session()
        # One connection per request: Odoo's prefork workers close a kept-alive connection after 2 s idle, and a
        # request sent on it at that moment is reset before the server reads it (browsers resend it).
        self.session.headers["Connection"] = "close"
        self.acknowledged, self.attempted, self.errors = [], [], []

    def _csrf(self, html):
        match = re.search(r'name="csrf_token" value="([^"]+)"', html)
        return match.group(1) if match else None

    def sign_in(self):
        page = self.session.get(f"{self.base}/web/login", timeout=self.timeout).text
        response = self.session.post(
            f"{self.base}/web/login",
            data={"login": self.login, "password": self.login, "csrf_token": self._csrf(page)},
            timeout=self.timeout,
            allow_redirects=False,
        )
        if response.status_code != 303:
            raise RuntimeError(f"{self.login}: login refused")

    def enter_day(self, day, tasks):
        page = self.session.get(f"{self.base}/my/work-diary", timeout=self.timeout).text
        response = self.session.post(
            f"{self.base}/my/work-diary/new",
            data={"date": day.isoformat(), "csrf_token": self._csrf(page)},
            timeout=self.timeout,
            allow_redirects=False,
        )
        match = re.search(r"/my/work-diary/(\d+)", response.headers.get("Location", ""))
        if not match:
            raise RuntimeError(f"{self.login} {day}: no sheet ({response.status_code})")
        sheet_url = f"{self.base}/my/work-diary/{match.group(1)}"
        token = self._csrf(self.session.get(sheet_url, timeout=self.timeout).text)
        for k, task in enumerate(tasks):
            marker = f"load {self.login} {day.isoformat()} #{k + 1}"
            self.attempted.append(marker)
            response = self.session.post(
                f"{sheet_url}/line/add",
                data={"task_id": task, "name": marker, "quantity": "1", "claimed_hours": "1.5", "csrf_token": token},
                timeout=self.timeout,
                allow_redirects=False,
            )
            if response.status_code == 303 and "message=added" in response.headers.get("Location", ""):
                self.acknowledged.append(marker)
            else:
                self.errors.append(f"{marker}: {response.status_code}")
        response = self.session.post(
            f"{sheet_url}/submit", data={"csrf_token": token}, timeout=self.timeout, allow_redirects=False
        )
        return response.status_code == 303 and "message=submitted" in response.headers.get("Location", "")

    def call(self, model, method, args, kwargs=None):
        response = self.session.post(
            f"{self.base}/web/dataset/call_kw",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            },
            timeout=self.timeout,
        )
        return response.json()


class Load:
    def __init__(self, env, args):
        self.env, self.args = env, args
        self.base = f"http://127.0.0.1:{args.port}"
        self.days = load_days()
        users = env["res.users"].search([("login", "=like", "bench_staff_%")], order="login", limit=args.users)
        self.logins = users.mapped("login")
        self.employees = users.employee_id
        self.tasks = {}
        for employee in self.employees:
            tasks = env["hr.job.task"].search(
                ["|", ("group_id.open_to_all", "=", True), ("job_ids", "in", employee.job_id.ids)], order="id"
            )
            self.tasks[employee.user_id.login] = [str(task.id) for task in tasks[:LINES]]
        self.report = {"days": [str(day) for day in self.days], "users": len(self.logins)}
        # databases generated before the users had e-mails: the chatter needs an author's address
        for user in env["res.users"].search([("login", "=like", "bench_%"), ("email", "=", False)]):
            user.email = f"{user.login}@benchmark.invalid"
        env.cr.commit()

    def reset(self):
        cr = self.env.cr
        cr.execute(
            "DELETE FROM hr_work_diary WHERE employee_id = ANY(%s) AND date = ANY(%s)",
            [self.employees.ids, self.days],
        )
        cr.commit()
        self.env.invalidate_all()

    def round(self, kill_after=None, server=None):
        people = [Person(self.base, login, self.args.timeout) for login in self.logins]
        submitted = []

        def work(person):
            try:
                person.sign_in()
                for day in self.days:
                    if person.enter_day(day, self.tasks[person.login]):
                        submitted.append((person.login, day))
            except (requests.RequestException, RuntimeError) as error:
                person.errors.append(f"{type(error).__name__}: {str(error)[:120]}")

        killer = None
        if kill_after is not None:
            killer = threading.Timer(kill_after, server.kill)
            killer.start()
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=len(people)) as pool:
            list(pool.map(work, people))
        elapsed = time.perf_counter() - start
        if killer:
            killer.join()
        return people, submitted, elapsed

    def check(self, people):
        """Acknowledged lines stored exactly once; nothing stored twice."""
        cr = self.env.cr
        cr.rollback()  # a new snapshot: the server's commits are seen
        self.env.invalidate_all()
        cr.execute(
            """SELECT line.name, COUNT(*) FROM hr_work_diary_line line
                 JOIN hr_work_diary sheet ON sheet.id = line.diary_id
                WHERE sheet.employee_id = ANY(%s) AND sheet.date = ANY(%s)
             GROUP BY line.name""",
            [self.employees.ids, self.days],
        )
        stored = dict(cr.fetchall())
        acknowledged = [marker for person in people for marker in person.acknowledged]
        attempted = [marker for person in people for marker in person.attempted]
        lost = [marker for marker in acknowledged if stored.get(marker, 0) == 0]
        doubled = [marker for marker, count in stored.items() if count > 1]
        unknown = [marker for marker in stored if marker not in set(attempted)]
        committed_unacknowledged = [m for m in attempted if m not in set(acknowledged) and stored.get(m)]
        return {
            "attempted": len(attempted),
            "acknowledged": len(acknowledged),
            "stored": sum(stored.values()),
            "lost": len(lost),
            "doubled": len(doubled),
            "unknown": len(unknown),
            "committed_without_ack": len(committed_unacknowledged),
            "client_errors": sum(len(person.errors) for person in people),
            "client_error_samples": sorted({error for person in people for error in person.errors})[:8],
            "ok": not lost and not doubled and not unknown,
        }

    def race(self, submitted):
        env = self.env
        env.cr.rollback()
        env.invalidate_all()
        Diary = env["hr.work.diary"]
        sheets = Diary.search(
            [("employee_id", "in", self.employees.ids), ("date", "in", self.days), ("state", "=", "submitted")],
            limit=self.args.races,
        )
        results = []
        for sheet in sheets:
            approver = sheet.approver_id
            leader = sheet.employee_id.parent_id.parent_id.user_id  # the division head, a Leader
            a, b = Person(self.base, approver.login, self.args.timeout), Person(self.base, leader.login, 60)
            a.sign_in()
            b.sign_in()
            barrier = threading.Barrier(2)
            answers = {}

            def decide(person, method, kwargs, key, barrier=barrier, answers=answers, sheet_id=sheet.id):
                barrier.wait()
                answers[key] = person.call("hr.work.diary", method, [[sheet_id]], kwargs)

            threads = [
                threading.Thread(target=decide, args=(a, "action_approve", {}, "approve")),
                threading.Thread(target=decide, args=(b, "action_return", {"reason": "Race check: redo"}, "return")),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            env.cr.rollback()
            env.invalidate_all()
            bodies = sheet.message_ids.mapped("body")
            approved_msgs = sum("Diary approved" in (body or "") for body in bodies)
            returned_msgs = sum("Diary returned" in (body or "") for body in bodies)
            refused = [
                key
                for key, answer in answers.items()
                if "error" in answer and "not waiting for approval" in json.dumps(answer["error"])
            ]
            succeeded = [key for key, answer in answers.items() if "result" in answer]
            consistent = (
                len(succeeded) == 1
                and len(refused) == 1
                and sheet.state == ("approved" if succeeded == ["approve"] else "returned")
                and approved_msgs + returned_msgs == 1
            ) or (
                len(succeeded) == 2 and approved_msgs + returned_msgs == 2  # both serialised: both in the chatter
            )
            results.append(
                {
                    "sheet": sheet.id,
                    "state": sheet.state,
                    "won": succeeded,
                    "refused": refused,
                    "ok": consistent,
                    "answers": {
                        key: answer.get("result", True)
                        if "result" in answer
                        else answer.get("error", {}).get("data", {}).get("message", str(answer)[:200])
                        for key, answer in answers.items()
                    },
                }
            )
        return results

    def run(self):
        os.makedirs(RESULTS, exist_ok=True)
        server = Server(self.args)
        server.start()
        try:
            self.reset()
            people, submitted, elapsed = self.round()
            result = self.check(people)
            result.update(seconds=round(elapsed, 1), sheets_submitted=len(submitted))
            result["requests"] = len(self.logins) * (2 + len(self.days) * (4 + LINES))
            result["requests_per_second"] = round(result["requests"] / elapsed, 1)
            self.report["load"] = result
            log(f"load: {result}")
            races = self.race(submitted)
            self.report["race"] = {"sheets": len(races), "ok": all(r["ok"] for r in races), "details": races}
            log(f"race: {self.report['race']['ok']} over {len(races)} sheets")
            self.reset()
            kill_after = self.args.kill_after or round(0.4 * self.report["load"]["seconds"], 1)
            people, _submitted, elapsed = self.round(kill_after=kill_after, server=server)
            server.start()
            result = self.check(people)
            result.update(seconds=round(elapsed, 1), killed_after=kill_after)
            self.report["kill"] = result
            log(f"kill: {result}")
        finally:
            server.stop()
        self.report["ok"] = all(self.report[key]["ok"] for key in ("load", "race", "kill"))
        with open(os.path.join(RESULTS, f"load_{self.args.database}.json"), "w", encoding="utf-8") as handle:
            json.dump(self.report, handle, indent=1, default=str)
        print(json.dumps({key: value for key, value in self.report.items() if key != "race"}, indent=1))
        print(json.dumps({k: v for k, v in self.report["race"].items() if k != "details"}))
        return self.report["ok"]


def main():
    args = parse(__doc__.splitlines()[0], add_arguments)
    with environment(args) as (_registry, env):
        ok = Load(env, args).run()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
