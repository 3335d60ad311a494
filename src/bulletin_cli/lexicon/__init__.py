"""The knowledge `tag` uses, from YAML files shipped in the package and the user's ``--config``.

A user file has the same shape as the shipped ones (``aliases``, ``county_words``,
``suffix_kinds``, ``categories``); what it names is added, and where it names an existing key its
values win. Lists are extended (the user's entries first); mappings are merged key by key.

>>> cfg = load_config()
>>> cfg["aliases"]["人社局"]["canonical"]
'人力资源和社会保障局'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DATA_FILES = ("units.yaml", "categories.yaml")


class ConfigError(ValueError):
    """A --config file that cannot be read or has the wrong shape."""


def merge(base, extra):
    """``extra`` over ``base``: mappings merged (``extra``'s keys first), lists extended."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = {k: merge(base.get(k), v) for k, v in extra.items()}
        out.update({k: v for k, v in base.items() if k not in extra})
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return extra + [x for x in base if x not in extra]
    return extra if extra is not None else base


def _load_yaml(text: str, name: str) -> dict:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there: 10x faster
    try:
        data = yaml.load(text, Loader=loader) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: not valid YAML ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping at the top level")
    return data


def load_config(extra: list[str] | None = None) -> dict:
    """The shipped knowledge merged with each file in ``extra`` in turn."""
    cfg: dict = {}
    for name in DATA_FILES:
        text = resources.files("bulletin_cli").joinpath("lexicon", name).read_text(encoding="utf-8")
        cfg = merge(cfg, _load_yaml(text, name))
    for path in extra or []:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: {exc.strerror or exc}") from None
        cfg = merge(cfg, _load_yaml(text, path))
    _check(cfg)
    return cfg


def _check(cfg: dict) -> None:
    for name, entry in (cfg.get("aliases") or {}).items():
        if not isinstance(entry, dict) or "canonical" not in entry:
            raise ConfigError(f"alias {name!r} needs a mapping with 'canonical' (and 'kind')")
    for key, cat in (cfg.get("categories") or {}).items():
        if not isinstance(cat, dict) or not isinstance(cat.get("keywords"), list):
            raise ConfigError(f"category {key!r} needs a 'keywords' list")
