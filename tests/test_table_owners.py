"""Every table has one owning module that alone writes it (docs/architecture.md, «Who owns which
table»).

The source of every module in advocacy/ is read (ast): a write is a `db["t"]` / `db.table("t")`
`.insert/.insert_all/.upsert/.upsert_all/.update/.delete/.delete_where/...` call, or an
`execute`/`executemany`/`executescript` whose SQL (a literal, an f-string, a `+` of literals)
inserts into, replaces into, updates or deletes from a table. A write to a table from any module
but its owner fails, naming the module and the line; so does a write whose table the source does
not name (`db[table]`, `[{table}]`) outside the few mechanisms that work on every table.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from advocacy import db as database

ROOT = Path(__file__).resolve().parent.parent

OWNERS = {
    "arguments": "advocacy.writing.argument_bank",
    "audit_head": "advocacy.audit",
    "audit_log": "advocacy.audit",
    "campaign_counts": "advocacy.events.campaigns",
    "campaign_documents": "advocacy.events.campaigns",
    "campaign_levers": "advocacy.events.campaigns",
    "campaign_meetings": "advocacy.events.campaigns",
    "campaign_statements": "advocacy.events.campaigns",
    "campaigns": "advocacy.events.campaigns",
    "chapters": "advocacy.accounts.accounts",
    "counties": "advocacy.reference",
    "documents": "advocacy.letters.document_rows",
    "drafts": "advocacy.drafts",
    "events": "advocacy.events.events",
    "letter_fingerprints": "advocacy.writing.similarity",
    "letter_history": "advocacy.writing.reader_letters",
    "letter_shingles": "advocacy.writing.similarity",
    "letter_submissions": "advocacy.writing.letter_sending",
    "levers": "advocacy.policy.levers",
    "login_client_failures": "advocacy.accounts.login_limits",
    "login_failures": "advocacy.accounts.login_limits",
    "login_sessions": "advocacy.accounts.sessions",
    "meeting_levers": "advocacy.meetings.meetings",
    "meeting_politicians": "advocacy.meetings.meetings",
    "meetings": "advocacy.meetings.meetings",
    "municipalities": "advocacy.reference",
    "newspaper_municipalities": "advocacy.writing.newspapers",
    "newspapers": "advocacy.writing.newspapers",
    "parties": "advocacy.reference",
    "politicians": "advocacy.politicians.politicians",
    "positions": "advocacy.policy.positions",
    "settings": "advocacy.settings",
    "stances": "advocacy.politicians.stances",
    "statement_history": "advocacy.statements.statements",
    "statement_levers": "advocacy.statements.statements",
    "statement_municipalities": "advocacy.statements.statements",
    "statement_recipients": "advocacy.statements.statement_sending",
    "statement_responses": "advocacy.statements.statement_sending",
    "statements": "advocacy.statements.statements",
    "templates": "advocacy.letters.template_library",
    "trash": "advocacy.privacy.trash",
    "users": "advocacy.accounts.accounts",
}

# The mechanisms that work on every table, each described in docs/architecture.md: they may
# write any table, by name or not.
ACROSS_TABLES = {
    "advocacy.migrations",  # the schema steps (a package: every module in it)
    "advocacy.demo.demo",  # loading the demo data
    "advocacy.demo.demo_letters",  # the demo's reader letters, part of loading it
    "advocacy.demo.demo_removal",  # taking out the is_demo rows of every table
    "advocacy.privacy.erasure",  # a person erased from every text column and stored file
    "advocacy.privacy.trash",  # a record and what cascades from it, moved in and out
}

WRITE_METHODS = {"insert", "insert_all", "upsert", "upsert_all", "update", "delete",
                 "delete_where", "drop", "transform", "truncate"}
EXECUTE = {"execute", "executemany", "executescript"}
SQL_WRITE = re.compile(
    r"\b(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|delete\s+from"
    r"|update(?:\s+or\s+\w+)?(?=\s+\S+\s+set\b))\s+(\[[^\]]*\]|\"[^\"]*\"|\S+)",
    re.IGNORECASE)
DYNAMIC = "?"  # a table the source does not name
UNREAD = "…"  # SQL the source does not spell (a parameter, a lookup table): see UNREADABLE_SQL

# Modules whose `execute` takes SQL the scan cannot read, with what it is; a new one has to be
# looked at (and written as literal SQL if it writes).
UNREADABLE_SQL = {
    "advocacy.audit": "the triggers' own definitions (audit_log, audit_head)",
    "advocacy.change_log": "a read of the tables a page of the log names",
    "advocacy.overview": "a count query passed in",
    "advocacy.statements.statement_archive": "a read built from filters",
    "advocacy.statements.statement_sending": "lookups of a recipient by kind",
    "advocacy.statements.statements": "existence checks of a lever or municipality",
}


def _text(node: ast.AST, names: dict[str, list[ast.AST]] | None = None) -> str | None:
    """The SQL a literal, f-string, `+`, `.format()` or `a if c else b` of them spells, or a
    name assigned such a value in the module; `{?}` stands for an interpolation."""
    names = names or {}
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{?}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left, names), _text(node.right, names)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.IfExp):
        parts = [_text(node.body, names), _text(node.orelse, names)]
        return None if None in parts else "\n".join(parts)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"):
        return _text(node.func.value, names)
    if isinstance(node, ast.Name) and node.id in names:
        parts = [_text(value) for value in names[node.id]]
        return None if None in parts else "\n".join(parts)
    return None


def _table(name: str) -> str:
    name = name.strip("[]\"`")
    return name if re.fullmatch(r"\w+", name) else DYNAMIC


def writes(source: str) -> list[tuple[int, str]]:
    """(line, table) of every write in a module's source; table "?" when it is not named."""
    found = []
    tree = ast.parse(source)
    names: dict[str, list[ast.AST]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names.setdefault(target.id, []).append(node.value)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        func = node.func
        target = func.value
        if func.attr in WRITE_METHODS and isinstance(target, ast.Subscript):
            key = target.slice
            found.append((node.lineno, key.value if isinstance(key, ast.Constant) else DYNAMIC))
        elif (func.attr in WRITE_METHODS and isinstance(target, ast.Call)
              and isinstance(target.func, ast.Attribute) and target.func.attr == "table"):
            key = target.args[0] if target.args else None
            found.append((node.lineno, key.value if isinstance(key, ast.Constant) else DYNAMIC))
        elif func.attr in EXECUTE and node.args:
            sql = _text(node.args[0], names)
            if sql is None:
                found.append((node.lineno, UNREAD))
                continue
            found += [(node.lineno, _table(m.group(1))) for m in SQL_WRITE.finditer(sql)]
    return found


def _modules():
    for path in sorted((ROOT / "advocacy").rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        yield name.removesuffix(".__init__"), path


def _across(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in ACROSS_TABLES)


def test_every_table_of_the_schema_has_an_owner(db):
    assert sorted(database.table_counts(db)) == sorted(OWNERS)


def test_every_owner_is_a_module_that_writes_its_table():
    written = {(module, table) for module, path in _modules()
               for _, table in writes(path.read_text(encoding="utf-8"))}
    assert [(t, m) for t, m in OWNERS.items() if (m, t) not in written] == []


def test_no_module_writes_a_table_it_does_not_own():
    wrong = []
    for module, path in _modules():
        if _across(module):
            continue
        for line, table in writes(path.read_text(encoding="utf-8")):
            if table == UNREAD:
                continue
            if table == DYNAMIC:
                wrong.append(f"{module}:{line} writes a table it does not name")
            elif OWNERS.get(table) != module:
                wrong.append(f"{module}:{line} writes {table}, owned by "
                             f"{OWNERS.get(table, 'no module')}")
    assert wrong == []


def test_the_scan_finds_writes_in_every_form():
    source = '''
db["a"].insert({})
db.table("b").upsert_all([])
db[name].delete(1)
db.execute("insert or replace into c (k) values (?)", [1])
db.execute(f"update [d] set x = 1 where id = {i}")
db.execute("UPDATE e SET x = 1")
db.execute(f"delete from [{table}] where 1")
db.execute(sql)
q = "delete from k where id = ?"
db.execute(q, [1])
conn.executemany("""
    replace into h values (?)""", rows)
'''
    assert writes(source) == [(2, "a"), (3, "b"), (4, "?"), (5, "c"), (6, "d"), (7, "e"),
                              (8, "?"), (9, "…"), (11, "k"), (12, "h")]


def test_sql_the_scan_cannot_read_is_known():
    unread = {module for module, path in _modules() if not _across(module)
              and any(t == UNREAD for _, t in writes(path.read_text(encoding="utf-8")))}
    assert unread == set(UNREADABLE_SQL)


def test_the_documents_owner_declares_one_state_machine():
    from advocacy.letters import document_rows

    sources = {m: p.read_text(encoding="utf-8") for m, p in _modules()}
    machines = [m for m, s in sources.items() if re.search(r"^TRANSITIONS\b.*=", s, re.M)
                and m != "advocacy.statements.statements"]
    assert machines == ["advocacy.letters.document_rows"]
    statuses = {b for _, _, b, _ in document_rows.TRANSITIONS}
    assert statuses == set(document_rows.STATUSES)
