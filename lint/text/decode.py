"""From bytes to text: UTF-8 with one leading BOM dropped and line endings untouched, or an
:class:`InputError` that says why not: a NUL byte anywhere (binary), UTF-16 or UTF-32 with a
byte-order mark (named, with the command that converts it), or bytes that are not UTF-8."""

from __future__ import annotations

import codecs


class InputError(Exception):
    """A file that cannot be linted (missing, binary, undecodable)."""


# UTF-32 first: its little-endian mark begins with UTF-16's (FF FE, then 00 00).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "LE"),
    (codecs.BOM_UTF32_BE, "UTF-32", "BE"),
    (codecs.BOM_UTF16_LE, "UTF-16", "LE"),
    (codecs.BOM_UTF16_BE, "UTF-16", "BE"),
)


def wide_encoding(data: bytes) -> tuple[str, str] | None:
    """("UTF-16", "LE") and so on when ``data`` opens with a UTF-16 or UTF-32 byte-order mark."""
    for bom, name, order in _WIDE_BOMS:
        # FF FE 00 00 is also UTF-16 LE text opening with U+0000: UTF-32 has whole 4-byte units
        if data.startswith(bom) and (name == "UTF-16" or len(data) % 4 == 0):
            return name, order
    return None


def looks_binary(data: bytes) -> bool:
    """A NUL byte anywhere (no text file has one; a search in C, fast on any size), unless the
    file is UTF-16 or UTF-32 text with a byte-order mark, whose ASCII has NULs between bytes:
    that is text, reported as an input error naming its encoding rather than skipped."""
    return b"\x00" in data and wide_encoding(data) is None


def decode(data: bytes) -> str:
    """Decode UTF-8, dropping one leading BOM. Raises InputError naming the bad byte.

    UTF-16 and UTF-32 are not decoded for the user: offsets and columns would then have to be
    mapped back to the file's code units and fixes written back in its encoding. The error
    names the encoding and the conversion instead.
    """
    wide = wide_encoding(data)
    if wide is not None:
        name, order = wide
        raise InputError(
            f"encoded as {name} ({order}, with BOM); copydesk reads UTF-8 — "
            f"convert it with iconv -f {name} -t UTF-8"
        )
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start})"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text
