"""Every file a user is sent: each seed rendered to Word (DOCX), OFD and a scanned PDF must split
as its gold says; each reader's rules on the real structures that need them; and each file that
cannot be read gets one line naming it and what to do, while the rest of the folder goes on."""

from __future__ import annotations

import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.changes import Changes
from bulletin_cli.cli import app
from bulletin_cli.normalise import normalise_bytes
from bulletin_cli.read import detect, ocr
from bulletin_cli.read.docx import W, docx_text
from bulletin_cli.read.layout import Piece, page_text
from bulletin_cli.read.ofd import deltas, ofd_text
from bulletin_cli.split import split_document

from .conftest import SEEDS, gold_for, seed_path
from .scoring import field_misses, fold

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import damage  # noqa: E402
import formats  # noqa: E402

runner = CliRunner()


def items_of(path: Path) -> tuple[dict, list[dict]]:
    doc = normalise_bytes(path.read_bytes(), source=str(path))
    return doc, [r for r in split_document(doc) if r["type"] == "item"]


def micro_f1(results: list[tuple[list[dict], dict]]) -> float:
    """F1 over every item of the seeds with a full gold (the sampled ones count their recall)."""
    hit = want = found = 0
    for items, gold in results:
        full = "items" in gold
        heads = [fold(w.get("headline") or w.get("heading")) for w in gold.get("items") or gold["items_sample"]]
        got = {fold(i.get("headline") or "") for i in items}
        h = sum(1 for w in heads if w in got)
        hit, want = hit + h, want + len(heads)
        found += len(items) if full else h
    recall, precision = hit / want, hit / found
    return 2 * recall * precision / (recall + precision)


def render_all(tmp: Path, how: str) -> list[tuple[list[dict], dict, dict]]:
    out = []
    for seed in SEEDS:
        paragraphs = damage.clean_paragraphs(seed.read_bytes())
        path = tmp / f"{seed.name.split('.')[0]}.{how}"
        {"docx": formats.render_docx, "ofd": formats.render_ofd, "pdf": formats.render_scan}[how](paragraphs, path)
        doc, items = items_of(path)
        out.append((items, gold_for(seed), doc))
    return out


@pytest.mark.parametrize("how", ["docx", "ofd"])
def test_seeds_as_word_and_ofd_split_as_their_gold(tmp_path, how):
    results = render_all(tmp_path, how)
    assert micro_f1([(i, g) for i, g, _ in results]) >= 0.98
    for items, gold, doc in results:
        assert field_misses(items, gold) == [], doc["source"]


def _ocr_missing() -> str | None:
    if not ocr.available():
        return f"needs the OCR extra ({ocr.INSTALL_HINT})"
    if formats.cjk_font() is None:
        return "needs a Chinese font to draw the scans (apt-get install fonts-wqy-microhei); .ci/run installs it"
    return None


@pytest.mark.skipif(_ocr_missing() is not None, reason=str(_ocr_missing()))
def test_scanned_seeds_read_by_ocr_split_as_their_gold(tmp_path):
    results = render_all(tmp_path, "pdf")
    assert micro_f1([(i, g) for i, g, _ in results]) >= 0.90
    for items, gold, doc in results:
        assert field_misses(items, gold) == [], doc["source"]
        pages = doc["changes"]["ocr"]
        assert [p["page"] for p in pages] == list(range(1, len(pages) + 1)) and all(p["confidence"] > 0.9 for p in pages)


# ---------------------------------------------------------------- DOCX rules, on hand-built Word XML


def docx_of(body: str, **parts: str) -> bytes:
    ns = (f'xmlns:w="{W[1:-1]}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", xml.replace("NS", ns))
    return buf.getvalue()


def p(text: str, ppr: str = "", rpr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


NUMBERING = """<w:numbering NS>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""


def numbered(text: str, level: int) -> str:
    return p(text, f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>')


def test_list_numbers_word_draws_are_written_out():
    body = (numbered("主要工作成效", 0) + numbered("抓项目建设", 1) + numbered("抓民生保障", 1)
            + numbered("下半年工作计划", 0) + numbered("持续抓好项目", 1))
    text = docx_text(docx_of(body, numbering=NUMBERING), Changes())
    assert text.split("\n") == ["一、主要工作成效", "（一）抓项目建设", "（二）抓民生保障", "二、下半年工作计划", "（一）持续抓好项目"]


def test_bold_runs_are_marks_and_a_bold_headline_opens_an_item():
    """Bold runs come out as marks (a feature the labelled corpus does not yet teach: the roles are
    given here), and a headline on its own line opens its item."""
    body = (p("延津政务快报") + p("第18期") + p("延津县人民政府办公室") + p("2023年4月21日")
            + p("县住建局开展危房核查", rpr="<w:b/>") + p("为摸清底数，组织人员逐户排查。（住建局）")
            + p("县民政局发放救助金", rpr="<w:b/>") + p("共发放救助金120万元。（民政局）"))
    doc = normalise_bytes(docx_of(body), source="a.docx")
    assert doc["changes"]["marks"] == ["县住建局开展危房核查", "县民政局发放救助金"]
    roles = ["title", "masthead", "masthead", "masthead", "headline", "body", "headline", "body"]
    items = [r for r in split_document(doc, layout="bulletin", roles=roles) if r["type"] == "item"]
    assert [i["headline"] for i in items] == ["县住建局开展危房核查", "县民政局发放救助金"]
    assert items[0]["doc"]["issue"] == 18 and items[1]["units"] == ["民政局"]


def test_table_cells_stay_apart_and_a_one_cell_layout_table_is_its_paragraphs():
    cell = "<w:tc>{}</w:tc>"
    body = ("<w:tbl><w:tr>" + cell.format(p("延津县人民政府办公室")) + cell.format(p("2023年4月21日")) + "</w:tr>"
            "<w:tr>" + cell.format(p("【民生保障】") + p("县民政局发放救助金")) + "</w:tr></w:tbl>")
    assert docx_text(docx_of(body), Changes()).split("\n") == [
        "延津县人民政府办公室    2023年4月21日", "【民生保障】", "县民政局发放救助金"]


def test_a_text_box_is_read_once_where_it_stands_and_deleted_text_not_at_all():
    box = "<w:txbxContent>" + p("编者按：本期聚焦项目建设。") + "</w:txbxContent>"
    body = ("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box
            + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>" + box + "</w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r><w:r><w:t>县住建局开展核查</w:t></w:r>"
            "<w:del><w:r><w:delText>删去的话</w:delText></w:r></w:del></w:p>")
    assert docx_text(docx_of(body), Changes()).split("\n") == ["编者按：本期聚焦项目建设。", "县住建局开展核查"]


def test_page_headers_are_artefacts_and_footnotes_come_last():
    footnotes = ('<w:footnotes NS><w:footnote w:type="separator" w:id="-1">' + p("—") + "</w:footnote>"
                 '<w:footnote w:id="1">' + p("数据来源：县统计局。") + "</w:footnote></w:footnotes>")
    header = "<w:hdr NS>" + p("延津政务快报") + "</w:hdr>"
    changes = Changes()
    text = docx_text(docx_of(p("共发放救助金120万元。"), footnotes=footnotes, header1=header), changes)
    assert text.split("\n") == ["共发放救助金120万元。", "[1] 数据来源：县统计局。"]
    assert changes.artefacts == ["延津政务快报"] and changes.counts["page_header"] == 1


def test_a_txt_that_is_really_a_word_file_is_read_as_one(tmp_path):
    (tmp_path / "快报.txt").write_bytes(docx_of(p("县住建局开展危房核查 为摸清底数，组织人员逐户排查。")))
    result = runner.invoke(app, ["normalise", str(tmp_path / "快报.txt"), "-f", "jsonl"])
    doc = json.loads(result.stdout)
    assert result.exit_code == 0 and doc["encoding"] == "docx" and doc["text"] == "县住建局开展危房核查 为摸清底数，组织人员逐户排查。\n"


# ---------------------------------------------------------------- OFD and positioned text


def test_ofd_glyph_advances_expand_their_repeats():
    assert deltas("g 3 5.64 2.82", 6) == [5.64, 5.64, 5.64, 2.82]


def test_pieces_on_one_baseline_are_one_line_and_far_apart_stay_apart():
    text = page_text([Piece(28, 90, 50, 5.6, "延津县人民政府办公室"), Piece(140, 182, 50.4, 5.6, "2023年4月21日"),
                      Piece(39, 180, 60, 5.6, "县住建局开展危房核查，"), Piece(28, 180, 70, 5.6, "摸清底数。")])
    lines = text.split("\n")
    assert lines[0].startswith("延津县人民政府办公室    ") and lines[0].endswith("2023年4月21日")
    assert lines[1] == "    县住建局开展危房核查，" and lines[2] == "摸清底数。"


def ofd_of(content: str, template: str = "") -> bytes:
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        tpl = '<ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
        z.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:CommonData>{tpl}</ofd:CommonData><ofd:Pages>"
                                         '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        ref = '<ofd:Template TemplateID="9"/>' if template else ""
        z.writestr("Doc_0/Pages/Page_0/Content.xml", f"<ofd:Page {ns}>{ref}<ofd:Content><ofd:Layer>{content}"
                                                     "</ofd:Layer></ofd:Content></ofd:Page>")
        if template:
            z.writestr("Doc_0/Tpls/Tpl_0/Content.xml", f"<ofd:Page {ns}><ofd:Content><ofd:Layer>{template}"
                                                       "</ofd:Layer></ofd:Content></ofd:Page>")
    return buf.getvalue()


def text_object(x: float, y: float, text: str, ctm: str = "") -> str:
    ctm = f' CTM="{ctm}"' if ctm else ""
    return (f'<ofd:TextObject Boundary="{x} {y} 150 8" Size="5.6"{ctm}><ofd:TextCode X="0" Y="5.6" '
            f'DeltaX="g {len(text) - 1} 5.6">{text}</ofd:TextCode></ofd:TextObject>')


def test_ofd_lines_are_rebuilt_from_objects_and_the_template_is_an_artefact():
    content = (text_object(28, 40, "县住建局开展") + text_object(61.6, 40, "危房核查") + text_object(28, 50, "摸清底数。")
               + text_object(28, 60, "共发放", ctm="1 0 0 1 0 0"))
    changes = Changes()
    text = ofd_text(ofd_of(content, template=text_object(90, 285, "— 1 —")), changes)
    assert text.split("\n") == ["县住建局开展危房核查", "摸清底数。", "共发放"]
    assert changes.artefacts == ["— 1 —"]


# ---------------------------------------------------------------- what cannot be read, one line each


def test_each_unreadable_file_gets_one_line_and_the_folder_goes_on(tmp_path, monkeypatch):
    from reportlab.pdfgen import canvas

    shutil.copy(seed_path("004"), tmp_path / "good.txt")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + bytes(500))
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04" + bytes(300))
    (tmp_path / "broken.ofd").write_bytes(b"PK\x03\x04 not really")
    c = canvas.Canvas(str(tmp_path / "locked.pdf"), encrypt="secret")
    c.drawString(100, 700, "locked")
    c.save()
    monkeypatch.setattr("bulletin_cli.read.office.office_program", lambda: None)
    monkeypatch.setattr(ocr, "problem", lambda: ocr.INSTALL_HINT)
    result = runner.invoke(app, ["split", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1
    err = result.stderr
    assert "old.doc: old Word/WPS file: needs LibreOffice to read (install it: apt-get install libreoffice-writer" in err
    assert "scan.png: image: reading it needs OCR; pip install -e '.[ocr]' in your clone of bulletin-cli" in err
    assert "broken.docx: corrupt Word file (not a readable zip" in err
    assert "broken.ofd: corrupt OFD file" in err
    assert "locked.pdf: encrypted PDF (it needs a password to open)" in err
    assert "Traceback" not in err and all(line.count(": ") >= 1 for line in err.splitlines() if line)
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(items) == 8 and {i["source"].rsplit("/", 1)[-1] for i in items} == {"good.txt"}


def test_a_password_protected_word_file_says_so(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + bytes(200))
    result = runner.invoke(app, ["split", str(tmp_path / "a.docx")])
    assert result.exit_code == 1 and "a.docx: encrypted Word file (it needs a password to open)" in result.stderr


def test_a_scanned_pdf_without_the_ocr_extra_says_how_to_read_it(tmp_path, monkeypatch):
    from PIL import Image

    Image.new("L", (200, 280), 255).save(tmp_path / "scan.pdf", resolution=50)
    monkeypatch.setattr(ocr, "problem", lambda: ocr.INSTALL_HINT)
    result = runner.invoke(app, ["split", str(tmp_path / "scan.pdf")])
    assert result.exit_code == 1
    assert "scan.pdf: scanned PDF (1 page of images, no text); to read it by OCR: pip install -e '.[ocr]' in your clone" in result.stderr


def test_folders_take_word_and_ofd_files_by_default(tmp_path):
    paragraphs = damage.clean_paragraphs(seed_path("004").read_bytes())
    formats.render_docx(paragraphs, tmp_path / "a.docx")
    formats.render_ofd(paragraphs, tmp_path / "b.OFD")
    result = runner.invoke(app, ["split", str(tmp_path), "-f", "jsonl"])
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and len(sources) == 16
    assert detect(b"PK\x03\x04", "x.ofd").name == "ofd"


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="needs LibreOffice (apt-get install libreoffice-writer-nogui); .ci/run installs it")
def test_an_old_word_file_is_read_through_libreoffice(tmp_path):
    import subprocess

    paragraphs = damage.clean_paragraphs(seed_path("004").read_bytes())
    formats.render_docx(paragraphs, tmp_path / "seed.docx")
    program = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([program, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path / "doc"), str(tmp_path / "seed.docx")], check=True, capture_output=True, timeout=300)
    path = tmp_path / "doc" / "seed.wps"
    (tmp_path / "doc" / "seed.doc").rename(path)  # WPS writes the same OLE2 Word format under its own suffix
    doc, items = items_of(path)
    assert doc["encoding"] == "doc" and doc["changes"]["counts"]["converted"] == 1
    gold = gold_for(seed_path("004"))
    assert micro_f1([(items, gold)]) >= 0.98 and field_misses(items, gold) == []


def test_hostile_word_and_ofd_files_are_refused_in_one_line(tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (300 * 2**20) + b"/>")
    (tmp_path / "bomb.docx").write_bytes(bomb.getvalue())
    (tmp_path / "nan.ofd").write_bytes(ofd_of('<ofd:TextObject Boundary="nan 1e999 x 8" Size="-inf"><ofd:TextCode '
                                              'X="nan" Y="5" DeltaX="g x y">县住建局</ofd:TextCode></ofd:TextObject>'
                                              + text_object(28, 40, "开展危房核查。")))
    result = runner.invoke(app, ["normalise", str(tmp_path), "-f", "jsonl"])
    assert "bomb.docx: corrupt Word file (a part would unpack to 300 MB: not a document)" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert len(texts) == 1 and "开展危房核查。" in texts[0] and result.exit_code == 1


# --- pages saved as one file (MHTML) --------------------------------------------------------------

def _mhtml(page: bytes, charset: str, encoding: str = "quoted-printable") -> bytes:
    """A page as Internet Explorer saves it to one .mht file: MIME headers, the page's part, a picture's."""
    import base64
    import quopri

    body = quopri.encodestring(page) if encoding == "quoted-printable" else base64.encodebytes(page)
    return ("From: <由 Windows Internet Explorer 8 保存>\r\n".encode("gb18030")
            + b"Subject: =?gb2312?B?xLPEs8/YyMvD8dX+uK4=?=\r\nMIME-Version: 1.0\r\n"
            + b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000"\r\n\r\n'
            + b"This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000\r\n"
            + f'Content-Type: text/html;\r\n\tcharset="{charset}"\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n'.encode()
            + body.replace(b"\n", b"\r\n") + b"\r\n------=_NextPart_000\r\nContent-Type: image/jpeg\r\n"
            + b"Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQSkZJRgABAQEASABIAAD/2wBD\r\n------=_NextPart_000--\r\n")


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_a_page_saved_as_one_mht_file_is_read_as_the_page(tmp_path, encoding):
    page = (Path(__file__).parent / "data" / "table_site_article.gbk.html").read_bytes()  # GB2312, as sites serve it
    (tmp_path / "saved.mht").write_bytes(_mhtml(page, "gb2312", encoding))
    assert detect((tmp_path / "saved.mht").read_bytes(), "saved.txt").name == "mhtml"  # by its bytes, whatever its name
    doc, items = items_of(tmp_path / "saved.mht")
    assert doc["encoding"] == "gb18030" and doc["meta"]["title"] == "县市场监管局开展节前食品安全专项检查"
    assert [(i["layout"], i["headline"], i["units"]) for i in items] == [
        ("article", "县市场监管局开展节前食品安全专项检查", ["县市场监管局"])]
    assert items[0]["doc"]["date"] == "2023-01-12" and "版权" not in items[0]["body"]


def test_an_mht_file_without_a_page_in_it_says_so_and_the_folder_goes_on(tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "good.txt")
    (tmp_path / "pictures.mht").write_bytes(_mhtml(b"", "gb2312").replace(b"text/html;", b"image/png;"))
    result = runner.invoke(app, ["split", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "pictures.mht: MHTML file without a web page in it (no text/html part)" in result.stderr
    assert {json.loads(line)["source"].rsplit("/", 1)[-1] for line in result.stdout.splitlines()} == {"good.txt"}
