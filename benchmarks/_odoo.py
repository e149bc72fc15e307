"""Open an Odoo 18 environment on a benchmark database from a plain Python script.

Every benchmark script takes ``-d DB`` plus any Odoo server option it does not know itself (``--db_user``,
``--db_password``, ``--db_host``, ``--addons-path``, ``-c odoo.conf``...), handed to Odoo's own config parser.
"""

import argparse
import contextlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(description, add_arguments):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("-d", "--database", required=True)
    add_arguments(parser)
    args, odoo_args = parser.parse_known_args()
    args.odoo_args = odoo_args
    return args


@contextlib.contextmanager
def environment(args, uid=None):
    """Yield (registry, env) with a cursor that commits on success."""
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.tools import config

    config.parse_config(["-d", args.database, *args.odoo_args])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, uid or SUPERUSER_ID, {"lang": "en_US", "tz": "Asia/Ho_Chi_Minh"})
        yield registry, env


def log(message):
    print(message, file=sys.stderr, flush=True)
