"""A user's ``--config`` file, read with care: it is a small regular YAML text file whose keys are
words and whose values have the shape of the shipped lexicon's; anything else is refused with one
line naming the file and the problem, before it can take time or memory.

The limits hold whichever YAML loader runs (libyaml's C loader composes the document without any
Python hook): the document's node graph is measured, as it would be expanded, before any value is
built from it.

>>> load_user_yaml("title_words: [要闻, 快讯]\\n", "mine.yaml")
{'title_words': ['要闻', '快讯']}
>>> load_user_yaml("title_words: &w [要闻, *w]\\n", "loop.yaml")
Traceback (most recent call last):
...
bulletin_cli.lexicon.userfile.ConfigError: loop.yaml: a YAML alias (*name) inside the value it names
"""

from __future__ import annotations

import os
import stat
from collections import deque

#: The largest config file read, in bytes: the whole shipped lexicon is about 30 KB.
MAX_CONFIG_BYTES = 1 << 20
#: How many aliases (``*a``) one config may use, in all.
MAX_ALIASES = 1000
#: How many values (words, lists, mappings) a config may hold once its aliases are expanded: a
#: file of nested aliases (a "YAML bomb") would otherwise take minutes and gigabytes.
MAX_VALUES = 100_000
#: How deep values may nest (the lexicon nests at most four deep: categories → finance → keywords → word).
MAX_DEPTH = 10
#: An example of what a config holds, for the message refusing one that holds nothing.
EXAMPLE = "title_words: [要闻]"
#: What a file that is not a regular file is, by its type.
FILE_KINDS = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a named pipe", stat.S_ISCHR: "a device",
              stat.S_ISBLK: "a device", stat.S_ISSOCK: "a socket"}


class ConfigError(ValueError):
    """A --config file that cannot be read or has the wrong shape."""


def read_config_bytes(path: str) -> bytes:
    """The bytes of a config file: a regular file of at most :data:`MAX_CONFIG_BYTES`, not empty.
    Nothing else is opened for reading (a named pipe would wait for a writer for ever, a device
    would never end)."""
    try:
        _regular(path, os.stat(path))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        _regular(path, os.fstat(fd))  # (the same file: it may have been swapped since)
        data = fh.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        _too_big(path)
    if not data.strip():
        raise ConfigError(f"{path}: empty file: a config holds the lexicon's keys with what they add, "
                          f"as YAML (e.g. {EXAMPLE})")
    return data


def _regular(path: str, st: os.stat_result) -> None:
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in FILE_KINDS.items() if test(st.st_mode)), "not a file")
        raise ConfigError(f"{path}: not a regular file ({kind}); a config is a YAML text file")
    if st.st_size > MAX_CONFIG_BYTES:
        _too_big(path)


def _too_big(path: str) -> None:
    raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES >> 20} MiB; a config holds a few words "
                      "and forms, not a corpus")


def load_user_yaml(text: str, name: str) -> dict:
    """A config's mapping, its document measured (:func:`check_graph`) before anything is built."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # the C loader when libyaml is there
    try:
        node = loader.get_single_node()
        if node is not None:
            check_graph(node, name)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: not valid YAML ({exc.__class__.__name__})") from None
    except RecursionError:
        raise ConfigError(f"{name}: values nested more than {MAX_DEPTH} deep") from None
    finally:
        loader.dispose()
    if not data:
        raise ConfigError(f"{name}: no settings in it (only comments, or an empty mapping): a config "
                          f"holds the lexicon's keys with what they add (e.g. {EXAMPLE})")
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping at the top level")
    return data


def check_graph(root, name: str) -> None:
    """Refuse a YAML node graph past :data:`MAX_ALIASES` aliases, :data:`MAX_VALUES` values once
    expanded or :data:`MAX_DEPTH` levels, or with an alias inside what it names; in time linear
    in the file (each node is looked at once, however often it is referred to)."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    aliases = 0
    stack = [(root, iter(_children(root)))]
    open_ = {id(root)}
    while stack:
        node, kids = stack[-1]
        child = next(kids, None)
        if child is None:
            stack.pop()
            open_.discard(id(node))
            _measured(node, size, depth, name, aliases)
        elif id(child) in open_:
            raise ConfigError(f"{name}: a YAML alias (*name) inside the value it names")
        elif id(child) in size:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise ConfigError(f"{name}: more than {MAX_ALIASES} YAML aliases (*name); refusing to expand them")
        else:
            open_.add(id(child))
            stack.append((child, iter(_children(child))))


def _children(node) -> list:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _measured(node, size: dict[int, int], depth: dict[int, int], name: str, aliases: int) -> None:
    """``node``'s expanded size and depth, from its children's (all measured already)."""
    kids = _children(node)
    size[id(node)] = 1 + sum(size[id(k)] for k in kids)
    depth[id(node)] = 1 + max((depth[id(k)] for k in kids), default=0)
    if size[id(node)] > MAX_VALUES:
        if aliases:
            raise ConfigError(f"{name}: its YAML aliases (*name) expand to more than {MAX_VALUES:,} values; "
                              "refusing to expand them")
        raise ConfigError(f"{name}: more than {MAX_VALUES:,} values; a config holds a few words and forms")
    if depth[id(node)] > MAX_DEPTH:
        raise ConfigError(f"{name}: values nested more than {MAX_DEPTH} deep")


def kind_of(value) -> str:
    """What a YAML value is, in the words of a message.

    >>> [kind_of(v) for v in ("快报", "", 1, 2.5, True, None, [], {})]
    ['a word', 'an empty word', 'a number', 'a number', 'yes/no', 'nothing', 'a list', 'a mapping']
    """
    if isinstance(value, str):
        return "a word" if value else "an empty word"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    kinds = {type(None): "nothing", list: "a list", dict: "a mapping"}
    return kinds.get(type(value), f"a {type(value).__name__}")  # a date, bytes (!!binary)…


def shapes(value) -> set[tuple[str, ...]]:
    """The kinds on the way down to each value in ``value`` (an empty list or mapping is one).

    >>> sorted(shapes({"街道": ["subdistrict", 1], "x": []}))
    [('a mapping', 'a list'), ('a mapping', 'a list', 'a number'), ('a mapping', 'a list', 'a word')]
    """
    kind = kind_of(value)
    inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
    if not inner:
        return {(kind,)}
    return {(kind, *rest) for v in inner for rest in shapes(v)}


def check_kinds(key: str, value, shipped, name: str) -> None:
    """Refuse ``value`` (the user's, for ``key``) where a key is not a word, or where it holds a
    kind of value the shipped lexicon's ``shipped`` does not hold at that place."""
    allowed = shapes(shipped)
    todo = deque([(value, key, ())])  # (first in first out: the first odd value in the file is named)
    while todo:
        node, where, above = todo.popleft()
        kind = kind_of(node)
        here = (*above, kind)
        if not any(s[:len(here)] == here for s in allowed):
            fits = sorted({s[len(above)] for s in allowed if s[:len(above)] == above and len(s) > len(above)})
            raise ConfigError(f"{name}: {where}: {node!r} is {kind} where {key} has {' or '.join(fits)} "
                              f"(e.g. {_example(key, shipped)})")
        if isinstance(node, dict):
            for k, v in node.items():
                _check_key(k, where, name)
                todo.append((v, f"{where}.{k}", here))
        elif isinstance(node, list):
            todo += [(v, f"{where}[{i}]", here) for i, v in enumerate(node)]


def _check_key(key, where: str, name: str) -> None:
    if key is None or key == "":
        raise ConfigError(f"{name}: {where}: an empty key (~, null or nothing before the colon); each key is a word")
    if not isinstance(key, str):
        raise ConfigError(f"{name}: {where}: the key {key!r} is {kind_of(key)}, not a word "
                          f"(put it in quotes: '{key}')")


def _example(key: str, shipped) -> str:
    """``key`` with the first entry of its shipped value (lists within it cut to two), as YAML.

    >>> _example("suffix_kinds", [["街道办事处", "subdistrict"], ["街道", "subdistrict"]])
    'suffix_kinds: [[街道办事处, subdistrict]]'
    >>> _example("categories", {"safety": {"label": "安全", "keywords": ["安全生产", "安全", "应急"]}, "x": {}})
    'categories: {safety: {keywords: [安全生产, 安全], label: 安全}}'
    """
    import yaml

    first = dict([next(iter(shipped.items()))]) if isinstance(shipped, dict) and shipped else shipped[:1]
    return f"{key}: " + yaml.safe_dump(_cut(first), default_flow_style=True, allow_unicode=True,
                                       width=1 << 20).strip()


def _cut(value):
    if isinstance(value, list):
        return [_cut(v) for v in value[:2]]
    if isinstance(value, dict):
        return {k: _cut(v) for k, v in value.items()}
    return value
