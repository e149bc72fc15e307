# shellcheck shell=bash
# Helpers shared by scripts/start-demo, scripts/run-tests and scripts/update-i18n.
# Source it; it defines functions and variables only, and runs nothing else.
#
# Environment (all optional):
#   ODOO_DB_USER (odoo)  ODOO_DB_PASSWORD (odoo)  ODOO_DB_HOST (127.0.0.1)  ODOO_DB_PORT (5432)

MODULE_NAME=hr_civil_service
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)

DB_USER=${ODOO_DB_USER:-odoo}
DB_PASSWORD=${ODOO_DB_PASSWORD:-odoo}
DB_HOST=${ODOO_DB_HOST:-127.0.0.1}
DB_PORT=${ODOO_DB_PORT:-5432}

ODOO_BIN=""       # path of the `odoo` command
ODOO_VERSION=""   # e.g. 18.0-20250506
ODOO_PY=""        # the Python interpreter that runs `odoo` (its shebang)
ODOO_ADDONS=""    # Odoo's own addons folder(s), comma separated

say() { printf '%s\n' "$*"; }
err() { printf '%s\n' "$*" >&2; }

# find_odoo: sets ODOO_BIN, ODOO_VERSION, ODOO_PY, ODOO_ADDONS.
# Returns 1 when there is no `odoo` on PATH, 2 when it is not 18.0 or unusable (message on stderr).
find_odoo() {
    ODOO_BIN=$(command -v odoo 2>/dev/null) || { err "no \`odoo\` command on PATH"; return 1; }
    local out
    out=$(timeout 60 "$ODOO_BIN" --version 2>/dev/null </dev/null | tail -n 1)
    ODOO_VERSION=${out##* }
    case "$ODOO_VERSION" in
        18.0|18.0-*|18.0+*|18.0.*) ;;
        *) err "\`odoo\` on PATH ($ODOO_BIN) is '${out:-unknown}', not Odoo 18.0"; return 2 ;;
    esac
    # The interpreter is the one in the script's shebang (a venv python, usually).
    local real shebang
    real=$(readlink -f "$ODOO_BIN")
    shebang=$(head -n 1 "$real" 2>/dev/null)
    case "$shebang" in
        '#!/usr/bin/env '*) ODOO_PY=$(command -v "${shebang#'#!/usr/bin/env '}") ;;
        '#!'*) ODOO_PY=${shebang#'#!'}; ODOO_PY=${ODOO_PY%% *} ;;
        *) ODOO_PY="" ;;
    esac
    if [ -z "$ODOO_PY" ] || ! "$ODOO_PY" -c 'import odoo' 2>/dev/null; then
        err "cannot find the Python that runs $ODOO_BIN (shebang: '${shebang}')"
        return 2
    fi
    # odoo/addons inside the package (base, web, hr ...), and <root>/addons of a git checkout if any.
    ODOO_ADDONS=$("$ODOO_PY" - <<'PY'
import os
import odoo
pkg = os.path.dirname(os.path.abspath(odoo.__file__))
paths = [os.path.join(pkg, "addons"), os.path.join(os.path.dirname(pkg), "addons")]
print(",".join(p for p in paths if os.path.isdir(os.path.join(p, "web"))))
PY
)
    if [ -z "$ODOO_ADDONS" ]; then
        err "cannot find Odoo's addons folder next to the odoo package of $ODOO_PY"
        return 2
    fi
    return 0
}

# make_addons_dir DIR: DIR/hr_civil_service -> the repository root, so Odoo finds the addon by its name
# whatever the checkout folder is called. Prints the --addons-path value.
make_addons_dir() {
    local dir=$1
    mkdir -p "$dir" || return 1
    ln -sfn "$REPO_ROOT" "$dir/$MODULE_NAME" || return 1
    printf '%s,%s\n' "$ODOO_ADDONS" "$dir"
}

# Odoo's database options, as an array: "${ODOO_DB_ARGS[@]}".
# shellcheck disable=SC2034  # used by the scripts that source this file
ODOO_DB_ARGS=("--db_host=$DB_HOST" "--db_port=$DB_PORT" "--db_user=$DB_USER" "--db_password=$DB_PASSWORD")

pg_ready() {
    command -v pg_isready >/dev/null 2>&1 || { err "pg_isready not found (install postgresql-client)"; return 1; }
    pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 10
}

# psql as the Odoo role; extra arguments are passed to psql.
psql_odoo() {
    PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=10 psql -X -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
        -v ON_ERROR_STOP=1 "$@"
}

db_exists() {
    local found
    found=$(psql_odoo -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" 2>/dev/null)
    [ "$found" = 1 ]
}

# module_state DB: the state of hr_civil_service in that database, or nothing.
module_state() {
    psql_odoo -d "$1" -tAc "SELECT state FROM ir_module_module WHERE name = '$MODULE_NAME'" 2>/dev/null
}

# drop_db DB: --force (PostgreSQL 13+) ends the sessions an interrupted Odoo may have left open.
drop_db() {
    PGPASSWORD=$DB_PASSWORD dropdb --if-exists --force -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$1" 2>/dev/null ||
        PGPASSWORD=$DB_PASSWORD dropdb --if-exists -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$1"
}

# Runs SQL read on stdin as a PostgreSQL superuser, trying the usual ways in turn.
_psql_superuser() {
    local sql
    sql=$(cat)
    printf '%s\n' "$sql" | PGCONNECT_TIMEOUT=10 psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" \
        -U postgres -d postgres -w >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
        if command -v runuser >/dev/null 2>&1; then
            printf '%s\n' "$sql" | runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$DB_PORT" \
                -d postgres >/dev/null 2>&1 && return 0
        fi
        printf '%s\n' "$sql" | su postgres -s /bin/sh -c "psql -X -q -v ON_ERROR_STOP=1 -p '$DB_PORT' -d postgres" \
            >/dev/null 2>&1 && return 0
    fi
    if command -v sudo >/dev/null 2>&1; then
        printf '%s\n' "$sql" | sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$DB_PORT" -d postgres \
            >/dev/null 2>&1 && return 0
    fi
    return 1
}

# ensure_role: the Odoo role exists, can log in with its password and create databases.
ensure_role() {
    if [ "$DB_USER" = postgres ]; then
        err "Odoo refuses to run as the 'postgres' role: set ODOO_DB_USER to a role of its own."
        return 1
    fi
    local can_create
    can_create=$(psql_odoo -d postgres -tAc "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user" \
        2>/dev/null)
    [ "$can_create" = t ] && return 0
    say "Creating or fixing the PostgreSQL role '$DB_USER' (LOGIN CREATEDB) ..."
    # psql variables are quoted by psql itself (:'name'), and format() quotes identifiers/literals.
    if _psql_superuser <<SQL
\\set role '${DB_USER//\'/\'\'}'
\\set pw '${DB_PASSWORD//\'/\'\'}'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \\gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw')
 WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \\gexec
SQL
    then
        can_create=$(psql_odoo -d postgres -tAc "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user" \
            2>/dev/null)
        [ "$can_create" = t ] && return 0
    fi
    err "Cannot log in to PostgreSQL at $DB_HOST:$DB_PORT as '$DB_USER' with CREATEDB, and could not create"
    err "the role as a superuser (tried psql -U postgres, runuser/su postgres, sudo -u postgres)."
    err "Create it yourself:  sudo -u postgres createuser --createdb --pwprompt $DB_USER"
    return 1
}

# free_port: prints a TCP port free on 127.0.0.1.
free_port() {
    "${ODOO_PY:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# port_in_use PORT
port_in_use() {
    "${ODOO_PY:-python3}" - "$1" <<'PY'
import socket
import sys
with socket.socket() as s:
    s.settimeout(1)
    sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)
PY
}
