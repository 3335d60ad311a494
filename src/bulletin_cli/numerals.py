"""Chinese numerals to integers, for issue numbers, dates and outline numbers.

>>> cn_to_int("四十三"), cn_to_int("二〇二三"), cn_to_int("十"), cn_to_int("43")
(43, 2023, 10, 43)

A last digit straight after a multiplier counts in the unit below it, as people say numbers:

>>> cn_to_int("两万五"), cn_to_int("三千五"), cn_to_int("一万二"), cn_to_int("一百零五"), cn_to_int("二十三")
(25000, 3500, 12000, 105, 23)
"""

from __future__ import annotations

#: Digit characters. Example: 〇 → 0, 两 → 2; the 0 typed for 〇 in a year (二0一0) too.
DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0, "０": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
#: Multipliers. Example: 十 → 10, 万 → 10000.
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def cn_to_int(text: str) -> int | None:
    """Read Arabic digits, positional Chinese digits (二〇二三) or counted numerals (四十三)."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if text.isdecimal():  # (not isdigit: ① and ² are digits that int refuses)
        return int(text)
    if all(c in DIGITS for c in text):  # positional: 二〇二三 → 2023
        return int("".join(str(DIGITS[c]) for c in text))
    total, section, number = 0, 0, 0
    last_unit, after_unit, prev = 1, False, ""  # the multiplier just read, and whether the digit follows it directly
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
            after_unit = last_unit > 10 and number != 0 and not after_unit and prev in UNITS
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit >= 10_000:
                section = (section + number or 1) * unit
                total += section
                section = 0
            else:
                section += (number or 1) * unit
            number, last_unit, after_unit = 0, unit, False
        else:
            return None
        prev = ch
    if after_unit:  # 两万五: the five is 5,000; 三千五: 500
        number *= last_unit // 10
    return total + section + number
