"""SQLite output: documents, items, units and figures in tables, with a full-text index of headlines
and bodies that finds Chinese substrings (FTS5, trigram tokenizer) and that datasette and
sqlite-utils recognise (``content="items"`` and sqlite-utils' triggers).

A database is added to: documents already in it are skipped, so a run can be resumed. It is
written in place, in SQLite's own transactions: a document and all its rows are in one (a batch of
:data:`BATCH` documents is committed when the next document begins), so two exports into one
database at once both land, and an interrupted run (Ctrl-C, SIGTERM, SIGKILL) leaves whole
documents and nothing half-written, which a re-run finishes. A document an older version left
without its items (it committed a document's row before its items) is filled in again.
"""

from __future__ import annotations

import os
import re
from typing import Iterable

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source TEXT, title TEXT, issue INTEGER, issuer TEXT, date TEXT,
    editor TEXT, reviewer TEXT, signer TEXT, distribution TEXT, layout TEXT, encoding TEXT, text TEXT,
    province TEXT, city TEXT, county TEXT, place_code TEXT);
CREATE TABLE IF NOT EXISTS items (
    item_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), seq INTEGER,
    layout TEXT, section TEXT, headline TEXT, body TEXT, number TEXT, level INTEGER, parent TEXT,
    category TEXT, category_label TEXT, duplicate_of TEXT, similarity REAL, span_start INTEGER, span_end INTEGER);
CREATE TABLE IF NOT EXISTS units (
    item_id TEXT NOT NULL REFERENCES items(item_id), name TEXT, canonical TEXT, kind TEXT, source TEXT);
CREATE TABLE IF NOT EXISTS figures (
    item_id TEXT NOT NULL REFERENCES items(item_id), text TEXT, value REAL, unit TEXT,
    normalised_value REAL, normalised_unit TEXT, approx INTEGER, change TEXT, clause TEXT);
CREATE INDEX IF NOT EXISTS items_doc ON items(doc_id);
CREATE INDEX IF NOT EXISTS documents_place ON documents(place_code);
CREATE INDEX IF NOT EXISTS units_item ON units(item_id);
CREATE INDEX IF NOT EXISTS units_canonical ON units(canonical);
CREATE INDEX IF NOT EXISTS figures_item ON figures(item_id);
"""
#: The full-text index as sqlite-utils' ``enable_fts(..., create_triggers=True)`` makes it, so that
#: datasette's ``_search`` and ``sqlite-utils search`` find it; the triggers keep it in step.
FTS_SQL = """
CREATE VIRTUAL TABLE IF NOT EXISTS [items_fts] USING FTS5 (
    [headline], [body], content=[items], tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS [items_ai] AFTER INSERT ON [items] BEGIN
  INSERT INTO [items_fts] (rowid, [headline], [body]) VALUES (new.rowid, new.[headline], new.[body]);
END;
CREATE TRIGGER IF NOT EXISTS [items_ad] AFTER DELETE ON [items] BEGIN
  INSERT INTO [items_fts] ([items_fts], rowid, [headline], [body]) VALUES('delete', old.rowid, old.[headline], old.[body]);
END;
CREATE TRIGGER IF NOT EXISTS [items_au] AFTER UPDATE ON [items] BEGIN
  INSERT INTO [items_fts] ([items_fts], rowid, [headline], [body]) VALUES('delete', old.rowid, old.[headline], old.[body]);
  INSERT INTO [items_fts] (rowid, [headline], [body]) VALUES (new.rowid, new.[headline], new.[body]);
END;
"""
#: FTS_SQL a statement at a time, to run inside a transaction (executescript would commit it).
FTS_STATEMENTS = [s.strip() for s in re.split(r";\s*\n(?=CREATE)", FTS_SQL.strip().rstrip(";")) if s.strip()]
#: The tables a database of ours has: another program's database is refused, not written into.
OUR_TABLES = {"documents", "items", "units", "figures"}


class SqliteError(Exception):
    """A database that is not ours or cannot be written."""


def _upgrade_fts(db) -> None:
    """A database from an earlier version declared its index ``content='items'`` (single quotes,
    which datasette and sqlite-utils do not recognise) and filled it by hand: made again."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").fetchone()
    if row and "content='items'" in row[0]:
        db.execute("DROP TABLE items_fts")
        for statement in ("DROP TRIGGER IF EXISTS items_ai", "DROP TRIGGER IF EXISTS items_ad",
                          "DROP TRIGGER IF EXISTS items_au"):
            db.execute(statement)
        for statement in FTS_STATEMENTS:
            db.execute(statement)
        db.execute("INSERT INTO items_fts(items_fts) VALUES('rebuild')")


#: Documents written in one transaction, at least (a transaction ends where a document does).
BATCH = 200
#: Seconds to wait for another writer's transaction before giving up.
BUSY_TIMEOUT = 120
#: Documents of ours without a single item: left so by an interrupted run of an older version.
HOLLOW_SQL = "SELECT doc_id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.doc_id = d.doc_id)"


#: The columns of the documents table, in the order a row is written.
DOCUMENT_COLUMNS = ("doc_id", "source", "title", "issue", "issuer", "date", "editor", "reviewer", "signer",
                    "distribution", "layout", "encoding", "text", "province", "city", "county", "place_code")
PLACE_COLUMNS = DOCUMENT_COLUMNS[-4:]


def _place(meta: dict) -> tuple:
    """A document's province, city, county and division code (nulls where it has no place)."""
    place = meta.get("place") if isinstance(meta.get("place"), dict) else {}
    return place.get("province"), place.get("city"), place.get("county"), place.get("code")


def _add_place_columns(db) -> None:
    """Give a database an earlier version made the place columns (null for the documents in it)."""
    have = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
    if have:
        for column in PLACE_COLUMNS:
            if column not in have:
                db.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT")


class SqliteWriter:
    """Items (and documents) into a SQLite database; documents already there are skipped."""

    def __init__(self, path: str) -> None:
        import sqlite3

        self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise SqliteError(f"not a SQLite database ({exc})") from None
        plain = {t for t in tables if not t.startswith(("items_fts", "sqlite_"))}
        if plain and not OUR_TABLES <= plain:
            self.db.close()
            raise SqliteError(f"another program's database (tables {', '.join(sorted(plain))}); "
                              "give a new file name")
        self.db.execute("BEGIN IMMEDIATE")  # one writer sets the tables up; another waits its turn
        _add_place_columns(self.db)
        for statement in [s for s in SCHEMA_SQL.split(";") if s.strip()] + FTS_STATEMENTS:
            self.db.execute(statement)
        _upgrade_fts(self.db)
        self.db.execute("COMMIT")
        self.known = {row[0] for row in self.db.execute("SELECT doc_id FROM documents")}
        self.hollow = {row[0] for row in self.db.execute(HOLLOW_SQL)}
        self.new_docs: set[str] = set()
        self.taken: set[str] = set()  # documents of new_docs that were there without items
        self.skipped: set[str] = set()
        self.items = self.units = self.figures = 0
        self.present_items = 0  # items left out: their document was in the database before this run
        self.repeated_items = 0  # items left out: their document was written earlier in this run
        self.marked = 0  # items written that repeat an earlier item (duplicate_of set)
        self.pending = 0  # documents written in the open transaction
        self.current: object = None  # the document of the last record
        self.db.execute("BEGIN IMMEDIATE")

    def _claim(self, doc_id: str, item: bool = False) -> bool:
        """Whether this run writes ``doc_id``: not in the database when it started, nor written
        since by another run (the transaction holds the write lock, so the answer stays true);
        or, for an ``item``, a document there without items (see :meth:`_take_over`)."""
        if doc_id in self.known:
            return item and self._take_over(doc_id)
        if doc_id not in self.new_docs and self.db.execute(
                "SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone():
            self.known.add(doc_id)
            return False
        return True

    def _take_over(self, doc_id: str) -> bool:
        """A document an interrupted run left without its items (an older version committed its
        row first) is this run's to finish, unless another run has finished it meanwhile."""
        if doc_id not in self.hollow:
            return False
        self.hollow.discard(doc_id)
        if self.db.execute("SELECT 1 FROM items WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone():
            return False
        self.known.discard(doc_id)
        self.skipped.discard(doc_id)
        self.new_docs.add(doc_id)
        self.taken.add(doc_id)
        self.pending += 1
        return True

    def _next_document(self, doc_id: object) -> None:
        """A record of another document than the last: the last is whole, so every :data:`BATCH`
        documents the transaction is committed here, between two documents, and other writers get
        their turn."""
        self.current = doc_id
        if self.pending >= BATCH:
            self.db.execute("COMMIT")
            self.db.execute("BEGIN IMMEDIATE")
            self.pending = 0

    def _document(self, doc_id: str, rec: dict, meta: dict) -> None:
        self.db.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
            (doc_id, rec.get("source"), meta.get("title"), meta.get("issue"), meta.get("issuer"), meta.get("date"),
             meta.get("editor"), meta.get("reviewer"), meta.get("signer"), meta.get("distribution"),
             rec.get("layout"), rec.get("encoding"), rec.get("text"), *_place(meta)))
        self.new_docs.add(doc_id)
        self.pending += 1

    def add(self, rec: dict) -> None:
        doc_id = rec.get("doc_id")
        if doc_id != self.current:
            self._next_document(doc_id)
        if rec.get("type") == "document":
            if not self._claim(doc_id):
                self.skipped.add(doc_id)
            elif doc_id not in self.new_docs:
                self._document(doc_id, rec, {})
            return
        if rec.get("type") != "item" or not self._claim(doc_id, item=True):
            if rec.get("type") == "item":
                self.skipped.add(doc_id)
                self.present_items += 1
            return
        meta = rec.get("doc") or {}
        if doc_id not in self.new_docs:
            self._document(doc_id, rec, meta)
        elif meta:
            self.db.execute(
                "UPDATE documents SET title=?, issue=?, issuer=?, date=?, editor=?, reviewer=?, signer=?, "
                "distribution=?, layout=COALESCE(layout, ?), province=?, city=?, county=?, place_code=? "
                "WHERE doc_id=? AND title IS NULL AND date IS NULL",
                (meta.get("title"), meta.get("issue"), meta.get("issuer"), meta.get("date"), meta.get("editor"),
                 meta.get("reviewer"), meta.get("signer"), meta.get("distribution"), rec.get("layout"),
                 *_place(meta), doc_id))
        tags = rec.get("tags") or {}
        cat = tags.get("category") or {}
        span = rec.get("span") or [None, None]
        rec = {**rec, "item_id": rec.get("item_id") or f"{doc_id}:{rec.get('seq')}"}
        cur = self.db.execute(
            "INSERT OR IGNORE INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rec["item_id"], doc_id, rec.get("seq"), rec.get("layout"), rec.get("section"), rec.get("headline"),
             rec.get("body"), rec.get("number"), rec.get("level"), rec.get("parent"), cat.get("key"),
             cat.get("label"), tags.get("duplicate_of"), tags.get("similarity"), span[0], span[1]))
        if cur.rowcount != 1:  # the same document twice in one run: its items are there already
            self.repeated_items += 1
            return
        units = tags.get("units") or [{"name": u, "canonical": None, "kind": None, "source": "attribution"}
                                      for u in rec.get("units") or []]
        self.db.executemany("INSERT INTO units VALUES (?,?,?,?,?)",
                            [(rec["item_id"], u.get("name"), u.get("canonical"), u.get("kind"), u.get("source"))
                             for u in units])
        figures = tags.get("figures") or []
        self.db.executemany(
            "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?)",
            [(rec["item_id"], f.get("text"), f.get("value"), f.get("unit"), (f.get("normalised") or {}).get("value"),
              (f.get("normalised") or {}).get("unit"), int(bool(f.get("approx"))), f.get("change"), f.get("clause"))
             for f in figures])
        self.items += 1
        self.marked += tags.get("duplicate_of") is not None
        self.units += len(units)
        self.figures += len(figures)

    def close(self, commit: bool = True) -> None:
        """Commit what is written (or, with ``commit`` false, roll the open batch back) and close."""
        if self.db.in_transaction:
            self.db.execute("COMMIT" if commit else "ROLLBACK")
        self.db.close()

    def undo(self) -> int | None:
        """After a failed write (a full disk): roll the open batch back and take out what this
        run committed, so that the database is as it was before the run; the documents left in
        it, or None where that failed too (what was committed stays: whole documents, which a
        re-run skips)."""
        import sqlite3

        try:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("CREATE TEMP TABLE undone (doc_id TEXT PRIMARY KEY, whole INTEGER)")
            self.db.executemany("INSERT INTO undone VALUES (?, ?)",
                                [(d, d not in self.taken) for d in self.new_docs])
            for statement in UNDO_SQL:
                self.db.execute(statement)
            self.db.execute("COMMIT")
            return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            return None


#: What :meth:`SqliteWriter.undo` runs: the rows of the documents in ``undone`` go, and the
#: documents too where this run wrote them whole (not those an older run left without items).
UNDO_SQL = [
    *(f"DELETE FROM {table} WHERE item_id IN (SELECT item_id FROM items WHERE doc_id IN "
      "(SELECT doc_id FROM undone))" for table in ("units", "figures")),
    "DELETE FROM items WHERE doc_id IN (SELECT doc_id FROM undone)",
    "DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM undone WHERE whole)",
]


def write_database(records: Iterable[dict], path: str) -> SqliteWriter:
    """Write ``records`` into the database ``path`` (made if it is not there). Should writing
    fail (a full disk), the database is left as it was before the run (no file, if the run made
    it) and :class:`~bulletin_cli.export.files.OutputFailed` says so; interrupted, it keeps the
    whole documents it committed."""
    import sqlite3

    from .files import OutputFailed

    created = not os.path.exists(path)
    try:
        writer = SqliteWriter(path)
    except sqlite3.Error:
        if created:
            remove_database(path)
        raise
    try:
        for rec in records:
            writer.add(rec)
        writer.close()
    except sqlite3.Error as exc:
        left = writer.undo()
        writer.db.close()
        if created and left == 0:
            remove_database(path)
        kept = ("it is as it was before the run" if left is not None else
                "the documents it holds are whole; run again to finish")
        raise OutputFailed(f"cannot write the database ({exc}): {kept}") from None
    except BaseException:
        writer.close(commit=False)
        raise
    return writer


def remove_database(path: str) -> None:
    """A database and its journal (which SQLite would otherwise play back into a new file of
    that name): one this run made and could not write, or one ``--force`` replaces."""
    for name in (path, path + "-journal"):
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass
