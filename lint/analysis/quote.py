"""Quote: one quotation of a document (its marks, its block, its speaker once attributed), the
record the quotation finder, the single-quote pairing and the attribution routes share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (block end for a continued quotation)
    block: int
    closed: bool = True
    continues: bool = False  # this quotation carries on from the previous block
    words: int = 0
    is_title: bool = False
    is_mention: bool = False
    attributed: bool = False
    speaker: str = ""
    route: str = ""
    attribution_at: int = -1  # where the report verb (or speaker label) sits
    open_len: int = 1  # length of the opening mark ('' and `` are two characters)
    close_len: int = 1
    single: bool = False  # in single quotation marks

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.open_len, self.end - self.close_len if self.closed else self.end
