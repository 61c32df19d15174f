"""The one-pass directive scan: it finds what the regex it replaced found, on any input, and it
stays linear where that regex was quadratic (hang guards: CPU ceilings far above the cost)."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest
from copydesk.packs.load import load_pack
from copydesk.run.comment_scan import directives
from copydesk.run.engine import compile_rules
from copydesk.run.session import lint_text
from copydesk.run.suppress import _PREFIX

# the regex the suppression comments were found with before (copydesk-disable-line added)
OLD = re.compile(
    r"<!--\s*copydesk-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->",
    re.IGNORECASE,
)
PIECES = ["<!--", "-->", "->", "--", "-", ">", " ", "\n", "\u2003", "copydesk-", "disable",
          "enable", "-line", "-next-line", "x", "citations.tk", ",", "<!-->", "COPYDESK-DISABLE"]


def test_the_scan_finds_what_the_regex_found() -> None:
    rng = random.Random(17)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        old = [(m.start(), m.end(), m.group(1), m.group(2), m.start(2)) for m in OLD.finditer(text)]
        new = [
            (d.start, d.end, d.head.group(1), text[d.body : d.body_end], d.body)
            for d in directives(text, _PREFIX)
        ]
        assert new == old, repr(text)


def test_a_directive_after_an_unclosed_opening_is_still_read() -> None:
    text = "<!-- note <!-- copydesk-disable citations.tk  -->"
    (d,) = directives(text, _PREFIX)
    assert (d.start, d.end, text[d.body : d.body_end]) == (10, len(text), " citations.tk")


HOSTILE = {
    "unclosed": "<!-- copydesk-disable x " * 10_000,
    "unclosed vale": "<!-- vale x " * 20_000,
    "a long blank run": "<!-- copydesk-disable" + " " * 200_000 + "x -->",
    "a long blank run, vale": "<!-- vale" + " " * 200_000 + "x -->",
    "openings in one comment": "<!-- " + "<!-- copydesk-disable x " * 10_000 + "-->",
    "a same-line comment on each line": "TK <!-- copydesk-disable-line -->\nTK\n" * 20_000,
    "vale switches": "<!-- vale off --> TK <!-- vale on --> TK " * 5_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("fmt", ["a.md", "a.txt"])
def test_hostile_comments_lint_in_linear_time(builtin: Path, name: str, fmt: str) -> None:
    ruleset = compile_rules(load_pack(builtin / "citations.yaml").rules)
    text = HOSTILE[name]
    started = time.process_time()
    result = lint_text(fmt, text, ruleset)
    assert time.process_time() - started < 15  # ≤ 0.6 s each when written (minutes before)
    assert all(0 <= v.offset < v.end_offset <= len(text) for v in result.violations)
