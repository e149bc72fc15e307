#!/bin/bash
# The whole benchmark in one run, as quoted in REPORT.md: databases at 100, 1,000 and 5,000 employees must exist
# (see README.md: install, then generate.py). Usage:
#   bash benchmarks/run_all.sh [--before /path/to/addons-with-the-code-before]
# Odoo connection options come from $ODOO_ARGS (default: the local test machine's).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-/opt/odoo18-venv/bin/python3}
ADDONS=${ADDONS:-/opt/odoo18/odoo/addons,/tmp/hrcs_addons}
ODOO_ARGS=${ODOO_ARGS:---db_user odoo --db_password odoo --db_host 127.0.0.1}
SIZES=${SIZES:-100 1000 5000}
BEFORE=""
if [ "${1:-}" = "--before" ]; then BEFORE=$2; fi
mkdir -p "$HERE/results"
run() { echo "== $(date +%T) $*" >&2; "$@"; }

{
  echo "machine: $(nproc) vCPU, $(free -g | awk '/Mem/ {print $2}') GiB, $(psql --version), Odoo $(odoo --version 2>/dev/null)"
  echo "other Odoo processes at start:"
  pgrep -af "odoo.*hrcs_" | grep -v "hrcs_bench" | cut -c1-160 || echo "  none"
} >>"$HERE/results/environment.txt"

# Other Odoo processes on the machine during the run, every 15 s (the figures are only comparable when none run)
(while true; do
  others=$(pgrep -af "odoo.*-d hrcs_" | grep -v "hrcs_bench" | grep -v pgrep | awk '{print $4, $5, $6}' | sort -u | tr '\n' ';')
  [ -n "$others" ] && echo "$(date +%T) $others"
  sleep 15
done) >"$HERE/results/others_during_run.log" 2>/dev/null &
MONITOR=$!
trap 'kill $MONITOR 2>/dev/null' EXIT

if [ -n "$BEFORE" ] && [ "${SKIP_BEFORE:-}" != 1 ]; then
  for N in 1000 5000; do
    run "$PY" "$HERE/bench.py" -d "hrcs_bench_$N" --label before --kpi-index drop \
      --only floor,peer,kpi_sql,kpi,schedule,wizard,submit,board_dept,board_all,balance_dept,balance_all \
      $ODOO_ARGS --addons-path="/opt/odoo18/odoo/addons,$BEFORE" >/dev/null
  done
fi
for N in $SIZES; do
  run "$PY" "$HERE/bench.py" -d "hrcs_bench_$N" --kpi-index create --portal-port 8311 --explain \
    $ODOO_ARGS --addons-path="$ADDONS" >/dev/null
done
run "$PY" "$HERE/bench.py" --report >"$HERE/results/report_tables.md"
run "$PY" "$HERE/load.py" -d hrcs_bench_1000 --port 8313 --workers 4 --users 50 \
  $ODOO_ARGS --addons-path="$ADDONS" >"$HERE/results/load_1000.txt" || echo "load checks FAILED" >&2
if pg_lsclusters 2>/dev/null | grep -q "5433 online"; then
  run "$PY" "$HERE/replica.py" -d hrcs_bench_1000 --port 8314 --replica-port 5433 \
    $ODOO_ARGS --addons-path="$ADDONS" >/dev/null
fi
echo "done: $HERE/results" >&2
