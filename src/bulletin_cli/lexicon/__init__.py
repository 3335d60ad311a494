"""What the tool knows, as data: the forms of a bulletin (``forms.yaml``), units (``units.yaml``)
and categories (``categories.yaml``), shipped in this folder, and the user's ``--config`` files.

A user file has the same shape as the shipped ones; what it names is added, and where it names an
existing key its values win. Lists are extended (the user's entries first); mappings are merged
key by key. :mod:`bulletin_cli.lexicon.patterns` builds every pattern from the forms, once, and
:func:`use` makes a configuration the one the stages read.

>>> cfg = load_config()
>>> cfg["aliases"]["人社局"]["canonical"], "快报" in cfg["title_words"]
('人力资源和社会保障局', True)
"""

from __future__ import annotations

import functools
from importlib import resources

from .userfile import MAX_CONFIG_BYTES as MAX_CONFIG_BYTES  # (re-exported: the limit, for users)
from .userfile import ConfigError, check_kinds, load_user_yaml, read_config_bytes

DATA_FILES = ("forms.yaml", "units.yaml", "categories.yaml")  # forms first: see load_config
#: The shape of the other top-level keys.
OTHER_KEYS: dict[str, type] = {"aliases": dict, "county_words": list, "suffix_kinds": list,
                               "categories": dict, "other": dict}


def merge(base, extra):
    """``extra`` over ``base``: mappings merged (``extra``'s keys first), lists extended.

    >>> merge({"bullets": ["◆"], "measures": {"元": ["yuan", 1]}}, {"bullets": ["✦"], "measures": {"千瓦时": ["kWh", 1]}})
    {'bullets': ['✦', '◆'], 'measures': {'千瓦时': ['kWh', 1], '元': ['yuan', 1]}}
    """
    if isinstance(base, dict) and isinstance(extra, dict):
        out = {k: merge(base.get(k), v) for k, v in extra.items()}
        out.update({k: v for k, v in base.items() if k not in extra})
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return extra + [x for x in base if x not in extra]
    return extra if extra is not None else base


def _load_yaml(text: str, name: str) -> dict:
    """A shipped file (the user's go through :func:`~bulletin_cli.lexicon.userfile.load_user_yaml`)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # the C loader: 10x faster


def _shipped(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _shipped_forms() -> dict:
    return _load_yaml(_shipped("forms.yaml"), "forms.yaml")


def load_forms() -> dict:
    """The shipped forms alone (what :mod:`~bulletin_cli.lexicon.patterns` starts from)."""
    return dict(_shipped_forms())


def form_shapes() -> dict[str, type]:
    """The keys of forms.yaml and the shape of each (list or mapping), read from the file itself."""
    return {k: type(v) for k, v in _shipped_forms().items()}


def _read_user_file(path: str) -> str:
    """A --config file's text (a small regular file: see :func:`~bulletin_cli.lexicon.userfile.read_config_bytes`),
    decoded like any input (UTF-8 with or without BOM, GB18030, …)."""
    from ..read.text import DecodeError, decode_bytes

    data = read_config_bytes(path)
    try:
        return decode_bytes(data).text
    except DecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _load_shipped() -> dict:
    cfg: dict = load_forms()  # (read once a process, shared with lexicon.patterns)
    for name in DATA_FILES[1:]:
        cfg = merge(cfg, _load_yaml(_shipped(name), name))
    return cfg


@functools.lru_cache(maxsize=1)
def _shipped_config() -> dict:
    """The shipped knowledge alone, read once: the shapes every user file is checked against."""
    return _load_shipped()


def load_config(extra: list[str] | None = None) -> dict:
    """The shipped knowledge merged with each file in ``extra`` in turn."""
    cfg = _load_shipped()
    for path in extra or []:
        data = load_user_yaml(_read_user_file(path), path)
        _check_shapes(data, path)
        cfg = merge(cfg, data)
    _check(cfg)
    return cfg


def _check_shapes(data: dict, name: str) -> None:
    """One message naming the key whose value has the wrong shape."""
    for key, value in data.items():
        want = form_shapes().get(key) or OTHER_KEYS.get(key)
        if want is None:
            known = ", ".join([*form_shapes(), *OTHER_KEYS])
            raise ConfigError(f"{name}: unknown key {key!r}; known keys: {known}")
        if value is not None and not isinstance(value, want):
            what = "a list" if want is list else "a mapping"
            raise ConfigError(f"{name}: {key}: expected {what}, got {type(value).__name__}")
    for word, target in (data.get("measures") or {}).items():
        if not (isinstance(target, list) and len(target) == 2 and isinstance(target[1], (int, float))):
            raise ConfigError(f"{name}: measures: {word!r} needs [base unit, factor], e.g. [kWh, 1]")
    for key, value in data.items():
        if value is not None:
            check_kinds(key, value, _shipped_config()[key], name)
    _check_places(data.get("place") or {}, name)


def _check_places(place: dict, name: str) -> None:
    """One message naming a folder or alias whose place is no code or name of one unit."""
    from .places import code_of, gazetteer

    for kind in ("folders", "aliases"):
        for key, value in (place.get(kind) or {}).items():
            if code_of(str(value), gazetteer()) is None:
                raise ConfigError(f"{name}: place: {kind}: {key}: {value!r} names no one place of the division "
                                  "list; give its 6-digit code or full name (e.g. '410726' or 延津县)")


def _check(cfg: dict) -> None:
    for name, entry in (cfg.get("aliases") or {}).items():
        if not isinstance(entry, dict) or "canonical" not in entry:
            raise ConfigError(f"aliases: {name!r} needs a mapping with 'canonical' (and 'kind')")
    for key, cat in (cfg.get("categories") or {}).items():
        if not isinstance(cat, dict) or not isinstance(cat.get("keywords"), list):
            raise ConfigError(f"categories: {key!r} needs a 'keywords' list")


def forms_of(cfg: dict) -> dict:
    """The forms part of a configuration."""
    return {k: cfg[k] for k in form_shapes() if k in cfg}


def use(cfg: dict | None) -> None:
    """Make ``cfg`` (from :func:`load_config`) the configuration whose forms every stage reads;
    None goes back to the shipped forms. Patterns are built again only if the forms differ."""
    from .patterns import P

    P.use(forms_of(cfg) if cfg is not None else None)
