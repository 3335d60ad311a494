"""bulletin-cli: Chinese local-government bulletins into clean, structured data.

Each stage is a plain function over plain records::

    from bulletin_cli import normalise_bytes, split_document
    doc = normalise_bytes(open("快报.txt", "rb").read(), source="快报.txt")
    items = split_document(doc)
"""

from .normalise import NormaliseOptions, normalise_bytes, normalise_text

__all__ = ["NormaliseOptions", "normalise_bytes", "normalise_text"]
