"""Decode bulletin bytes into text: BOMs, UTF-8, UTF-16, GB18030, Big5, and mojibake repair.

Order (see DEVELOPERS.md): BOM (including GB18030's) → UTF-16 without BOM → strict UTF-8 →
GB18030 (never plain gb2312/gbk: GB18030 is their superset) and Big5, ranked by how much of the
text is common Chinese; chardet breaks a tie on the whole file.

>>> decode_bytes("延津政务快报".encode("gb18030")).text
'延津政务快报'
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ..lexicon.patterns import Regex

#: Byte-order marks, longest first. Example: b"\\x84\\x31\\x95\\x33" opens GB18030 text.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (b"\x84\x31\x95\x33", "gb18030"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Names users may pass to --encoding, folded to the codec we really use (gbk → gb18030).
ENCODING_ALIASES: dict[str, str] = {
    "gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "gb18030": "gb18030",
    "utf8": "utf-8", "utf-8": "utf-8", "utf-8-sig": "utf-8", "utf16": "utf-16", "utf-16": "utf-16",
    "big5": "big5", "big5hkscs": "big5hkscs", "cp950": "big5",
}

#: The most frequent Chinese characters in government prose, simplified and traditional forms
#: both; text decoded with the right codec is full of them. Example: 的 一 县 局 發 區.
COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从"
    "业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么"
    "利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入"
    "常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西"
    "被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什"
    "认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名"
    "确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿"
    "须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率"
    "族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细"
    "引听该铁价严龙飞镇乡村街项目企医疗服障环境安全施推进落实"
    "這個們來時國為說對會發過動產種後經學實現當從點還與關於開間樣網區門問題處隊給氣東導壓陽務員書萬連"
    "條達進麼邊長頭機體義無電見專縣鄉鎮醫療環境項業計劃設"
)


_HANZI = Regex("[\u4e00-\u9fff\U00020000-\U0003134f]")
_COMMON = Regex("[" + "".join(sorted(COMMON_HANZI)) + "]")
_LATIN1_HIGH = Regex("[\u00c0-\u00ff][\u0080-\u00bf\u0152-\u02dc\u2013-\u2122]")
#: Bytes that may appear in text: printable, tab, line ends, form feed, escape, NUL (counted apart).
_TEXT_BYTES = bytes(range(32, 256)) + b"\t\n\r\x0b\x0c\x1b\x00"


#: Codecs Python knows that are no character set: escapes and transforms of text, never how a file
#: is written (``unicode_escape`` would turn the ``\\n`` of ``C:\\new`` into a line break). Codecs
#: between bytes and bytes (base64, zlib) or text and text (rot13) are refused by Python itself.
NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined", "utf-7",
                          "charmap", "mbcs", "oem"})


def charset_codec(name: str) -> str | None:
    """The codec for the character encoding ``name`` (``gbk`` → ``gb18030``), or None where ``name`` is
    no character encoding Python knows (a typo, ``unicode_escape``, ``base64``, a NUL in it).

    >>> charset_codec("GB2312"), charset_codec("latin1"), charset_codec("unicode_escape"), charset_codec("gb\\x00k")
    ('gb18030', 'latin1', None, None)
    """
    codec = ENCODING_ALIASES.get(name.lower(), name)
    try:
        info = codecs.lookup(codec)
    except (LookupError, ValueError, TypeError):
        return None
    if not info._is_text_encoding or info.name in NOT_CHARSETS:  # type: ignore[attr-defined]
        return None
    return codec


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return False
    return True


class DecodeError(ValueError):
    """Raised when bytes are not text in any encoding we accept (binary file, empty file, …)."""


@dataclass
class Decoded:
    """Text decoded from bytes, with the codec that decoded it and what had to be repaired."""

    text: str
    encoding: str
    replacements: int = 0
    #: What the format itself tells of the document (a web page's ``title``).
    meta: dict = field(default_factory=dict)
    #: The format read: text, html, pdf.
    format: str = "text"


def _common_ratio(text: str) -> float:
    """Share of CJK characters in ``text`` that are common ones (0.0 when there is no CJK)."""
    sample = text[:600]
    cjk = len(sample) - len(_HANZI.sub("", sample))
    if not cjk:
        return 0.0
    return (len(sample) - len(_COMMON.sub("", sample))) / cjk


def _looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NULs outside UTF-16/32, or many control bytes."""
    sample = data[:65536]
    controls = len(sample.translate(None, delete=_TEXT_BYTES))
    return sample.count(0) > max(4, len(sample) // 100) or controls > max(8, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 LE/BE from where the zero bytes fall (ASCII digits, newlines)."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    if data.count(0) < half * 0.02:
        return None  # pure CJK UTF-16 has few zero bytes or none: that is left to the BOM
    # ASCII puts its zero byte on one side, ideographs such as 一 (U+4E00) and 开 (U+5F00) on the
    # other: both byte orders are read, and the one that gives text wins
    readings = []
    for codec in ("utf-16-le", "utf-16-be"):
        text = _try(data, codec)
        if text is not None and _printable_share(text) >= 0.95:
            readings.append((_common_ratio(text), _printable_share(text), codec))
    return max(readings)[2] if readings else None


def _printable_share(text: str) -> float:
    """Share of the first characters that are printable or line breaks (binary data read as
    UTF-16 is mostly control and unassigned characters)."""
    sample = text[:2000]
    return sum(1 for c in sample if c.isprintable() or c in "\n\r\t\u3000") / max(1, len(sample))


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _chardet_guess(data: bytes) -> str | None:
    import chardet  # heavy: imported only when a tie must be broken

    guess = chardet.detect(data)
    name = (guess.get("encoding") or "").lower()
    return ENCODING_ALIASES.get(name, name or None)


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Undo UTF-8 that was read as GBK/GB18030, Latin-1 or cp1252, where that can be shown.

    It is mojibake only when re-encoding the whole text and decoding it as UTF-8 succeeds
    strictly and gives more common Chinese than before.

    >>> repair_mojibake("延津政务快报".encode("utf-8").decode("latin-1"))
    ('延津政务快报', 'utf-8 read as latin-1')
    """
    before = _common_ratio(text)
    if before >= 0.5 and not _LATIN1_HIGH.search(text, 0, 4000):  # mojibake spoils a whole file
        return text, None  # plenty of common Chinese already: not mojibake
    for wrong in ("gb18030", "latin-1", "cp1252"):
        try:
            fixed = text.encode(wrong).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != text and _common_ratio(fixed) > before + 0.2:
            return fixed, f"utf-8 read as {wrong}"
    return text, None


def decode_bytes(data: bytes, encoding: str | None = None, errors: str = "strict") -> Decoded:
    """Decode ``data`` following the house order; raise :class:`DecodeError` when it is not text.

    ``encoding`` forces a codec; ``errors="replace"`` goes on past undecodable bytes and counts
    the U+FFFD characters it had to put in; ``errors="auto"`` does so only for a few of them (see
    :data:`TOLERATED_PER`) and refuses a file with more.
    """
    if not data:
        raise DecodeError("empty file")
    if encoding:
        codec = charset_codec(encoding)
        if codec is None:
            raise DecodeError(f"{encoding!r} is not a character encoding" if _known_codec(encoding)
                              else f"unknown encoding {encoding!r}")
        return _decode_with(data, codec, errors)
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom):], codec, errors, label=f"{codec} (BOM)")
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _try(data, utf16)
        if text is not None:
            return Decoded(text, utf16)
    if _looks_binary(data):
        raise DecodeError("binary data, not text")
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")  # mojibake inside it is normalise's job (repair_mojibake)
    candidates = {c: t for c in ("gb18030", "big5") if (t := _try(data, c)) is not None}
    if len(candidates) == 2:
        gb, big = (_common_ratio(candidates[c]) for c in ("gb18030", "big5"))
        if abs(gb - big) < 0.05:
            guess = _chardet_guess(data)
            chosen = "big5" if guess and guess.startswith("big5") else "gb18030"
        else:
            chosen = "gb18030" if gb > big else "big5"
        return Decoded(candidates[chosen], chosen)
    if candidates:
        chosen = next(iter(candidates))
        return Decoded(candidates[chosen], chosen)
    if errors == "replace":
        guess = _chardet_guess(data) or "gb18030"
        return _decode_with(data, guess, "replace")
    damaged = _least_damaged(data)
    if errors == "auto" and damaged is not None and damaged.replacements <= _tolerated(data):
        return damaged
    raise DecodeError(f"bytes that no encoding explains (tried utf-8, gb18030, big5); {_first_bad(data, damaged)}")


#: Undecodable bytes ``--errors auto`` (the default) lets through, replaced and counted: one in this
#: many bytes, and at most :data:`TOLERATED_MAX`; a stray byte or a file cut in the middle of its
#: last character, not a file in some other encoding.
TOLERATED_PER = 1000
TOLERATED_MAX = 16


def _tolerated(data: bytes) -> int:
    return min(TOLERATED_MAX, max(1, len(data) // TOLERATED_PER))


def _least_damaged(data: bytes) -> Decoded | None:
    """The reading of ``data`` with replacement that leaves the most common Chinese, among the
    codecs of the house order that need the fewest replacements, or None."""
    readings = []
    for codec in ("utf-8", "gb18030", "big5"):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        readings.append((bad, -_common_ratio(text), codec, text))
    fewest = min(r[0] for r in readings)
    bad, _ratio, codec, text = min(r for r in readings if r[0] <= max(fewest, _tolerated(data)))
    return Decoded(text, codec, replacements=bad)


def _first_bad(data: bytes, reading: Decoded | None = None) -> str:
    codec = reading.encoding if reading else "gb18030"
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        many = f"{reading.replacements} bad byte sequences as {codec}, " if reading else ""
        return f"{many}first at offset {exc.start}; use --errors replace to go on"
    return "use --encoding to choose one"


def _decode_with(data: bytes, codec: str, errors: str, label: str | None = None) -> Decoded:
    try:
        text = data.decode(codec)
        replaced = 0
    except UnicodeDecodeError as exc:
        if errors not in ("replace", "auto"):
            raise DecodeError(f"not valid {codec} at byte {exc.start}; use --errors replace to go on") from None
        text = data.decode(codec, errors="replace")
        replaced = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        if errors == "auto" and replaced > _tolerated(data):
            raise DecodeError(f"not valid {codec}: {replaced} bad byte sequences, the first at byte {exc.start}; "
                              "use --errors replace to go on") from None
    return Decoded(text, label or codec, replacements=replaced)
