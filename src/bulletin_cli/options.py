"""Switches for ``normalise``: a light module, so the command line can list them without
loading the stages."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class NormaliseOptions:
    """Switches for each family of repairs; all on by default."""

    markup: bool = True
    web: bool = True
    page_artefacts: bool = True
    reflow: bool = True
    width: bool = True
    punctuation: bool = True
    spacing: bool = True
    mojibake: bool = True

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
