"""``spelling``: flag words no loaded Hunspell dictionary knows (Vale semantics).

Keys, as Vale reads them:

- ``dictionaries``: names, each ``<name>.aff``/``.dic`` in ``<StylesPath>/config/dictionaries``
  (or ``dicpath``), then $DICPATH. StylesPath is the folder above the rule's style folder. A
  name with ``*`` is a glob over the style's own dictionaries (every match, maybe none): ours,
  not Vale's, and what Vale.Spelling loads besides the default.
- ``append``: load the default en_US dictionary as well; without names it is always loaded.
- ``custom``: turn Vale's default filters off (see :mod:`.base.spell_words`).
- ``ignore``: word-list files (one or a list), from StylesPath or ``config/ignore``; as in
  Vale, one that is not there adds nothing.
- ``filters``: regexes; a word one of them matches anywhere is not checked.
- ``vocab`` (default true): the project's accepted terms pass, in any case, and a multi-word
  term hides its words where the phrase stands.

A word is correct when any loaded dictionary accepts it or a word list holds it (as written or
lower-cased). Each finding is the word's span; the message's ``%s`` is the word. Verdicts are
cached per run of text, so a long document costs little more than its distinct words.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..analysis.context import Context, inside, merge
from ..core import schema
from ..core.rule_spec import RuleSpec
from ..match.patterns import TIMEOUT_SECONDS, RuleTimeout, finditer
from ..match.shared import SharedMatchers
from .base import dictionaries as dicts
from .base.rule import Hit, KindError, Rule, check_regex
from .base.spell_words import RUNS, skipped_by_default, split_run

NAME = "spelling"



KEYS: dict[str, schema.Check] = {
    "dictionaries": schema.is_str_list,
    "dicpath": schema.is_str,
    "custom": schema.is_bool,
    "append": schema.is_bool,
    "ignore": schema.is_str_or_list,
    "filters": schema.is_str_list,
    "vocab": schema.is_bool,
}
_CACHE_LIMIT = 200_000  # distinct runs of text remembered per rule before starting afresh


def unavailable() -> str | None:
    """The loader's question: can spelling rules run here? (chunspell installed)"""
    return dicts.missing_backend()


def styles_path(spec: RuleSpec) -> Path:
    """StylesPath: the folder above the style folder that holds the rule's file."""
    return Path(spec.source).resolve().parent.parent


def _ignores(spec: RuleSpec) -> list[str]:
    value = spec.options.get("ignore") or []
    return [value] if isinstance(value, str) else list(value)


def resolve(spec: RuleSpec) -> tuple[list[dicts.DictionaryFiles], list[Path], bool]:
    """The rule's dictionaries, word-list files, and whether the default dictionary is added;
    KindError (naming the key and the paths tried) for a dictionary missing or unreadable."""
    opts = spec.options
    styles = styles_path(spec)
    try:
        roots = dicts.dictionary_roots(styles, opts.get("dicpath"))
    except LookupError as exc:
        raise KindError(str(exc), ["dicpath"]) from None
    files: list[dicts.DictionaryFiles] = []
    for i, name in enumerate(opts.get("dictionaries") or []):
        try:
            files += dicts.find(name, roots)
        except LookupError as exc:
            raise KindError(str(exc), ["dictionaries", i]) from None
    lists = [p for entry in _ignores(spec) for p in dicts.word_list_files(entry, styles)]
    default = not opts.get("dictionaries") or bool(opts.get("append"))
    return files, lists, default


def data_files(spec: RuleSpec) -> list[str]:
    """The files the loader's cache must watch: each dictionary's .aff and .dic, and every place
    an ``ignore`` entry may name (a word list added later counts too)."""
    files, _, _ = resolve(spec)
    out = [str(p) for f in files for p in f.paths()]
    styles = styles_path(spec)
    for entry in _ignores(spec):
        out += [str(p) for p in dicts.word_list_candidates(entry, styles)]
        out += [str(p) for p in dicts.word_list_files(entry, styles)]
    return out


def validate(spec: RuleSpec) -> None:
    for i, pattern in enumerate(spec.options.get("filters") or []):
        check_regex(pattern, False, ["filters", i])
    _, lists, _ = resolve(spec)
    try:
        dicts.read_word_lists(lists)
    except OSError as exc:
        raise KindError(f"cannot read an ignore file: {exc}", ["ignore"]) from None


class Spelling(Rule):
    def __init__(self, spec: RuleSpec, shared: SharedMatchers) -> None:
        super().__init__(spec)
        opts = spec.options
        files, lists, default = resolve(spec)
        if default:
            files = [*files, dicts.bundled()]
        self.spellers = [dicts.speller(f) for f in dict.fromkeys(files)]
        self.words = dicts.read_word_lists(lists)
        self.defaults = not opts.get("custom")
        self.filters = [check_regex(p, False, ["filters"]) for p in opts.get("filters") or []]
        vocab = shared.accept if opts.get("vocab", True) else []
        # Vale matches accepted terms against a word in any case, and an accepted phrase as
        # whole words
        self.accept = [_ignorecase(p.pattern, p.flags) for p in vocab]
        self.phrases = [
            _ignorecase(rf"\b(?:{p.pattern})\b", p.flags) for p in vocab if _is_phrase(p.pattern)
        ]
        self._runs: dict[str, tuple[tuple[int, int, str], ...]] = {}

    def _misspelt(self, word: str) -> bool:
        if self.defaults and skipped_by_default(word):
            return False
        if any(_timed(f.search, word) for f in self.filters):
            return False
        if word in self.words or word.lower() in self.words:
            return False
        # a quotation mark Vale leaves on a word ('automatic) is not part of its spelling
        bare = word.strip("'") or word
        if any(s.accepts(bare) for s in self.spellers):
            return False
        return not any(_timed(p.fullmatch, word) for p in self.accept)

    def _verdict(self, run: str) -> tuple[tuple[int, int, str], ...]:
        found = tuple(w for w in split_run(run) if self._misspelt(w[2]))
        if len(self._runs) >= _CACHE_LIMIT:
            self._runs.clear()
        self._runs[run] = found
        return found

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        masked = self._masked(text) if self.phrases else []
        runs = self._runs
        for m in RUNS.finditer(text):
            run = m.group()
            found = runs.get(run)
            if found is None:
                found = self._verdict(run)
            for a, b, word in found:
                start, end = m.start() + a, m.start() + b
                if not masked or not inside(masked, start, end):
                    yield Hit(start, end, (word,))

    def _masked(self, text: str) -> list[tuple[int, int]]:
        """Where accepted multi-word terms stand: their words are not checked there."""
        return merge([m.span() for p in self.phrases for m in finditer(p, text)])


def _is_phrase(pattern: str) -> bool:
    return " " in pattern or r"\s" in pattern


def _ignorecase(pattern: str, flags: int) -> Any:
    import regex

    return regex.compile(pattern, flags | regex.IGNORECASE)


def _timed(method: Any, word: str) -> bool:
    """A pack author's (or the vocabulary's) regex on one word, under the usual time limit."""
    try:
        return method(word, timeout=TIMEOUT_SECONDS) is not None
    except TimeoutError:
        raise RuleTimeout(f"pattern timed out after {TIMEOUT_SECONDS:g}s") from None


def compile(spec: RuleSpec, shared: SharedMatchers) -> Rule:
    return Spelling(spec, shared)
