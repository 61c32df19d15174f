"""What a report may print of a file name or a matched text: no terminal control, no bad UTF-8.

A story or a file name is data, not instructions to the terminal or to the CI log. Every
format writes file names through :func:`shown_path` and every human or line format writes
messages and matched text through :func:`shown_text`:

- a byte of a file name that is not UTF-8 (Python holds it as a lone surrogate) is written
  ``\\xNN``, the byte's value, so every format stays valid UTF-8 and says which byte it was;
- a control character (C0 but tab, DEL, C1: ESC, BEL, CSI, a newline in a file name …) is
  written ``\\xNN`` too, so it can neither drive the terminal nor split a line of output.

The escape is one-way and for people: a name that itself contains ``\\x1b`` prints the same
as one holding the escape character. SARIF carries the exact bytes in its percent-encoded URIs.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, and the surrogates that stand for undecodable bytes
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\udc80-\udcff]")
_UNSAFE_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\udc80-\udcff]")  # a tab too


def _escape(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\x{code - 0xDC00 if code >= 0xDC00 else code:02x}"


def shown_path(path: str) -> str:
    return _UNSAFE_IN_NAME.sub(_escape, path) if _UNSAFE_IN_NAME.search(path) else path


def shown_text(text: str) -> str:
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text
