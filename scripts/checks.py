#!/usr/bin/env python3
"""Checks behind scripts/run-tests and scripts/update-i18n (run them, not this file, day to day).

Subcommands:
  manifest | xml | csv | po | i18n-sync   static checks of the addon at ROOT
  odoo-log LOG [--allowlist F]             read an Odoo log: test counts, skips, WARNING+ lines
  i18n-fresh EXPORT_POT                    compare Odoo's export with i18n/*.pot and i18n/vi.po
  merge-po POT PO                          write POT's terms into PO, keeping its translations

Each check prints its findings, then one line `RESULT <PASS|FAIL> <detail>`; the exit code is 0 on
PASS, 1 on FAIL. Only the standard library is needed, except polib (po, i18n-*, merge-po) and
lxml (xml: the standard parser is used when lxml is missing).
"""

import argparse
import ast
import csv
import glob
import os
import re
import sys

MODULE = "hr_civil_service"
VERSION_RE = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
REQUIRED_KEYS = ("name", "version", "license", "depends", "data")
DATA_FOLDERS = ("security", "data", "views", "reports", "wizards", "demo")
SKIP_DIRS = {".git", "__pycache__", "node_modules", ".ruff_cache", ".pytest_cache", "build", "dist", ".odoo-test"}
ACCESS_HEADER = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]
VI_PO = os.path.join("i18n", "vi.po")
POT = os.path.join("i18n", f"{MODULE}.pot")
MAX_LISTED = 60


def result(ok, detail):
    print(f"RESULT {'PASS' if ok else 'FAIL'} {detail}")
    return 0 if ok else 1


def listed(problems, limit=MAX_LISTED):
    for line in problems[:limit]:
        print(f"  {line}")
    if len(problems) > limit:
        print(f"  ... and {len(problems) - limit} more")


def walk_files(root, extensions):
    """Files under root with one of the extensions, relative to root, sorted; hidden/build folders skipped."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in files:
            if name.endswith(extensions):
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


def read_manifest(root):
    with open(os.path.join(root, "__manifest__.py"), encoding="utf-8") as handle:
        return ast.literal_eval(handle.read())


# ---------------------------------------------------------------------------------------------- static


def _manifest_keys_problems(manifest):
    problems = [f"missing required key '{key}'" for key in REQUIRED_KEYS if key not in manifest]
    version = manifest.get("version")
    if "version" in manifest and not (isinstance(version, str) and VERSION_RE.match(version)):
        problems.append(f"version {version!r} does not match {VERSION_RE.pattern}")
    depends = manifest.get("depends", [])
    if not (isinstance(depends, list) and all(isinstance(d, str) for d in depends)):
        problems.append("'depends' is not a list of module names")
    return problems


def _manifest_files_problems(root, manifest, listed_files):
    """Files of 'data'/'demo' exist, once each; every XML/CSV of the data folders is listed."""
    problems = []
    for key in ("data", "demo"):
        files = manifest.get(key, [])
        if not (isinstance(files, list) and all(isinstance(f, str) for f in files)):
            problems.append(f"'{key}' is not a list of paths")
            continue
        for path in files:
            if not os.path.isfile(os.path.join(root, path)):
                problems.append(f"{key}: {path} does not exist")
            if path in listed_files:
                problems.append(f"{key}: {path} is listed twice")
            listed_files.append(path)
    for folder in DATA_FOLDERS:
        for path in walk_files(os.path.join(root, folder), (".xml", ".csv")):
            path = os.path.join(folder, path)
            if path not in listed_files:
                problems.append(f"{path} is in no 'data' or 'demo' list of the manifest")
    return problems


def _manifest_assets_problems(root, manifest):
    problems = [
        f"images: {path} does not exist"
        for path in manifest.get("images", []) or []
        if not os.path.isfile(os.path.join(root, path))
    ]
    for bundle, entries in (manifest.get("assets", {}) or {}).items():
        for entry in entries:
            # "module/path/*.js", or a ("remove"|"prepend"|"before"|..., ..., "module/path") directive
            path = entry if isinstance(entry, str) else (entry[-1] if entry and entry[0] != "include" else None)
            if not (isinstance(path, str) and path.startswith(MODULE + "/")):
                continue
            if not glob.glob(os.path.join(root, path[len(MODULE) + 1 :]), recursive=True):
                problems.append(f"assets {bundle}: {path} matches no file")
    return problems


def check_manifest(root):
    try:
        manifest = read_manifest(root)
    except (OSError, ValueError, SyntaxError) as exc:
        return result(False, f"__manifest__.py does not parse as a Python literal: {exc}")
    if not isinstance(manifest, dict):
        return result(False, "__manifest__.py is not a dict")
    listed_files = []
    problems = (
        _manifest_keys_problems(manifest)
        + _manifest_files_problems(root, manifest, listed_files)
        + _manifest_assets_problems(root, manifest)
    )
    listed(problems)
    return result(not problems, f"{len(listed_files)} data/demo files listed, {len(problems)} problem(s)")


def check_xml(root):
    try:
        from lxml import etree

        def parse(path):
            etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))

        parse_error = etree.XMLSyntaxError
    except ImportError:
        import xml.etree.ElementTree as ElementTree

        def parse(path):
            ElementTree.parse(path)

        parse_error = ElementTree.ParseError
    files = walk_files(root, (".xml",))
    problems = []
    for path in files:
        try:
            parse(os.path.join(root, path))
        except parse_error as exc:
            problems.append(f"{path}: {exc}")
    listed(problems)
    return result(not problems, f"{len(files)} XML file(s), {len(problems)} not well-formed")


def _access_problems(path, header, rows):
    """ir.model.access.csv: Odoo's 8 columns, an id and a model on each line, permissions 0 or 1."""
    if header != ACCESS_HEADER:
        return [f"{path}:1: header must be {','.join(ACCESS_HEADER)}"]
    problems = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or len(row) != len(header):
            continue
        if not row[0].strip() or not row[2].strip():
            problems.append(f"{path}:{number}: empty id or model_id:id")
        for column, value in zip(header[4:], row[4:], strict=True):
            if value.strip() not in ("0", "1"):
                problems.append(f"{path}:{number}: {column} is '{value}', expected 0 or 1")
    return problems


def _csv_problems(root, path):
    try:
        with open(os.path.join(root, path), encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return [f"{path}: {exc}"]
    if not rows or not any(cell.strip() for cell in rows[0]):
        return [f"{path}: no header line"]
    header = [cell.strip() for cell in rows[0]]
    problems = []
    if len(set(header)) != len(header):
        problems.append(f"{path}:1: duplicate column names in the header")
    ids = {}
    for number, row in enumerate(rows[1:], start=2):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(f"{path}:{number}: {len(row)} columns, the header has {len(header)}")
        elif header[0] == "id":
            if row[0] in ids:
                problems.append(f"{path}:{number}: id '{row[0]}' already on line {ids[row[0]]}")
            ids.setdefault(row[0], number)
    if os.path.basename(path).split("-")[0].removesuffix(".csv") == "ir.model.access":
        problems += _access_problems(path, header, rows)
    return problems


def check_csv(root):
    files = walk_files(root, (".csv",))
    problems = [problem for path in files for problem in _csv_problems(root, path)]
    listed(problems)
    return result(not problems, f"{len(files)} CSV file(s), {len(problems)} problem(s)")


def _import_polib():
    try:
        import polib
    except ImportError:
        print("  polib is not installed: the .po checks cannot run")
        return None
    return polib


def _load_po(polib, path):
    return polib.pofile(path, check_for_duplicates=True, wrapwidth=78)


def _entries(po):
    """{(msgctxt, msgid): entry} of the live (not obsolete) entries, header left out."""
    return {(e.msgctxt, e.msgid): e for e in po if not e.obsolete and e.msgid}


def _key_text(key):
    msgctxt, msgid = key
    text = msgid if len(msgid) <= 100 else msgid[:97] + "..."
    text = text.replace("\n", "\\n")
    return f"[{msgctxt}] {text!r}" if msgctxt else repr(text)


def check_po(root):
    polib = _import_polib()
    if polib is None:
        return result(False, "polib missing")
    files = sorted(glob.glob(os.path.join(root, "i18n", "*.po")) + glob.glob(os.path.join(root, "i18n", "*.pot")))
    problems = []
    if not os.path.isfile(os.path.join(root, VI_PO)):
        problems.append(f"{VI_PO} does not exist")
    untranslated = fuzzy = 0
    for path in files:
        rel = os.path.relpath(path, root)
        try:
            po = _load_po(polib, path)
        except (OSError, ValueError) as exc:
            problems.append(f"{rel}: {exc}")
            continue
        if rel != VI_PO:
            continue
        for entry in po:
            if entry.obsolete or not entry.msgid:
                continue
            where = f"{rel}:{entry.linenum}"
            if "fuzzy" in entry.flags:
                fuzzy += 1
                problems.append(f"{where}: fuzzy {_key_text((entry.msgctxt, entry.msgid))}")
            if not entry.translated() and "fuzzy" not in entry.flags:
                untranslated += 1
                problems.append(f"{where}: untranslated {_key_text((entry.msgctxt, entry.msgid))}")
    listed(problems)
    detail = f"{len(files)} PO/POT file(s); {VI_PO}: {untranslated} untranslated, {fuzzy} fuzzy"
    return result(not problems, detail)


def check_i18n_sync(root):
    """i18n/vi.po holds exactly the terms of i18n/hr_civil_service.pot."""
    polib = _import_polib()
    if polib is None:
        return result(False, "polib missing")
    missing_files = [p for p in (POT, VI_PO) if not os.path.isfile(os.path.join(root, p))]
    if missing_files:
        return result(False, f"missing {', '.join(missing_files)} (scripts/update-i18n writes them)")
    try:
        pot = _entries(_load_po(polib, os.path.join(root, POT)))
        po = _entries(_load_po(polib, os.path.join(root, VI_PO)))
    except (OSError, ValueError) as exc:
        return result(False, f"cannot read the catalogues: {exc}")
    not_in_po = sorted(set(pot) - set(po), key=str)
    stale = sorted(set(po) - set(pot), key=str)
    listed([f"in {POT}, not in {VI_PO}: {_key_text(k)}" for k in not_in_po])
    listed([f"in {VI_PO}, not in {POT} (stale): {_key_text(k)}" for k in stale])
    ok = not not_in_po and not stale
    if not ok:
        print("  -> run scripts/update-i18n, then translate the new entries")
    return result(ok, f"{len(pot)} term(s) in the .pot; {len(not_in_po)} missing from vi.po, {len(stale)} stale")


# ------------------------------------------------------------------------------------------ odoo log

# 2025-01-31 12:34:56,789 1234 WARNING dbname odoo.some.logger: message
LOG_LINE = re.compile(
    r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?P<pid>\d+) (?P<level>[A-Z_]+) (?P<db>\S+) "
    r"(?P<logger>[^\s:]+): ?(?P<msg>.*)$"
)
BAD_LEVELS = {"WARNING", "ERROR", "CRITICAL"}
# odoo/tests/result.py: "%s failed, %s error(s) of %s tests when loading database %r"
TEST_RESULT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
# odoo/modules/loading.py: "Module %s: %d failures, %d errors of %d tests" and, at the end of the
# loading, "At least one test failed when loading the modules."
MODULE_RESULT = re.compile(
    r"^(Module \S+: \d+ failures, \d+ errors of \d+ tests|At least one test failed when loading the modules\.)$"
)
# odoo/tests/result.py addSkip: "skipped %s : %s"
SKIP = re.compile(r"^skipped (?P<test>.*?) : ?(?P<reason>.*)$")
# Reasons odoo/tests/common.py gives when a browser test cannot run (websocket-client missing,
# Chrome missing or not answering): such a tour has not passed.
TOOL_SKIP = re.compile(r"websocket|chrom|devtools|browser|not found", re.IGNORECASE)
TOOL_MISSING = re.compile(
    r"websocket-client module is not installed|Chrome executable not found|Cannot connect to chrome dev tools"
    r"|Error during Chrome|Failed to detect chrome devtools port"
)


def read_allowlist(path):
    patterns = []
    if path and os.path.isfile(path):
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                try:
                    patterns.append(re.compile(line))
                except re.error as exc:
                    print(f"  {path}:{number}: bad regex ({exc}); line ignored")
    return patterns


def is_test_report(match):
    """A line that only reports a failing test (counted with the tests, not as a log problem)."""
    logger, msg = match["logger"], match["msg"].strip()
    if logger == "odoo.tests.result" and TEST_RESULT.search(msg):
        return True
    if logger == "odoo.modules.loading" and MODULE_RESULT.match(msg):
        return True
    return ".tests." in logger and msg.startswith(("FAIL: ", "ERROR: "))


def _bad_block(lines, index, context_lines=25):
    """The offending line and its continuation lines (a traceback, say)."""
    block = [lines[index]]
    for following in lines[index + 1 : index + 1 + context_lines]:
        if LOG_LINE.match(following):
            break
        block.append(following)
    return block


def _print_log_findings(path, bad, tool, skipped, failures):
    if failures:
        print(f"  {len(failures)} failing test(s) (FAIL:/ERROR: lines of the log):")
        for block in failures[:15]:
            for text in block:
                print(f"    {text}")
        if len(failures) > 15:
            print(f"    ... and {len(failures) - 15} more in {path}")
    if bad:
        print(f"  {len(bad)} log line(s) at WARNING or above (not in the allow-list):")
        for block in bad[:40]:
            for text in block:
                print(f"    {text}")
        if len(bad) > 40:
            print(f"    ... and {len(bad) - 40} more in {path}")
    if tool:
        print(f"  {len(tool)} line(s) telling of a test skipped or crippled for a missing browser/websocket-client:")
        listed(tool, 20)
    if skipped:
        print(f"  {len(skipped)} test(s) skipped:")
        listed(skipped, 20)


def parse_odoo_log(path, allowlist_path, vars_path):
    allow = read_allowlist(allowlist_path)
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().splitlines()
    stats = {"result_found": 0, "tests_run": 0, "tests_failed": 0, "tests_errors": 0, "allowed_lines": 0}
    bad, tool, skipped, failures = [], [], [], []
    tool_skips = 0
    for index, line in enumerate(lines):
        match = LOG_LINE.match(line)
        if not match:
            if TOOL_MISSING.search(line):
                tool.append(line)
            continue
        level, msg = match["level"], match["msg"]
        result_match = TEST_RESULT.search(msg) if match["logger"] == "odoo.tests.result" else None
        if result_match:
            failed, errors, run = (int(x) for x in result_match.groups())
            stats.update(result_found=1, tests_failed=failed, tests_errors=errors, tests_run=run)
        skip = SKIP.match(msg) if level == "INFO" else None
        if skip and TOOL_SKIP.search(skip["reason"]):
            tool.append(line)
            tool_skips += 1
        elif skip:
            skipped.append(line)
        elif TOOL_MISSING.search(msg):
            tool.append(line)
        if level in BAD_LEVELS and is_test_report(match):
            if match["msg"].startswith(("FAIL: ", "ERROR: ")):
                failures.append(_bad_block(lines, index, context_lines=40))
        elif level in BAD_LEVELS:
            if any(pattern.search(line) for pattern in allow):
                stats["allowed_lines"] += 1
            else:
                bad.append(_bad_block(lines, index))
    # tool_skips: tests skipped for a missing tool; tool_lines: every line telling of a missing tool.
    stats.update(bad_lines=len(bad), tool_skips=tool_skips, tool_lines=len(tool), tests_skipped=len(skipped))
    _print_log_findings(path, bad, tool, skipped, failures)
    with open(vars_path, "w", encoding="utf-8") as handle:
        for key, value in stats.items():
            handle.write(f"{key}={value}\n")
    return 0


# -------------------------------------------------------------------------------------- i18n (Odoo)


def check_i18n_fresh(root, export_path):
    """The terms Odoo exports for the module == those of the committed .pot == those of vi.po (translated)."""
    polib = _import_polib()
    if polib is None:
        return result(False, "polib missing")
    try:
        exported = _entries(_load_po(polib, export_path))
    except (OSError, ValueError) as exc:
        return result(False, f"cannot read Odoo's export {export_path}: {exc}")
    problems = []
    for rel in (POT, VI_PO):
        path = os.path.join(root, rel)
        if not os.path.isfile(path):
            problems.append(f"{rel} does not exist")
            continue
        try:
            committed = _entries(_load_po(polib, path))
        except (OSError, ValueError) as exc:
            problems.append(f"{rel}: {exc}")
            continue
        for key in sorted(set(exported) - set(committed), key=str):
            problems.append(f"{rel}: missing {_key_text(key)}")
        for key in sorted(set(committed) - set(exported), key=str):
            problems.append(f"{rel}: stale (no longer in the code) {_key_text(key)}")
        if rel == VI_PO:
            for key in sorted(set(exported) & set(committed), key=str):
                if not committed[key].msgstr.strip():
                    problems.append(f"{rel}: untranslated {_key_text(key)}")
    listed(problems)
    if problems:
        print("  -> run scripts/update-i18n, then translate the new entries of i18n/vi.po")
    return result(not problems, f"{len(exported)} term(s) exported by Odoo, {len(problems)} problem(s)")


def merge_po(pot_path, po_path):
    """Rewrite po_path with the terms of pot_path: translations kept, new terms empty, stale ones dropped."""
    import polib

    pot = polib.pofile(pot_path, wrapwidth=78)
    old = _entries(polib.pofile(po_path, wrapwidth=78)) if os.path.isfile(po_path) else {}
    old_po = polib.pofile(po_path, wrapwidth=78) if os.path.isfile(po_path) else None
    merged = polib.POFile(wrapwidth=78)
    merged.header = pot.header
    merged.metadata = dict(pot.metadata)
    if old_po is not None:
        for key in ("Last-Translator", "Language-Team", "PO-Revision-Date"):
            if old_po.metadata.get(key):
                merged.metadata[key] = old_po.metadata[key]
    merged.metadata["Language"] = "vi"
    merged.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    kept = new = 0
    for entry in pot:
        if entry.obsolete or not entry.msgid:
            continue
        before = old.get((entry.msgctxt, entry.msgid))
        merged_entry = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=before.msgstr if before else "",
            comment=entry.comment,
            tcomment=before.tcomment if before else entry.tcomment,
            occurrences=entry.occurrences,
            flags=[f for f in entry.flags if f != "fuzzy"] + (["fuzzy"] if before and "fuzzy" in before.flags else []),
        )
        if before and before.msgstr:
            kept += 1
        else:
            new += 1
        merged.append(merged_entry)
    stale = len(set(old) - {(e.msgctxt, e.msgid) for e in pot if e.msgid})
    merged.save(po_path)
    print(f"{po_path}: {len(merged)} terms: {kept} translated, {new} to translate, {stale} stale removed")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("manifest", "xml", "csv", "po", "i18n-sync"):
        sub.add_parser(name)
    log = sub.add_parser("odoo-log")
    log.add_argument("log")
    log.add_argument("--allowlist")
    log.add_argument("--vars", required=True, help="file to write key=value results to")
    fresh = sub.add_parser("i18n-fresh")
    fresh.add_argument("export")
    merge = sub.add_parser("merge-po")
    merge.add_argument("pot")
    merge.add_argument("po")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.root)
    static = {
        "manifest": check_manifest,
        "xml": check_xml,
        "csv": check_csv,
        "po": check_po,
        "i18n-sync": check_i18n_sync,
    }
    if args.command in static:
        return static[args.command](root)
    if args.command == "odoo-log":
        return parse_odoo_log(args.log, args.allowlist, args.vars)
    if args.command == "i18n-fresh":
        return check_i18n_fresh(root, args.export)
    return merge_po(args.pot, args.po)


if __name__ == "__main__":
    sys.exit(main())
