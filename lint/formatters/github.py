"""``github``: GitHub Actions workflow commands that become annotations on a pull request.

One ``::error``/``::warning``/``::notice`` line per finding. ``col``/``endColumn`` are left out
when a finding spans lines (the Actions toolkit refuses them then). Columns follow
``--position-encoding`` (code points by default; GitHub does not specify a unit). Data and
property values are escaped as the toolkit's ``command.ts`` does, so a message or path can
never end the command early.

After the annotations comes one plain summary line: how many of each level were written and,
past :data:`SHOWN_PER_LEVEL` of a level, how many of those GitHub does not show (it annotates
only 10 errors, 10 warnings and 10 notices in a step). A plain line, not a
``::notice``: a notice would itself be an annotation, hidden by the very cap it reports once
ten notices were written, while the step's log always shows a plain line.
"""

from __future__ import annotations

from ..core.model import FileResult, Severity
from .base import Formatter, locate
from .escape import shown_path, shown_text

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}
SHOWN_PER_LEVEL = 10  # annotations of each level GitHub shows per step


def escape_data(text: str) -> str:
    # the toolkit's escapes (a line break stays a line of the annotation), then any other
    # control character made visible: the Actions log renders ANSI escapes
    return shown_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


class GitHub(Formatter):
    name = "github"
    choice_order = 4

    def render(self, results: list[FileResult]) -> None:
        written = dict.fromkeys(COMMANDS.values(), 0)
        for result in results:
            if result.error:
                # An unreadable file still deserves an annotation, or CI fails with no pointer.
                props: dict[str, object] = {"file": shown_path(result.path), "title": "copydesk"}
                self.out.write(command("error", props, result.error) + "\n")
                written["error"] += 1
            for loc in locate(result, self.ctx.encoding):
                v = loc.v
                props = {"file": shown_path(result.path), "line": loc.line, "endLine": loc.end_line}
                if loc.end_line == loc.line:
                    props["col"] = loc.column
                    props["endColumn"] = loc.end_column
                props["title"] = v.rule
                self.out.write(command(COMMANDS[v.severity], props, v.message) + "\n")
                written[COMMANDS[v.severity]] += 1
        self.out.write(summary(written) + "\n")


def _count(n: int, level: str) -> str:
    return f"{n} {level}{'' if n == 1 else 's'}"


def summary(written: dict[str, int]) -> str:
    """``copydesk: 12 errors, 0 warnings, 1 notice annotated`` and what GitHub leaves out."""
    line = "copydesk: " + ", ".join(_count(n, level) for level, n in written.items())
    line += " annotated"
    hidden = [(n - SHOWN_PER_LEVEL, level) for level, n in written.items() if n > SHOWN_PER_LEVEL]
    if hidden:
        verb = "is" if [n for n, _ in hidden] == [1] else "are"
        line += (
            f"; GitHub shows {SHOWN_PER_LEVEL} annotations of each level per step, so "
            + ", ".join(_count(n, level) for n, level in hidden)
            + f" {verb} not shown (--format concise lists every finding)"
        )
    return line


FORMATS = (GitHub,)
