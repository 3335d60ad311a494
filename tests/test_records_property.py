"""The record reader under arbitrary damage (hypothesis): any sequence of valid records with any
lines replaced by arbitrary bytes gives every valid record out, a named error per bad line, exit
1, and no traceback."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.inputs import parse_jsonl

runner = CliRunner()

TEXTS = st.text(alphabet=st.sampled_from("县住建局开展核查摸清底数，。（）12aZ "), min_size=1, max_size=30)
RECORDS = st.builds(lambda h, b, k: {"type": "item", "doc_id": "d", "item_id": f"d:{k}", "seq": k, "headline": h,
                                     "body": b, "units": ["住建局"]}, TEXTS, TEXTS, st.integers(1, 99))
#: Bytes that are not a record: anything that does not parse as a JSON object with a known type.
JUNK = st.binary(min_size=1, max_size=60).filter(lambda b: b"\n" not in b and b.replace(b"\xef\xbb\xbf", b"").strip())


@st.composite
def damaged_stream(draw):
    records = draw(st.lists(RECORDS, min_size=3, max_size=12))
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in records]
    # damage fewer than half the lines, so the stream is still JSON Lines (see inputs.looks_like_jsonl)
    bad = draw(st.sets(st.integers(0, len(lines) - 1), max_size=max(0, (len(lines) - 1) // 2)))
    for k in bad:
        lines[k] = draw(JUNK)
    return records, lines, bad


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_stream())
def test_every_good_record_comes_out_and_every_bad_line_is_named(case):
    records, lines, bad = case
    out = list(parse_jsonl(lines, "-"))
    good = [r for k, r in enumerate(records) if k not in bad]
    assert [r for r in out if isinstance(r, dict)] == [{**r, "doc": {}} for r in good]
    errors = [str(e) for e in out if not isinstance(e, dict)]
    assert [e.split(":")[1] for e in errors] == [str(k + 1) for k in sorted(bad)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_stream())
def test_the_command_reads_a_damaged_stream_with_exit_1_and_no_traceback(case):
    records, lines, bad = case
    result = runner.invoke(app, ["split", "-f", "jsonl"], input=b"\n".join(lines) + b"\n")
    assert "Traceback" not in result.stderr and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == (1 if bad else 0)
    assert len([line for line in result.stdout.splitlines() if line.strip()]) == len(records) - len(bad)
    assert sum(1 for line in result.stderr.splitlines() if line.startswith("error: -:")) == len(bad)
