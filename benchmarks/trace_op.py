"""Profile one benchmark operation: cProfile's top functions and the SQL queries grouped by table.

    python3 benchmarks/trace_op.py -d hrcs_bench_1000 --what submit [--sql] [odoo options]

``--what``: kpi, schedule, submit, wizard, board_all, balance_all. The operation runs once to warm up, then
once profiled, both rolled back.
"""

import collections
import cProfile
import io
import logging
import pstats
import re

from _odoo import environment, parse
from bench import Bench


def add_arguments(parser):
    parser.add_argument("--what", required=True)
    parser.add_argument("--sql", action="store_true", help="count the queries by statement and table")
    parser.add_argument("--top", type=int, default=40)


class QueryLog(logging.Handler):
    def __init__(self):
        super().__init__()
        self.queries = []

    def emit(self, record):
        message = record.getMessage()
        if "query: " in message:
            self.queries.append(" ".join(message.split("query: ", 1)[1].split()))


def main():
    args = parse(__doc__.splitlines()[0], add_arguments)
    args.only, args.skip, args.runs, args.label, args.explain, args.portal_port = None, "", 1, "", False, 0
    args.kpi_index = "keep"
    with environment(args) as (_registry, env):
        bench = Bench(env, args)
        bench.setup()
        span = (bench.date_from, bench.date_to)
        diary = env["hr.work.diary"].search(
            [("employee_id.user_id", "=", bench.staff.id), ("state", "=", "draft")], order="date desc", limit=1
        )
        operations = {
            "kpi": lambda: env["hr.civil.kpi"].compute(bench.employees, *span),
            "schedule": lambda: bench.employees._civil_day_schedule(*span),
            "submit": lambda: diary.with_user(bench.staff).action_submit(),
            "wizard": lambda: (bench.drop_evaluation(), bench.run_wizard()),
            "board_all": lambda: (
                env["hr.work.diary.board"]
                .with_user(bench.director)
                .create({"date": bench.date_to, "period": "week", "company_id": bench.company.id})
            ),
            "balance_all": lambda: (
                env["hr.work.diary.balance"]
                .with_user(bench.director)
                .create({"date_from": bench.date_from, "date_to": bench.date_to, "company_id": bench.company.id})
            ),
        }
        operation = operations[args.what]

        def once(profiler=None, handler=None):
            env.cr.execute("SAVEPOINT trace")
            env.invalidate_all()
            logger = logging.getLogger("odoo.sql_db")
            if handler:
                logger.addHandler(handler)
                logger.setLevel(logging.DEBUG)
            if profiler:
                profiler.enable()
            try:
                operation()
                env.flush_all()
            finally:
                if profiler:
                    profiler.disable()
                if handler:
                    logger.removeHandler(handler)
                    logger.setLevel(logging.INFO)
                env.cr.execute("ROLLBACK TO SAVEPOINT trace")

        once()
        profiler, handler = cProfile.Profile(), QueryLog() if args.sql else None
        once(profiler, handler)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
        print(out.getvalue())
        if handler:
            counter = collections.Counter()
            for query in handler.queries:
                match = re.search(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', query)
                counter[(query.split()[0], match.group(1) if match else query[:50])] += 1
            for (statement, table), count in counter.most_common():
                print(f"{count:5d}  {statement:7s} {table}")
            print(f"{len(handler.queries):5d}  queries")
        env.cr.rollback()


if __name__ == "__main__":
    main()
