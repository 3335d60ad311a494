"""How to install an optional extra: the one piece of advice every message and the README give.

bulletin-cli is not published on PyPI: it is installed from a clone of its repository, so an extra
is installed from there too (``pip install 'bulletin-cli[ocr]'`` finds no such package).

>>> install_hint("ocr")
"pip install -e '.[ocr]' in your clone of bulletin-cli (it is not on PyPI)"
"""

from __future__ import annotations


def install_hint(extra: str) -> str:
    """The command that installs ``extra`` (``pdf``, ``ocr``, ``parquet``, ``train``…), said once."""
    return f"pip install -e '.[{extra}]' in your clone of bulletin-cli (it is not on PyPI)"
