"""``concise``: one ``path:line:col: severity: message [rule]`` line per finding."""

from __future__ import annotations

from lint.formatters import Formatter, locate
from lint.model import FileResult


class Concise(Formatter):
    name = "concise"

    def render(self, results: list[FileResult]) -> None:
        for result in results:
            for loc in locate(result, self.ctx.encoding):
                v = loc.v
                self.out.write(
                    f"{result.path}:{loc.line}:{loc.column}: {v.severity}: {v.message} [{v.rule}]\n"
                )
