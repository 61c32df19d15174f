"""``concise``: one ``path:line:col: severity: message [rule]`` line per finding."""

from __future__ import annotations

from ..core.model import FileResult
from .base import Formatter, locate
from .escape import shown_path, shown_text


class Concise(Formatter):
    name = "concise"
    choice_order = 1

    def render(self, results: list[FileResult]) -> None:
        for result in results:
            path = shown_path(result.path)
            for loc in locate(result, self.ctx.encoding):
                v, message = loc.v, shown_text(loc.v.message)
                self.out.write(
                    f"{path}:{loc.line}:{loc.column}: {v.severity}: {message} [{v.rule}]\n"
                )


FORMATS = (Concise,)
