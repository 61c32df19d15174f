"""The real-copy suite: score copydesk on our own stories in the layouts of published copy.

The stories and their keys live in tests/fixtures/realcopy/ (see its README). For every story
the default rule set (news profile) lints the file as copydesk would, and the shared analysis
names each quotation's speaker. Reported:

- per keyed rule (the attribution pack, whose keys are complete): precision and recall of its
  findings against the key's ``expect`` list (a finding counts when it overlaps the expected
  words, same rule);
- quotation analysis against the key's ``quotes``: speech given a speaker (recall), the speaker
  found being the key's (speaker accuracy), titles and names left alone, real faults caught;
- findings per 1,000 words for every rule, error-level findings per 1,000 words per genre, and
  unattributed-quote false alarms per story;
- where the key lists every figure (``figures``, the sourcing stories), ``sourcing.unsourced-
  figure`` is keyed too: a finding is right on a figure keyed ``source: none``, wrong on any
  other, and the share of its findings on figures the story attributes to a speaker is reported;
- for every other rule, precision against the key's ``judged`` list (a copy editor's verdict on
  each finding: keep or not), with the findings no verdict covers counted as unjudged;
- warning and error findings of all rules together: keyed right or judged keep, over all.

Used by ``bench/quality.py --suite realcopy``; ``--tree`` scores another checkout's ``copydesk``
(the before of a before/after) with the same keys.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SUITE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "realcopy"
KEYED_PACKS = ("attribution",)
_SPACE = re.compile(r"\s+")


@dataclass
class Story:
    path: Path
    key: dict[str, Any]
    text: str

    @property
    def genre(self) -> str:
        return str(self.key.get("genre", "?"))


def locate(text: str, at: str) -> tuple[int, int]:
    """Where the key's words are in the story (bench only: keys name text, not offsets).
    Line breaks in the story match any white space in the key, so hard wraps need no care."""
    pattern = r"\s+".join(re.escape(w) for w in at.split())
    found = [m.span() for m in re.finditer(pattern, text)]
    if len(found) != 1:
        raise ValueError(f"{at!r} occurs {len(found)} times")
    return found[0]


def load_suite(folder: Path = SUITE) -> list[Story]:
    stories = []
    for key_file in sorted(folder.glob("*.key.yaml")):
        stem = key_file.name.removesuffix(".key.yaml")
        texts = [p for p in folder.glob(stem + ".*") if p.suffix in (".txt", ".md")]
        if len(texts) != 1:
            raise ValueError(f"{key_file.name}: expected one story file, found {len(texts)}")
        key = yaml.safe_load(key_file.read_text(encoding="utf-8"))
        stories.append(Story(texts[0], key, texts[0].read_text(encoding="utf-8")))
    return stories


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Scores:
    stories: int = 0
    words: int = 0
    words_by_genre: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    errors_by_genre: Counter[str] = field(default_factory=Counter)
    keyed: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    quotes: Counter[str] = field(default_factory=Counter)
    false_alarms: list[str] = field(default_factory=list)  # "story: rule: text" of keyed FPs
    misses: list[str] = field(default_factory=list)
    judged: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    judged_by_severity: Counter[str] = field(default_factory=Counter)
    figure_on_speaker: int = 0  # unsourced-figure findings on a figure keyed "speaker"


def score(stories: list[Story]) -> Scores:
    from copydesk.analysis.editorial import Editorial
    from copydesk.run.engine import compile_rules
    from copydesk.run.session import Settings, lint_text, select_specs
    from copydesk.text.document import build_document

    specs, severity = select_specs(Settings())
    ruleset = compile_rules(specs, severity)
    out = Scores()
    for story in stories:
        name = story.path.name
        result = lint_text(name, story.text, ruleset)
        words = len(story.text.split())
        out.stories += 1
        out.words += words
        out.words_by_genre[story.genre] += words
        for v in result.violations:
            out.rules[v.rule] += 1
            if int(v.severity) == 3:
                out.errors_by_genre[story.genre] += 1
        _score_findings(story, result.violations, out)
        _score_judged(story, result.violations, out)
        doc = build_document(name, story.text)
        _score_quotes(story, doc, Editorial(doc).quotes, out)
    return out


FIGURE_RULE = "sourcing.unsourced-figure"


def keyed(story: Story, rule: str) -> bool:
    """Does the story's key list every right finding of this rule?"""
    return rule.split(".")[0] in KEYED_PACKS or (rule == FIGURE_RULE and "figures" in story.key)


def _score_findings(story: Story, violations: list[Any], out: Scores) -> None:
    expected = [(e["rule"], locate(story.text, e["at"])) for e in story.key.get("expect") or []]
    figures = [(str(f["source"]), locate(story.text, f["at"]))
               for f in story.key.get("figures") or []]
    expected += [(FIGURE_RULE, span) for source, span in figures if source == "none"]
    matched: set[int] = set()
    for v in violations:
        if not keyed(story, v.rule):
            continue
        hit = next((i for i, (rule, (s, e)) in enumerate(expected)
                    if rule == v.rule and v.offset < e and s < v.end_offset), None)
        if v.rule == FIGURE_RULE and any(source == "speaker" and v.offset < e and s < v.end_offset
                                         for source, (s, e) in figures):
            out.figure_on_speaker += 1
        if int(v.severity) >= 2:
            out.judged_by_severity["keep" if hit is not None else "noise"] += 1
        if hit is None:
            out.keyed[v.rule].fp += 1
            excerpt = _SPACE.sub(" ", story.text[v.offset : v.end_offset])[:60]
            out.false_alarms.append(f"{story.path.name}: {v.rule}: {excerpt}")
        else:
            out.keyed[v.rule].tp += 1
            matched.add(hit)
    for i, (rule, (s, e)) in enumerate(expected):
        if i not in matched:
            out.keyed[rule].fn += 1
            out.misses.append(f"{story.path.name}: {rule}: {story.text[s:e]}")


def _score_judged(story: Story, violations: list[Any], out: Scores) -> None:
    """Each finding of an unkeyed rule against the copy editor's verdicts in ``judged``."""
    verdicts = [(j["rule"], locate(story.text, j["at"]), bool(j["keep"]))
                for j in story.key.get("judged") or []]
    for v in violations:
        if keyed(story, v.rule):
            continue
        keep = next((k for rule, (s, e), k in verdicts
                     if rule == v.rule and v.offset < e and s < v.end_offset), None)
        verdict = "unjudged" if keep is None else "keep" if keep else "noise"
        out.judged[v.rule][verdict] += 1
        if int(v.severity) >= 2:  # warning and error findings, together
            out.judged_by_severity[verdict] += 1


def _score_quotes(story: Story, doc: Any, quotes: list[Any], out: Scores) -> None:
    spans = [doc.prose.to_source(q.start, q.end) for q in quotes]
    for entry in story.key.get("quotes") or []:
        s, e = locate(story.text, entry["at"])
        gold = str(entry["speaker"])
        q = next((q for q, (qs, qe) in zip(quotes, spans, strict=True) if qs <= s and e <= qe),
                 None)
        kind = "title" if gold == "title" else "none" if gold == "none" else "speech"
        out.quotes[f"{kind}"] += 1
        if q is None:
            out.quotes[f"{kind} not paired"] += 1
            continue
        if kind == "title":
            out.quotes["title left alone"] += not q.attributed or q.is_title or q.is_mention
        elif kind == "none":
            out.quotes["fault kept unattributed"] += not q.attributed
        elif q.attributed:
            out.quotes["speech attributed"] += 1
            right = gold.lower() in q.speaker.lower() or q.speaker.lower() in gold.lower()
            out.quotes["speech, right speaker"] += right
        elif q.is_title or q.is_mention:
            out.quotes["speech taken for a title"] += 1


def per_thousand(n: int, words: int) -> float:
    return 1000 * n / words if words else 0.0


def report(s: Scores) -> dict[str, Any]:
    q = s.quotes
    speech = q["speech"] - q["speech not paired"]
    attributed = q["speech attributed"]
    unattributed_fp = s.keyed["attribution.unattributed-quote"].fp
    return {
        "stories": s.stories,
        "words": s.words,
        "keyed": {rule: {"tp": t.tp, "fp": t.fp, "fn": t.fn, "precision": t.p(),
                         "recall": t.r()} for rule, t in sorted(s.keyed.items())},
        "quotes": dict(sorted(q.items())),
        "speech_recall": attributed / speech if speech else 0.0,
        "speaker_accuracy": q["speech, right speaker"] / attributed if attributed else 0.0,
        "unattributed_false_alarms_per_story": unattributed_fp / s.stories if s.stories else 0,
        "per_1000_words": {rule: per_thousand(n, s.words) for rule, n in s.rules.most_common()},
        "all_per_1000_words": per_thousand(sum(s.rules.values()), s.words),
        "errors_per_1000_words_by_genre": {
            g: per_thousand(s.errors_by_genre[g], w) for g, w in sorted(s.words_by_genre.items())
        },
        "false_alarms": s.false_alarms,
        "misses": s.misses,
        "judged": {rule: _verdicts(c) for rule, c in sorted(s.judged.items())},
        "judged_warning_and_error": _verdicts(s.judged_by_severity),
        "unsourced_figure_on_attributed": (
            s.figure_on_speaker / (s.keyed[FIGURE_RULE].tp + s.keyed[FIGURE_RULE].fp)
            if s.keyed[FIGURE_RULE].tp + s.keyed[FIGURE_RULE].fp else 0.0),
    }


def _verdicts(c: Counter[str]) -> dict[str, Any]:
    judged = c["keep"] + c["noise"]
    return {"keep": c["keep"], "noise": c["noise"], "unjudged": c["unjudged"],
            "precision": c["keep"] / judged if judged else None}


def print_report(r: dict[str, Any]) -> None:
    print(f"real-copy suite: {r['stories']} stories, {r['words']:,} words")
    print(f"\n{'keyed rule':34} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for rule, m in r["keyed"].items():
        print(f"{rule:34} {m['tp']:4} {m['fp']:4} {m['fn']:4} {m['precision']:9.2f} "
              f"{m['recall']:7.2f}")
    print(f"\nquotations: speech attributed {r['speech_recall']:.2f}, right speaker "
          f"{r['speaker_accuracy']:.2f}; " + ", ".join(f"{k} {v}" for k, v in r["quotes"].items()))
    print(f"unattributed-quote false alarms per story: "
          f"{r['unattributed_false_alarms_per_story']:.2f}")
    print("error-level findings per 1,000 words: " + ", ".join(
        f"{g} {v:.2f}" for g, v in r["errors_per_1000_words_by_genre"].items()))
    print(f"all findings per 1,000 words: {r['all_per_1000_words']:.1f}; by rule:")
    for rule, v in r["per_1000_words"].items():
        print(f"  {rule:44} {v:6.2f}")
    if any(c["keep"] + c["noise"] for c in r["judged"].values()):
        print(f"\n{'judged rule':44} {'keep':>5} {'noise':>5} {'unjudged':>8} {'precision':>9}")
        for rule, c in r["judged"].items():
            p = "-" if c["precision"] is None else f"{c['precision']:.2f}"
            print(f"{rule:44} {c['keep']:5} {c['noise']:5} {c['unjudged']:8} {p:>9}")
        w = r["judged_warning_and_error"]
        p = "-" if w["precision"] is None else f"{w['precision']:.2f}"
        print(f"{'warning and error findings, all rules':44} {w['keep']:5} {w['noise']:5} "
              f"{w['unjudged']:8} {p:>9}")
        print("  (keyed findings count as keep when the key expects them, noise when not)")
    print(f"unsourced-figure findings on figures attributed to a speaker: "
          f"{r['unsourced_figure_on_attributed']:.0%}")
    for title, rows in (("keyed false alarms", r["false_alarms"]), ("keyed misses", r["misses"])):
        if rows:
            print(f"\n{title}:")
            for row in rows:
                print(f"  {row}")
