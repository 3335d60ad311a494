"""Records as table rows, for CSV (Excel-friendly), Markdown and the other tabulate formats.

Rows are records flattened with dotted names (``doc.date``, ``tags.category``); lists are joined
with ``；``; cells a spreadsheet would run as formulas are escaped.

>>> flatten({"headline": "县住建局开展核查", "units": ["住建局", "交通运输局"], "doc": {"date": "2023-09-22"}})["units"]
'住建局；交通运输局'
"""

from __future__ import annotations

import json

from ..lexicon.patterns import Regex

LIST_SEPARATOR = "；"
#: Columns of a table export unless --columns says otherwise.
DEFAULT_COLUMNS = (
    "source", "doc.title", "doc.issue", "doc.date", "province", "city", "county", "place_code", "seq", "section", "headline", "units",
    "tags.units", "tags.category", "tags.figures", "body", "layout", "number", "parent", "item_id",
    "tags.duplicate_of",
)
#: Chinese column headers for office users (--headers zh).
ZH_HEADERS = {
    "source": "文件", "doc_id": "文档编号", "item_id": "条目编号", "seq": "序号", "layout": "版式",
    "section": "栏目", "headline": "标题", "body": "正文", "units": "单位", "reporters": "报送人",
    "number": "编号", "level": "层级", "parent": "上级标题", "doc.title": "刊名", "doc.issue": "期号",
    "doc.date": "日期", "doc.issuer": "编发单位", "doc.editor": "责任编辑", "doc.reviewer": "审核",
    "doc.signer": "签发", "doc.distribution": "发送范围", "tags.units": "规范单位", "tags.category": "类别",
    "tags.figures": "数据", "tags.dates": "时间", "tags.duplicate_of": "重复于", "tags.similarity": "相似度",
    "span": "位置", "headline_inferred": "标题推断", "redactions": "脱敏标记数", "marks": "加粗",
    "province": "省", "city": "市", "county": "县", "place_code": "区划代码",
}
#: Columns named for what a user joins on, each standing for a field inside the record: the
#: document's place (its province, city, county and 6-digit division code).
COLUMN_ALIASES = {"province": "doc.place.province", "city": "doc.place.city", "county": "doc.place.county",
                  "place_code": "doc.place.code"}
#: How a list of objects under a key becomes one cell. Example: tags.units → canonical names.
LIST_FIELDS = {"tags.units": "canonical", "tags.figures": "text", "tags.dates": "text"}
#: Characters that make a spreadsheet treat a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_CHARS = frozenset(FORMULA_START)
#: Columns of a table of document records (from ``normalise``).
DOCUMENT_COLUMNS = ("source", "doc_id", "encoding", "text")


def flatten(record: dict, prefix: str = "") -> dict:
    """One flat row: nested objects as dotted names, lists joined with ``；``."""
    row: dict = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and name != "tags.category":
            row.update(flatten(value, name + "."))
        elif name == "tags.category" and isinstance(value, dict):
            row[name] = value.get("label")
        elif isinstance(value, list):
            if name in LIST_FIELDS:
                field = LIST_FIELDS[name]
                row[name] = LIST_SEPARATOR.join(dict.fromkeys(str(v.get(field)) for v in value if isinstance(v, dict)))
            elif all(not isinstance(v, (dict, list)) for v in value):
                row[name] = LIST_SEPARATOR.join(str(v) for v in value)
            else:
                row[name] = json.dumps(value, ensure_ascii=False)
        else:
            row[name] = value
    return row


def column_value(record: dict, column: str):
    """One cell of a row without flattening the whole record: ``doc.date`` → record["doc"]["date"],
    ``county`` → record["doc"]["place"]["county"]."""
    column = COLUMN_ALIASES.get(column, column)
    if column in record:
        value = record[column]
    else:
        value = record
        for part in column.split("."):
            if not isinstance(value, dict):
                return None
            value = value.get(part)
    return _shape(column, value)


_SCALARS = (str, int, float, bool)


def _shape(column: str, value):
    """A value as one cell: a category by its label, lists joined with ``；``, objects as JSON.

    >>> _shape("tags.units", [{"canonical": "住房和城乡建设局"}, {"canonical": "财政局"}])
    '住房和城乡建设局；财政局'
    """
    if value is None or value.__class__ in _SCALARS:
        return value
    if column == "tags.category" and isinstance(value, dict):
        return value.get("label")
    if isinstance(value, list):
        if column in LIST_FIELDS:
            field = LIST_FIELDS[column]
            return LIST_SEPARATOR.join(dict.fromkeys(str(v.get(field)) for v in value if isinstance(v, dict)))
        if all(not isinstance(v, (dict, list)) for v in value):
            return LIST_SEPARATOR.join(str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def column_getter(column: str):
    """A fast function for one column, built once per export, that gives what
    :func:`column_value` gives: keys and dotted names (``doc.date``, ``doc.place.county``) are
    looked up directly."""
    column = COLUMN_ALIASES.get(column, column)
    if "." not in column:
        def get(rec: dict):
            value = rec.get(column)
            return value if value is None or value.__class__ in _SCALARS else _shape(column, value)
        return get
    first, *rest = column.split(".")

    def get_nested(rec: dict):
        if column in rec:
            value = rec[column]
        else:
            value = rec.get(first)
            for part in rest:
                value = value.get(part) if isinstance(value, dict) else None
        return value if value is None or value.__class__ in _SCALARS else _shape(column, value)
    return get_nested


def choose_columns(rows: list[dict], columns: list[str] | None) -> list[str]:
    """``columns`` if given; else the defaults that the (flattened) rows have."""
    if columns:
        return columns
    present = set().union(*(r.keys() for r in rows)) if rows else set()
    present |= {alias for alias, name in COLUMN_ALIASES.items() if name in present}
    defaults = DOCUMENT_COLUMNS if rows and all(r.get("type") == "document" for r in rows) else DEFAULT_COLUMNS
    return [c for c in defaults if c in present]


#: The fields of each record type, and of the objects inside an item, that a column may name
#: (see docs/records.md). Example: doc.date, tags.category.
FIELDS = {
    "item": ("type", "schema", "item_id", "doc_id", "source", "seq", "layout", "section", "headline", "body",
             "units", "reporters", "number", "level", "parent", "parent_seq", "headline_inferred", "span",
             "redactions", "marks", "doc", "tags"),
    "document": ("type", "schema", "doc_id", "source", "encoding", "text", "changes", "meta"),
    "doc": ("title", "issue", "issuer", "date", "editor", "reviewer", "signer", "distribution", "note", "place"),
    "place": ("province", "city", "county", "code"),
    "tags": ("units", "category", "figures", "dates", "duplicate_of", "similarity"),
}


def unknown_columns(columns: list[str], kind: str) -> list[str]:
    """The columns that name no field of ``kind`` records. Example: ['nosuch'] of seq,nosuch,headline."""
    bad = []
    for column in columns:
        if kind == "item" and column in COLUMN_ALIASES:
            continue
        root, _, rest = column.partition(".")
        if root not in FIELDS[kind] or (rest and root in FIELDS and rest.split(".")[0] not in FIELDS[root]):
            bad.append(column)
    return bad


def header_names(columns: list[str], headers: str) -> list[str]:
    return [ZH_HEADERS.get(c, c) for c in columns] if headers == "zh" else list(columns)


def escape_formula(value):
    """Make a cell that a spreadsheet would run as a formula plain text: ``=1+1`` → ``'=1+1``."""
    if value.__class__ is str and value[:1] in FORMULA_CHARS:
        return "'" + value
    return value


#: Characters that make a CSV cell need quotes (Excel's dialect, as the csv module writes it).
CSV_SPECIAL = Regex(r'[",\r\n]')


def csv_cell(value: str) -> str:
    """One cell as the csv module writes it inside a row: quoted only where it must be.

    >>> csv_cell("a"), csv_cell('他说"好",然后')
    ('a', '"他说""好"",然后"')
    """
    return '"' + value.replace('"', '""') + '"' if CSV_SPECIAL.search(value) else value


class _Echo:
    """A file for ``csv.writer`` that hands each line back (``writerow`` returns what ``write`` does)."""

    def write(self, text: str) -> str:
        return text


class RowMaker:
    """Items to table rows for given columns; picklable, so worker processes can make the rows.

    >>> RowMaker(["seq", "doc.date", "units"])({"seq": 1, "doc": {"date": "2023-09-22"}, "units": ["住建局"]})
    ['1', '2023-09-22', '住建局']
    """

    #: Columns only the parent process knows (duplicates are found across the whole run).
    LATE = ("tags.duplicate_of", "tags.similarity")
    #: Stands in for a late cell while a worker encodes a row: no CSV quoting is needed for it, and
    #: a row whose own cells hold it is sent as cells instead. Example: 'a,\ue000,b\r\n'.
    PLACEHOLDER = "\ue000"

    def __init__(self, columns: list[str] | None, raw: bool = False, kind: str = "item") -> None:
        self.columns = list(columns or (DOCUMENT_COLUMNS if kind == "document" else DEFAULT_COLUMNS))
        self.raw = raw
        self._getters = None
        self._writer = None
        self._late = [k for k, c in enumerate(self.columns) if c in self.LATE]

    def __getstate__(self) -> dict:  # functions and the csv writer are made again where it is used
        return {**self.__dict__, "_getters": None, "_writer": None, "_doc_cells": (None, None)}

    def _csv(self):
        """A CSV writer whose ``writerow`` returns the encoded line instead of writing it."""
        if self._writer is None:
            import csv

            self._writer = csv.writer(_Echo())
        return self._writer

    def encode(self, rec: dict) -> list[str] | None:
        """An item's CSV line as the pieces of text around its late columns, made in the worker
        that tagged it, so the parent only puts the late cells in (:meth:`line`) and writes; or
        None where that cannot be done (a row of one cell, a cell holding :data:`PLACEHOLDER`).

        >>> RowMaker(["seq", "tags.duplicate_of", "headline"]).encode({"seq": 3, "headline": "a,b"})
        ['3,', ',"a,b"\\r\\n']
        """
        writer = self._csv()
        row = self(rec)
        late = self._late
        if len(row) < 2:
            return None
        for k in late:
            row[k] = self.PLACEHOLDER
        pieces = writer.writerow(row).split(self.PLACEHOLDER)
        return pieces if len(pieces) == len(late) + 1 else None

    def line(self, rec: dict, pieces: list[str]) -> str:
        """The CSV line of an item encoded by :meth:`encode`, with its late cells filled in."""
        if len(pieces) == 1:
            return pieces[0]
        out = [pieces[0]]
        for (_k, value), piece in zip(self._late_cells(rec), pieces[1:]):
            out.append(csv_cell(value))
            out.append(piece)
        return "".join(out)

    def _late_cells(self, rec: dict) -> list[tuple[int, str]]:
        """(column position, cell) of the columns only the parent knows, for one item."""
        tags = rec.get("tags") or {}
        return [(k, self.cell(tags.get(self.columns[k].partition(".")[2]))) for k in self._late]

    def cell(self, value) -> str:
        if value is None:
            return ""
        return str(value) if self.raw else str(escape_formula(value))

    def __call__(self, rec: dict) -> list:
        if self._getters is None:
            self._getters = [column_getter(c) for c in self.columns]
            # the document's columns (doc.title, county …) are the same for each item of a
            # document: made once a document (its items share one ``doc`` object), the item's own
            # columns for each item
            of_doc = [COLUMN_ALIASES.get(c, c).startswith("doc.") for c in self.columns]
            self._item_getters = [(k, get) for k, get in enumerate(self._getters) if not of_doc[k]]
            self._doc_cells: tuple = (None, None)
        doc = rec.get("doc")
        if doc is not None and self._doc_cells[0] is doc:
            row, cell = self._doc_cells[1][:], self._cell_of
            for k, get in self._item_getters:
                row[k] = cell(get(rec))
            return row
        cell = self._cell_of
        row = [cell(get(rec)) for get in self._getters]
        if isinstance(doc, dict):
            self._doc_cells = (doc, row[:])
        return row

    def _cell_of(self, value) -> str:
        """:meth:`cell`, for a value a getter gave (this runs for every cell of every item)."""
        if value is None:
            return ""
        if value.__class__ is str:
            return "'" + value if value[:1] in FORMULA_CHARS and not self.raw else value
        return str(value)

    def finish(self, rec: dict) -> list:
        """The row of an item: made in a worker (``_row``) with the late columns filled in now."""
        row = rec.get("_row")
        if row is None:
            return self(rec)
        for k, value in self._late_cells(rec):
            row[k] = value
        return row
