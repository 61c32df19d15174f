"""Write a document exactly as ``json.dump(obj, out, ensure_ascii=False, indent=n)`` does, faster.

With ``indent`` set, the standard library encodes in pure Python, a generator step per value:
~35 µs a finding, 0.65 s for the 18,685 findings of the 10 MB benchmark run, in the parent
process while the workers lint. Here each *flat* container (one holding no dict or list, such as
a finding's fields) is encoded in one call of the C encoder, whose item separator is given the
newline and the indentation that ``indent`` would have put there; only containers that hold
containers are walked in Python, and their keys and scalars are encoded by json too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TextIO

_CONTAINERS = (dict, list, tuple)
_string = json.encoder.encode_basestring  # the C encoder of ensure_ascii=False
_FLUSH_AT = 4096  # pieces held before a write


def dump(obj: Any, out: TextIO, indent: int = 2) -> None:
    pieces: list[str] = []
    _encode(obj, 0, indent, pieces, out)
    out.write("".join(pieces))


def dumps(obj: Any, indent: int = 2) -> str:
    """The text :func:`dump` writes (for tests and small documents)."""
    import io

    buffer = io.StringIO()
    dump(obj, buffer, indent)
    return buffer.getvalue()


@lru_cache(maxsize=64)
def _flat_encoder(indent: int, level: int) -> json.JSONEncoder:
    # one-shot encode() with indent=None runs in C; its item separator carries the indentation
    return json.JSONEncoder(ensure_ascii=False, separators=(",\n" + " " * (indent * level), ": "))


def _encode(obj: Any, level: int, indent: int, pieces: list[str], out: TextIO) -> None:
    if not isinstance(obj, _CONTAINERS):
        pieces.append(_flat_encoder(indent, level).encode(obj))
        return
    if not obj:
        pieces.append("{}" if isinstance(obj, dict) else "[]")
        return
    is_dict = isinstance(obj, dict)
    values: Iterable[Any] = obj.values() if isinstance(obj, dict) else obj
    inner = " " * (indent * (level + 1))
    close = "\n" + " " * (indent * level) + ("}" if is_dict else "]")
    if not any(isinstance(v, _CONTAINERS) for v in values):
        body = _flat_encoder(indent, level + 1).encode(obj)
        pieces.append(body[0] + "\n" + inner + body[1:-1] + close)
        return
    pieces.append("{" if is_dict else "[")
    separator = "\n" + inner
    if isinstance(obj, dict):
        encode = _flat_encoder(indent, 0).encode
        for key, value in obj.items():
            # json's own conversion of a number, bool or None key to a string
            name = _string(key) if isinstance(key, str) else encode({key: 0})[1:-4]
            pieces.append(separator + name + ": ")
            _encode(value, level + 1, indent, pieces, out)
            separator = ",\n" + inner
    else:
        for value in obj:
            pieces.append(separator)
            _encode(value, level + 1, indent, pieces, out)
            separator = ",\n" + inner
            if len(pieces) > _FLUSH_AT:  # a long list of findings: write as it goes
                out.write("".join(pieces))
                pieces.clear()
    pieces.append(close)
