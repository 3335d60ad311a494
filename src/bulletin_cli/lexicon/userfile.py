"""A user's ``--config`` file, read with care: it is a small regular YAML text file; anything else is
refused with one line naming the file and the problem, before it can take time or memory.

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

#: The largest config file read, in bytes: the whole shipped lexicon is about 30 KB.
MAX_CONFIG_BYTES = 1 << 20
#: How many aliases (``*a``) one config may use, in all.
MAX_ALIASES = 1000
#: How many values (words, lists, mappings) a config may hold once its aliases are expanded: a
#: file of nested aliases (a "YAML bomb") would otherwise take minutes and gigabytes.
MAX_VALUES = 100_000
#: How deep values may nest (the lexicon nests at most four deep: categories → finance → keywords → word).
MAX_DEPTH = 10
#: What a file that is not a regular file is, by its type.
FILE_KINDS = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a named pipe", stat.S_ISCHR: "a device",
              stat.S_ISBLK: "a device", stat.S_ISSOCK: "a socket"}


class ConfigError(ValueError):
    """A --config file that cannot be read or has the wrong shape."""


def read_config_bytes(path: str) -> bytes:
    """The bytes of a config file: a regular file of at most :data:`MAX_CONFIG_BYTES`.
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
    data = data or {}
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

