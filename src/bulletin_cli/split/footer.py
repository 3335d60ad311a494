"""The footer: editor, reviewer, signer, proofreader, distribution list, copies and the printing line.

>>> parse_footer("本期发：县委常委，县人大正副主任\\n责任编辑：李勉    审核：原超俊")
{'distribution': '县委常委，县人大正副主任', 'editor': '李勉', 'reviewer': '原超俊'}
"""

from __future__ import annotations

from ..lexicon.patterns import P, Regex
from .common import WHITESPACE
from .masthead import parse_date

#: The office and date that printed the issue, closing the footer. Example: 获嘉县人民政府办公室 2024年6月3日印发.
PRINTED = Regex(r"^\s*(?P<office>\S.{0,40}?)?\s*(?P<date>[12]\d{3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发\s*$")


def parse_footer(lines: list[str] | str) -> dict:
    """Editor, reviewer, signer, proofreader, distribution and copies from footer lines.

    A value runs to the next label on its line or to the line's end; a line with no label goes on
    the distribution list before it. Several lists (报：… 送：… 发：…) are joined with ``；``.
    """
    if isinstance(lines, str):
        lines = lines.split("\n")
    out: dict = {}
    last_key = None
    for k, line in enumerate(lines):
        if printed := PRINTED.match(line):
            out["printed"] = parse_date(printed.group("date"))
            if printed.group("office"):
                out["printed_by"] = printed.group("office").strip()
            last_key = None
            continue
        after = lines[k + 1] if k + 1 < len(lines) else ""
        if P.ISSUER.match(line.strip()) and (printed := PRINTED.match(after)) and not printed.group("office"):
            out["printed_by"] = line.strip()  # the office on its own line above 2024年8月26日印发
            last_key = None
            continue
        marks = list(P.FOOTER_FIELD.finditer(line))
        if not marks:
            if last_key == "distribution" and line.strip():
                out["distribution"] = (out.get("distribution", "") + line.strip()).rstrip("。；;")
            continue
        for k, m in enumerate(marks):
            if m.group("copies"):
                out["copies"] = int(m.group("n"))
                last_key = None
                continue
            end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
            # (up to the next field: not the bracket that opens it, 王某 of 责任编辑：王某  （共印60份）)
            value = line[m.end():end].rstrip().rstrip("（([【").strip().rstrip("。；;")
            if value[-1:] in "）)】]" and not any(c in value for c in "（([【"):
                value = value[:-1].rstrip()  # 【责任编辑：何丽娜】: the bracket the line opened, closed
            key = P.FOOTER_KEYS.get(m.group("label"), "distribution")
            last_key = key
            if not value:
                continue
            if key == "distribution":
                value = WHITESPACE.sub(" ", value)
                out[key] = f"{out[key]}；{value}" if key in out else value
            elif key not in out:
                out[key] = WHITESPACE.sub("", value)
    return out


#: The issue's serial number run into the footer's first line. Example: 岚简报016号 of 岚简报016号分送：….
SERIAL_RUN_IN = Regex(r"^[^\s，。；：:]{1,12}?\d{1,4}[号期]\s*")


def opens_footer(text: str) -> bool:
    """Whether a paragraph opens with a footer's label, the issue's serial run in before it or not.

    >>> opens_footer("本期发：县委常委"), opens_footer("岚简报016号分送：区党工委"), opens_footer("县委常委会召开")
    (True, True, False)
    """
    serial = SERIAL_RUN_IN.match(text)  # 岚简报016号分送：… the serial run into the footer's first line
    return bool(P.FOOTER_START.match(text) or (serial and P.FOOTER_START.match(text[serial.end():])))
