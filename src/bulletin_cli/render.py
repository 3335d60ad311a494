"""Rich previews for a terminal: tables of documents and items, and ``--explain`` reports.

Imported only by commands that render, so ``bulletin --help`` never loads rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table


def _clip(text: str | None, n: int = 40) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def document_table(rows: list[dict]) -> Table:
    """One row per document: source, encoding, length, repairs made."""
    from rich.table import Table

    table = Table(title=f"{len(rows)} document(s)")
    for col in ("source", "doc_id", "encoding", "chars", "repairs"):
        table.add_column(col, overflow="fold")
    for r in rows:
        counts = r.get("changes", {}).get("counts", {})
        repairs = ", ".join(f"{k} {v}" for k, v in counts.items()) or "-"
        table.add_row(r.get("source", "-"), r.get("doc_id", ""), r.get("encoding", ""), str(len(r.get("text", ""))),
                      repairs)
    return table


def item_table(rows: list[dict]) -> Table:
    """One row per item: seq, section, headline, units, body length."""
    from rich.table import Table

    items = [r for r in rows if r.get("type") == "item"]
    table = Table(title=f"{len(items)} item(s)")
    for col, justify in (("seq", "right"), ("section", "left"), ("headline", "left"), ("units", "left"),
                         ("body", "right")):
        table.add_column(col, justify=justify, overflow="fold")
    last_doc = None
    for r in items:
        if r.get("doc_id") != last_doc and last_doc is not None:
            table.add_section()
        last_doc = r.get("doc_id")
        head = _clip(r.get("headline"))
        if r.get("number"):
            head = f"{r['number']} {head}"
        table.add_row(str(r.get("seq")), _clip(r.get("section"), 16), head, "、".join(r.get("units") or []),
                      str(len(r.get("body") or "")))
    return table


def tag_table(rows: list[dict]) -> "Table":
    """One row per item: seq, headline, canonical units, category, figures, duplicate."""
    from rich.table import Table

    items = [r for r in rows if r.get("type") == "item"]
    table = Table(title=f"{len(items)} item(s)")
    for col, justify in (("seq", "right"), ("headline", "left"), ("units", "left"), ("category", "left"),
                         ("figures", "right"), ("duplicate of", "left")):
        table.add_column(col, justify=justify, overflow="fold")
    for r in items:
        tags = r.get("tags") or {}
        units = "、".join(dict.fromkeys(u["canonical"] for u in tags.get("units", [])))
        table.add_row(str(r.get("seq")), _clip(r.get("headline"), 30), units,
                      (tags.get("category") or {}).get("label", ""), str(len(tags.get("figures", []))),
                      tags.get("duplicate_of") or "")
    return table


def table_for(rows: list[dict]) -> "Table":
    """The table that suits the records: documents, tagged items or items."""
    if rows and rows[0].get("type") == "document":
        return document_table(rows)
    return tag_table(rows) if any("tags" in r for r in rows) else item_table(rows)


def explain_changes(record: dict) -> None:
    """Print, on standard error, each kind of change with its count and a few before/after examples."""
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True, highlight=False)
    changes = record.get("changes", {})
    table = Table(title=f"{record.get('source', '-')}: {record.get('encoding', '?')}", show_lines=False)
    for col in ("change", "count", "before", "after"):
        table.add_column(col, overflow="fold")
    for kind, count in changes.get("counts", {}).items():
        examples = changes.get("examples", {}).get(kind) or [["", ""]]
        for k, (before, after) in enumerate(examples):
            table.add_row(kind if k == 0 else "", str(count) if k == 0 else "", repr(before), repr(after))
    if not changes.get("counts"):
        table.add_row("(none)", "0", "", "")
    console.print(table)
    from .read.pdf import reader_said

    if said := reader_said(changes):  # pypdfium2, or pdftotext where it is missing or failed
        console.print(said)
    if changes.get("ocr"):  # which pages were recognised rather than read, and how surely
        console.print("read by OCR: " + ", ".join(f"page {p['page']} (mean confidence {p['confidence']:.3f})"
                                                  for p in changes["ocr"]))


def stats_tables(counts: dict, top: int = 10) -> list:
    """Tables of items per category, unit and issue date, and a bar chart of the busiest units."""
    from rich.table import Table

    out = []
    for key, title, col in (("by_category", "items per category", "category"),
                            ("by_unit", "items per unit", "unit"), ("by_date", "items per issue date", "date"),
                            ("by_place", "items per county (the document's place)", "place")):
        table = Table(title=f"{title} ({counts['items']} items, {counts['documents']} documents)")
        table.add_column(col)
        table.add_column("items", justify="right")
        for name, n in counts.get(key, {}).items():
            table.add_row(str(name), str(n))
        out.append(table)
    busiest = [(u, n) for u, n in counts["by_unit"].items() if u != "(none)"][:top]
    chart = Table(title=f"busiest {len(busiest)} units", show_header=False, box=None)
    chart.add_column("unit")
    chart.add_column("bar")
    most = max((n for _, n in busiest), default=1)
    for unit, n in busiest:
        chart.add_row(unit, "[cyan]" + "█" * max(1, round(30 * n / most)) + f"[/cyan] {n}")
    out.append(chart)
    out.append(stats_note(counts))
    return out


def stats_note(counts: dict) -> str:
    """What the counts include, in words: repeated items are counted, and what the catch-alls mean.

    >>> stats_note({"items": 442, "documents": 6, "repeated": 300, "by_unit": {}, "by_date": {"(no date)": 389}})
    'Counts include every item of every file read: 442 items (6 distinct documents), 300 of them repeating an earlier item (the same text in another file or document; bulletin export --drop-duplicates leaves them out). (no date): 389 items whose document gave no issue date.'
    """
    repeated = counts.get("repeated") or 0
    words = [f"Counts include every item of every file read: {counts['items']} items "
             f"({counts['documents']} distinct documents)"
             + (f", {repeated} of them repeating an earlier item (the same text in another file or document; "
                "bulletin export --drop-duplicates leaves them out)." if repeated else ".")]
    if counts["by_unit"].get("(none)"):
        words.append(f"(none): {counts['by_unit']['(none)']} items naming no unit.")
    if counts["by_date"].get("(no date)"):
        words.append(f"(no date): {counts['by_date']['(no date)']} items whose document gave no issue date.")
    if (counts.get("by_place") or {}).get("(no place)"):
        words.append(f"(no place): {counts['by_place']['(no place)']} items whose document names no place.")
    return " ".join(words)
