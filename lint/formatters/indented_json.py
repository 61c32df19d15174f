"""Write a document exactly as ``json.dump(obj, out, ensure_ascii=False, indent=n)`` does, faster.

With ``indent`` set, the standard library encodes in pure Python, a generator step per value:
~35 µs a finding, 0.65 s for the 18,685 findings of the 10 MB benchmark run, in the parent
process once the workers are done; and it writes each piece on its own (~1,000,000 writes,
each a system call where ``PYTHONUNBUFFERED`` is set, as in many CI images). Here each *flat*
container (one holding no dict or list, such as a finding's fields) is encoded in one call of
the C encoder, whose item separator is given the newline and the indentation that ``indent``
would have put there; only containers that hold containers are walked in Python, and their
keys and scalars are encoded by json too. Pieces are written a few thousand at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

_CONTAINERS = (dict, list, tuple)
_string = json.encoder.encode_basestring  # the C encoder of ensure_ascii=False
_FLUSH_AT = 4096  # pieces held before a write
_C_MAKE_ENCODER = getattr(json.encoder, "c_make_encoder", None)  # private to json: see below
_PROBE = {"a": [1, None, True, "é\n"], "b": 1.5, "c": {}}  # checks the C encoder once per level


def dump(obj: Any, out: TextIO, indent: int = 2) -> None:
    writer = _Writer(indent, out)
    writer.encode(obj, 0)
    out.write("".join(writer.pieces))


def dumps(obj: Any, indent: int = 2) -> str:
    """The text :func:`dump` writes (for tests and small documents)."""
    import io

    buffer = io.StringIO()
    dump(obj, buffer, indent)
    return buffer.getvalue()


def _flat_encoder(indent: int, level: int) -> Callable[[Any], str]:
    """json's C encoder (what a one-shot ``encode()`` with indent=None runs), whose item
    separator carries the newline and indentation of items at ``level``."""
    separator = ",\n" + " " * (indent * level)
    standard = json.JSONEncoder(ensure_ascii=False, separators=(separator, ": ")).encode
    make = _C_MAKE_ENCODER
    if make is None:  # a Python without json's C module: the same encoder, run in Python
        return standard
    try:
        # made once, not per call as JSONEncoder.encode does (~1.5 µs a container); arguments
        # as JSONEncoder.iterencode passes them for ensure_ascii=False, check_circular, allow_nan
        chunks = make(
            {}, json.JSONEncoder().default, json.encoder.encode_basestring, None, ": ",
            separator, False, False, True,
        )

        def encode(obj: Any) -> str:
            return "".join(chunks(obj, 0))

        if encode(_PROBE) == standard(_PROBE):
            return encode
    except Exception:  # a private constructor: another Python may want other arguments
        pass
    return standard


class _Writer:
    def __init__(self, indent: int, out: TextIO) -> None:
        self.indent = indent
        self.out = out
        self.pieces: list[str] = []
        self.flat: list[Callable[[Any], str]] = []  # by level

    def _flat(self, level: int) -> Callable[[Any], str]:
        while len(self.flat) <= level:
            self.flat.append(_flat_encoder(self.indent, len(self.flat)))
        return self.flat[level]

    def encode(self, obj: Any, level: int) -> None:
        pieces = self.pieces
        if not isinstance(obj, _CONTAINERS):
            pieces.append(self._flat(level)(obj))
            return
        if not obj:
            pieces.append("{}" if isinstance(obj, dict) else "[]")
            return
        values: Iterable[Any] = obj.values() if isinstance(obj, dict) else obj
        inner = " " * (self.indent * (level + 1))
        close = "\n" + " " * (self.indent * level) + ("}" if isinstance(obj, dict) else "]")
        for value in values:
            if isinstance(value, _CONTAINERS):
                break
        else:  # a flat container: one call in C
            body = self._flat(level + 1)(obj)
            pieces.append(body[0] + "\n" + inner + body[1:-1] + close)
            return
        separator = "\n" + inner
        if isinstance(obj, dict):
            pieces.append("{")
            for key, value in obj.items():
                # json's own conversion of a number, bool or None key to a string
                name = _string(key) if isinstance(key, str) else self._flat(0)({key: 0})[1:-4]
                pieces.append(separator + name + ": ")
                self.encode(value, level + 1)
                separator = ",\n" + inner
        else:
            pieces.append("[")
            for value in obj:
                pieces.append(separator)
                self.encode(value, level + 1)
                separator = ",\n" + inner
                if len(pieces) > _FLUSH_AT:  # a long list of findings: write as it goes
                    self.out.write("".join(pieces))
                    pieces.clear()
        pieces.append(close)
