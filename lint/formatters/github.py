"""``github``: GitHub Actions workflow commands that become annotations on a pull request.

One ``::error``/``::warning``/``::notice`` line per finding. ``col``/``endColumn`` are left out
when a finding spans lines (the Actions toolkit refuses them then). Columns follow
``--position-encoding`` (code points by default; GitHub does not specify a unit). Data and
property values are escaped as the toolkit's ``command.ts`` does, so a message or path can
never end the command early.
"""

from __future__ import annotations

from lint.core.model import FileResult, Severity
from lint.formatters.base import Formatter, locate
from lint.formatters.escape import shown_path, shown_text

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


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
        for result in results:
            if result.error:
                # An unreadable file still deserves an annotation, or CI fails with no pointer.
                props: dict[str, object] = {"file": shown_path(result.path), "title": "copydesk"}
                self.out.write(command("error", props, result.error) + "\n")
            for loc in locate(result, self.ctx.encoding):
                v = loc.v
                props = {"file": shown_path(result.path), "line": loc.line, "endLine": loc.end_line}
                if loc.end_line == loc.line:
                    props["col"] = loc.column
                    props["endColumn"] = loc.end_column
                props["title"] = v.rule
                self.out.write(command(COMMANDS[v.severity], props, v.message) + "\n")


FORMATS = (GitHub,)
