"""bulletin-cli: Chinese local-government bulletins into clean, structured data.

Each stage is a plain function over plain records::

    from bulletin_cli import normalise_bytes, split_document
    doc = normalise_bytes(open("快报.txt", "rb").read(), source="快报.txt")
    items = split_document(doc)

Names are loaded on first use, so ``import bulletin_cli`` (and ``bulletin --help``) stays fast.
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "NormaliseOptions": "options",
    "normalise_bytes": "normalise",
    "normalise_text": "normalise",
    "decode_bytes": "read.text",
    "split_document": "split",
    "analyse": "split",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'bulletin_cli' has no attribute {name!r}")
