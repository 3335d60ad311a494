"""The bulletin command through typer's CliRunner: formats, pipes, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app

from .conftest import seed_path

runner = CliRunner()


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_version_comes_from_package_metadata():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"bulletin {version('bulletin-cli')}"


def test_normalise_emits_one_document_record_per_file():
    result = runner.invoke(app, ["normalise", str(seed_path("001")), str(seed_path("004")), "-f", "jsonl"])
    assert result.exit_code == 0
    docs = jsonl(result.stdout)
    assert [d["type"] for d in docs] == ["document", "document"]
    assert docs[0]["schema"] == 1 and docs[0]["encoding"] == "utf-8"
    assert docs[0]["text"].startswith("延津政务快报\n\n第43期")


def test_folder_is_searched_recursively_with_glob(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_bytes(seed_path("004").read_bytes())
    (sub / "y.md").write_bytes(seed_path("001").read_bytes())
    (sub / "notes.csv").write_text("a,b\n", encoding="utf-8")  # no format bulletin reads: passed over
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: main\n", encoding="utf-8")  # hidden: passed over
    result = runner.invoke(app, ["normalise", str(tmp_path), "-f", "jsonl"])
    assert [d["source"] for d in jsonl(result.stdout)] == [str(sub / "x.txt"), str(sub / "y.md")]
    result = runner.invoke(app, ["normalise", str(tmp_path), "--glob", "*.md", "-f", "jsonl"])
    assert [d["source"] for d in jsonl(result.stdout)] == [str(sub / "y.md")]


def test_split_reads_normalise_output_on_stdin():
    first = runner.invoke(app, ["normalise", str(seed_path("001")), "-f", "jsonl"])
    second = runner.invoke(app, ["split", "-f", "jsonl"], input=first.stdout)
    direct = runner.invoke(app, ["split", str(seed_path("001")), "-f", "jsonl"])
    assert second.exit_code == 0
    assert jsonl(second.stdout) == jsonl(direct.stdout)
    assert len(jsonl(direct.stdout)) == 7


def test_split_reads_raw_text_on_stdin():
    raw = seed_path("004").read_bytes().decode("utf-8").encode("gb18030")
    result = runner.invoke(app, ["split", "-f", "jsonl"], input=raw)
    items = jsonl(result.stdout)
    assert len(items) == 8 and items[0]["source"] == "-" and items[0]["doc"]["issue"] == 18


def test_split_passes_items_through_unchanged():
    items = runner.invoke(app, ["split", str(seed_path("000")), "-f", "jsonl"]).stdout
    again = runner.invoke(app, ["split", "-f", "jsonl"], input=items)
    assert jsonl(again.stdout) == jsonl(items)


def test_json_and_table_formats():
    as_json = runner.invoke(app, ["split", str(seed_path("004")), "-f", "json"])
    assert len(json.loads(as_json.stdout)) == 8
    table = runner.invoke(app, ["split", str(seed_path("004")), "-f", "table"])
    assert table.exit_code == 0 and "8 item(s)" in table.stdout and "科工局" in table.stdout


def test_piped_default_is_jsonl():
    result = runner.invoke(app, ["split", str(seed_path("004"))])
    assert all(r["type"] == "item" for r in jsonl(result.stdout))


def test_bad_inputs_get_one_line_each_and_exit_1(tmp_path):
    (tmp_path / "good.txt").write_bytes(seed_path("004").read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["split", str(tmp_path), str(tmp_path / "missing.txt"), "-f", "jsonl"])
    assert result.exit_code == 1
    assert len(jsonl(result.stdout)) == 8
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("binary.txt: binary data" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    assert "Traceback" not in result.stderr


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    bad = tmp_path / "locked.txt"
    bad.write_bytes(seed_path("004").read_bytes())
    real = Path.read_bytes

    def read_bytes(self):  # root can read a chmod 0 file, so refuse the way the OS would
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = runner.invoke(app, ["normalise", str(bad), "-f", "jsonl"])
    assert result.exit_code == 1 and "locked.txt: permission denied" in result.stderr


def test_broken_json_lines_are_reported_and_the_rest_processed():
    docs = runner.invoke(app, ["normalise", str(seed_path("001")), str(seed_path("004")), "-f", "jsonl"]).stdout
    lines = docs.splitlines()
    broken = lines[0] + "\n" + '{"type": "document", "text": "unterminated\n' + "\n" + lines[1] + "\n"
    result = runner.invoke(app, ["split", "-f", "jsonl"], input=broken)
    assert result.exit_code == 1
    assert "-:2: broken JSON line" in result.stderr
    assert len(jsonl(result.stdout)) == 15


def test_output_file_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "items.jsonl"
    out.write_text("keep me", encoding="utf-8")
    refused = runner.invoke(app, ["split", str(seed_path("001")), "-o", str(out)])
    assert refused.exit_code == 2 and "file exists" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(app, ["split", str(seed_path("001")), "-o", str(out), "--force"])
    assert forced.exit_code == 0 and len(jsonl(out.read_text(encoding="utf-8"))) == 7
    assert not list(tmp_path.glob("*.part"))


def test_usage_errors_exit_2():
    assert runner.invoke(app, ["split", str(seed_path("001")), "-f", "xml"]).exit_code == 2
    assert runner.invoke(app, ["split", str(seed_path("001")), "--layout", "poem"]).exit_code == 2
    assert runner.invoke(app, ["normalise", str(seed_path("001")), "--skip", "magic"]).exit_code == 2
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2


def test_explain_goes_to_stderr_with_counts_and_examples():
    result = runner.invoke(app, ["normalise", str(seed_path("000")), "--explain", "-f", "jsonl"])
    assert result.exit_code == 0
    assert "joined_lines" in result.stderr and "cjk_spacing" in result.stderr
    assert jsonl(result.stdout)[0]["type"] == "document"


def test_forced_encoding_and_replace(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("縣住房和城鄉建設局開展危房改造工作。".encode("big5"))
    result = runner.invoke(app, ["normalise", str(path), "--encoding", "big5", "-f", "jsonl"])
    assert jsonl(result.stdout)[0]["text"].startswith("縣住房和城鄉建設局")


def test_a_stray_byte_is_a_warning_and_strict_makes_it_an_error(tmp_path):
    data = seed_path("004").read_text(encoding="utf-8").encode("gbk")
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:900] + b"\xff" + data[900:])
    result = runner.invoke(app, ["split", str(path), "-f", "jsonl"])
    assert result.exit_code == 0 and len(jsonl(result.stdout)) == 8
    assert [line for line in result.stderr.splitlines() if "stray.txt" in line][0].startswith("warning: ")
    strict = runner.invoke(app, ["split", str(path), "-f", "jsonl", "--errors", "strict"])
    assert strict.exit_code == 1 and strict.stdout == "" and "error: " in strict.stderr


def test_help_does_not_import_heavy_modules():
    code = ("import sys; import bulletin_cli.cli; "
            "print(sorted(m for m in ('rich', 'chardet', 'yaml', 'tabulate') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_python_dash_m_and_closed_pipe(tmp_path):
    exe = Path(sys.executable)
    proc = subprocess.run(f"{exe} -m bulletin_cli split {seed_path('002')} -f jsonl | head -n 1",
                          shell=True, capture_output=True, text=True)
    assert proc.returncode == 0 and json.loads(proc.stdout)["type"] == "item"
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_lint_keeps_heavy_imports_out_of_module_level():
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "TID253", str(root / "src")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


def test_pdf_files_are_read_directly(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import damage

    pdf = tmp_path / "快报.pdf"
    damage.render_pdf(damage.clean_paragraphs(seed_path("004").read_bytes()), pdf)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    result = runner.invoke(app, ["split", str(tmp_path), "--glob", "*.pdf", "-f", "jsonl"])
    items = jsonl(result.stdout)
    assert [i["headline"] for i in items][:2] == ["县科工局加速技改助力企业转型升级", "县开发区强化要素保障全力推进重点项目建设"]
    assert len(items) == 8 and items[0]["doc"]["issue"] == 18
    assert result.exit_code == 1 and "broken.pdf: cannot read PDF" in result.stderr


def test_bad_errors_value_is_a_usage_error_in_every_command():
    for command in ("normalise", "split", "tag"):
        result = runner.invoke(app, [command, str(seed_path("001")), "--errors", "ignore"])
        assert result.exit_code == 2 and "--errors must be auto, strict or replace" in result.stderr
    assert runner.invoke(app, ["export", str(seed_path("001")), "--errors", "ignore"]).exit_code == 2
    assert runner.invoke(app, ["export", str(seed_path("001")), "--layout", "poem"]).exit_code == 2


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path):
    for args in (["split", str(seed_path("001"))], ["export", str(seed_path("001"))]):
        result = runner.invoke(app, [*args, "-o", str(tmp_path / "nope" / "out.jsonl")])
        assert result.exit_code == 2 and "does not exist" in result.stderr


def test_records_of_the_wrong_shape_are_reported_not_crashed_on(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "item", "doc_id": "x", "seq": 1, "body": 5}\n'
                   '{"type": "item", "doc_id": "x", "seq": 2, "units": ["住建局", 3]}\n'
                   '{"type": "item", "doc_id": "x", "seq": 3, "headline": "县住建局开展核查", "body": "摸清底数。", '
                   '"doc": null, "tags": null}\n', encoding="utf-8")
    for command in (["tag", "-f", "jsonl"], ["export", "-f", "jsonl", "--no-progress"], ["stats"]):
        result = runner.invoke(app, [*command, str(bad)])
        assert result.exit_code == 1 and isinstance(result.exception, (SystemExit, type(None)))
        assert "bad.jsonl:1: bad item record: field 'body' should be text, not int" in result.stderr
        assert "bad.jsonl:2: bad item record: field 'units' should be a list of text" in result.stderr
    tagged = jsonl(runner.invoke(app, ["tag", "-f", "jsonl", str(bad)]).stdout)
    assert len(tagged) == 1 and tagged[0]["tags"]["units"][0]["canonical"] == "住房和城乡建设局"


class LineByLine:
    """Standard input as a pipe gives it: lines one at a time, counting how many were taken."""

    def __init__(self, data: bytes) -> None:
        self.lines = data.splitlines(keepends=True)
        self.taken = 0

    def readline(self) -> bytes:
        return next(self, b"")

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        if self.taken >= len(self.lines):
            raise StopIteration
        self.taken += 1
        return self.lines[self.taken - 1]

    def read(self) -> bytes:
        rest, self.taken = self.lines[self.taken:], len(self.lines)
        return b"".join(rest)


def test_jsonl_on_stdin_is_read_as_it_comes():
    """In a pipe each command starts on the first record while the one before is still writing,
    and holds one line at a time, not the whole stream; broken lines keep their line numbers."""
    from bulletin_cli.inputs import SNIFF_LINES, InputError, read_inputs

    items = runner.invoke(app, ["split", str(seed_path("000")), "-f", "jsonl"]).stdout.encode()
    stream = LineByLine(b"\n" + items * 2 + b"{broken\n" + items)
    records = read_inputs(["-"], stdin=stream)
    first = next(records)
    # (the first lines are looked at together to tell JSON Lines from raw text: a bounded look ahead)
    assert first["type"] == "item" and stream.taken <= SNIFF_LINES + 2 < len(stream.lines)
    rest = list(records)
    n = len(jsonl(items.decode()))
    assert len(rest) == 3 * n and isinstance(rest[2 * n - 1], InputError)
    assert str(rest[2 * n - 1]).startswith(f"-:{2 * n + 2}:")


def test_raw_text_on_stdin_is_read_whole_with_its_leading_blank_lines():
    from bulletin_cli.inputs import Source, read_inputs

    raw = b"\n\n" + seed_path("004").read_bytes()
    (source,) = read_inputs(["-"], stdin=LineByLine(raw))
    assert isinstance(source, Source) and source.data == raw


@pytest.mark.parametrize("command, stage", [
    (["split"], "split"), (["tag"], "tag"), (["export", "-f", "jsonl"], "split"), (["export", "-f", "jsonl"], "tag"),
])
def test_a_fault_of_ours_costs_one_file_not_the_run(tmp_path, monkeypatch, command, stage):
    """A stage that raises on one document (a bug) is reported in one line naming the file,
    exit 1, no traceback, and the other files are still processed."""
    from bulletin_cli import chain

    (tmp_path / "a_good.txt").write_bytes(seed_path("004").read_bytes())
    (tmp_path / "b_trigger.txt").write_bytes(seed_path("001").read_bytes())
    if stage == "split":
        real = chain.split_document

        def split(rec, *args, **kwargs):
            if rec["source"].endswith("b_trigger.txt"):
                raise KeyError("issuer")
            return real(rec, *args, **kwargs)
        monkeypatch.setattr(chain, "split_document", split)
    else:
        real_tag = chain.tag_item

        def tag(item, cfg):
            if item["source"].endswith("b_trigger.txt") and item["seq"] == 2:
                raise ValueError("boom")
            return real_tag(item, cfg)
        monkeypatch.setattr(chain, "tag_item", tag)
    result = runner.invoke(app, [*command, str(tmp_path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error") and "internal error" in line]
    assert len(errors) == 1 and "b_trigger.txt" in errors[0] and f"internal error in {stage}" in errors[0]
    sources = [r["source"] for r in jsonl(result.stdout) if r.get("type") == "item"]
    assert sum(s.endswith("a_good.txt") for s in sources) == 8
    assert sum(s.endswith("b_trigger.txt") for s in sources) == (0 if stage == "split" else 6)


def test_private_use_characters_are_kept_and_warned_about(tmp_path):
    """A PDF font without a Unicode map gives private-use characters: kept (nothing is lost), the
    file named in a warning, exit 0."""
    text = seed_path("004").read_text(encoding="utf-8").replace("项目", "\ue01a\ue01b", 2)
    (tmp_path / "pua.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["normalise", str(tmp_path / "pua.txt"), "-f", "jsonl"])
    assert result.exit_code == 0
    assert "\ue01a\ue01b" in jsonl(result.stdout)[0]["text"]
    warning = [line for line in result.stderr.splitlines() if "pua.txt" in line]
    assert warning == ["warning: " + str(tmp_path / "pua.txt") + ": 4 private-use character(s) kept as they are: "
                       "a PDF font without a Unicode map; those characters cannot be read"]


def test_unmapped_glyphs_are_named_in_a_warning(tmp_path):
    (tmp_path / "cid.txt").write_text("县住建局扎实推进老旧小区改造 今年以来，县住建局(cid:2345)改造小区12个。（县住建局）\n",
                                      encoding="utf-8")
    result = runner.invoke(app, ["split", str(tmp_path / "cid.txt"), "-f", "jsonl"])
    assert result.exit_code == 0 and "(cid:2345)" in jsonl(result.stdout)[0]["body"]
    assert [line for line in result.stderr.splitlines() if "cid.txt" in line] == [
        "warning: " + str(tmp_path / "cid.txt") + ": 1 glyph(s) the PDF extractor could not map, kept as (cid:N): "
        "those characters cannot be read"]


@pytest.mark.parametrize("first", [b"garbage, not JSON\n", b'{"type": "document", "te\n', b"\xff\xfe\xfd broken\n",
                                   b"\xef\xbb\xbf"])
def test_one_broken_first_line_does_not_turn_a_stream_into_raw_text(first):
    """A stream is JSON Lines when most of its first lines are records: a bad first line is named
    and the records after it all come out; a UTF-8 BOM before the records is no problem."""
    docs = runner.invoke(app, ["normalise", str(seed_path("001")), str(seed_path("004")), "-f", "jsonl"]).stdout
    result = runner.invoke(app, ["split", "-f", "jsonl"], input=first + docs.encode("utf-8"))
    assert len(jsonl(result.stdout)) == 15  # 7 + 8 items, as from the files
    if first.strip(b"\xef\xbb\xbf"):
        assert result.exit_code == 1 and "-:1:" in result.stderr
    else:
        assert result.exit_code == 0


@pytest.mark.parametrize("line, problem", [
    (b'{"type": 5}', "unknown record type"),
    (b'{"type": ["item"]}', "unknown record type"),
    (b'{"type": "item", "headline": "x", "body": "y", "tags": {"units": "\xe4\xbd\x8f\xe5\xbb\xba\xe5\xb1\x80"}}',
     "tags.units"),
    (b'{"type": "item", "headline": "x", "body": "y", "tags": {"figures": [1, 2]}}', "tags.figures"),
    (b'{"type": "item", "headline": "x", "body": "y", "span": [1]}', "span"),
    (b'{"type": "item", "headline": "\\ud800", "body": "y"}', "surrogate"),
    (b'{"type": "item", "headline": "\xff\xfe", "body": "y"}', "not UTF-8"),
    (b"[" * 100000 + b"]" * 100000, "nested too deep"),
])
def test_a_record_of_the_wrong_shape_is_one_named_bad_line(line, problem):
    good = runner.invoke(app, ["split", str(seed_path("004")), "-f", "jsonl"]).stdout.encode("utf-8")
    result = runner.invoke(app, ["tag", "-f", "jsonl"], input=good + line + b"\n" + good)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    n = good.count(b'"type"')
    assert problem in result.stderr and f"-:{n + 1}:" in result.stderr
    assert len(jsonl(result.stdout)) == 2 * n


def test_split_explain_says_when_the_documents_form_decided_its_layout(tmp_path):
    """An issue of two stories read as one by the layouts' weights, an issue by its form: --explain
    says which form decided, after the scores."""
    path = tmp_path / "two.txt"
    path.write_text("工作简报\n第3期\n县委办公室  2024年3月1日\n县住建局推进老旧小区改造\n"
                    "今年以来，县住建局改造老旧小区12个，惠及居民1800余户。（县住建局）\n县人社局举办春季招聘会\n"
                    "3月5日，县人社局举办招聘会，56家企业提供岗位1200余个。（县人社局）\n", encoding="utf-8")
    result = runner.invoke(app, ["split", str(path), "--explain", "-f", "jsonl"])
    assert result.exit_code == 0
    line = next(s for s in result.stderr.splitlines() if "layout bulletin" in s)
    assert "by its form: an issue's name over 2 stories, each closed by its credit" in line
    assert [json.loads(s)["headline"] for s in result.stdout.splitlines()] == ["县住建局推进老旧小区改造", "县人社局举办春季招聘会"]


def test_split_explain_names_the_form_that_held_a_line_to_its_role(tmp_path):
    """A ▲ caption between a story's paragraphs is held to its role by its form, and --explain says so
    beside the features that weighed most."""
    path = tmp_path / "pic.txt"
    path.write_text("勐混镇冬季农业开发“种”下增收新希望\n"
                    "立冬将至，勐混坝子的稻谷刚刚收完，田间又是一派繁忙景象，全镇计划种植2.86万亩。\n"
                    "▲曼赛村村民在田间移栽冬早辣椒苗\n"
                    "今年，勐混镇结合坝区土地资源和气候优势，重点发展冬早辣椒、冬西瓜等产业。\n", encoding="utf-8")
    result = runner.invoke(app, ["split", str(path), "--explain", "-f", "jsonl"])
    assert result.exit_code == 0
    line = next(s for s in result.stderr.splitlines() if "▲曼赛村" in s)
    assert line.split()[0] == "caption" and "form: caption +20.0" in line
