"""Build the speed benchmark's corpora: plain text, Markdown, one big file, 5 KB, term packs.

Everything is derived deterministically (one seed) from the ``text`` of every JSONL record in
``../shared/corpora``. Sentences repeat once the records run out; that is expected (issue 5
forbids result caches keyed on text, so repetition measures nothing false). Sizes are in
UTF-8 bytes and MB means 10**6 bytes, as in ``bench/quality.py``.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

MB = 1_000_000
_SPACES = re.compile(r"\s+")
# Only plain words get emphasis/link/code markup, so punctuation never ends up inside markup.
_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
_WORD = re.compile(r"[a-z]{6,14}")


def load_sentences(corpora: Path) -> list[str]:
    """Every record's text with whitespace collapsed, in a fixed (sorted file, file order) order."""
    out: list[str] = []
    files = sorted(corpora.rglob("*.jsonl"))
    if not files:
        raise SystemExit(f"no *.jsonl files under {corpora}")
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                text = _SPACES.sub(" ", str(json.loads(line).get("text") or "")).strip()
                if text:
                    out.append(text)
    return out


def paragraphs(sentences: list[str], seed: int) -> Iterator[str]:
    """An endless stream of paragraphs of 2-6 sentences; each pass reshuffles the records."""
    rng = random.Random(seed)
    order = list(range(len(sentences)))
    while True:
        rng.shuffle(order)
        i = 0
        while i < len(order):
            n = rng.randint(2, 6)
            yield " ".join(sentences[j] for j in order[i : i + n])
            i += n


def plain_files(sentences: list[str], total_bytes: int, n_files: int, seed: int) -> list[list[str]]:
    """``n_files`` lists of paragraphs whose UTF-8 size (joined by blank lines) sums to ~total."""
    per_file = max(1, total_bytes // n_files)
    stream = paragraphs(sentences, seed)
    files: list[list[str]] = []
    for _ in range(n_files):
        paras: list[str] = []
        size = 0
        while size < per_file:
            p = next(stream)
            paras.append(p)
            size += len(p.encode("utf-8")) + 2  # the blank line that follows it
        files.append(paras)
    return files


def plain_text(paras: list[str]) -> str:
    return "\n\n".join(paras) + "\n"


def _inline(sentence: str, rng: random.Random, link_no: list[int]) -> str:
    """Wrap a few plain words of one sentence in emphasis, a link or inline code."""
    words = sentence.split(" ")
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        i = rng.randrange(len(words))
        if not _PLAIN_WORD.fullmatch(words[i]):
            continue
        kind = rng.random()
        if kind < 0.35:
            words[i] = f"*{words[i]}*"
        elif kind < 0.55:
            words[i] = f"**{words[i]}**"
        elif kind < 0.8:
            j = min(len(words), i + rng.randint(1, 3))
            if all(_PLAIN_WORD.fullmatch(w) for w in words[i:j]):
                link_no[0] += 1
                words[i:j] = [f"[{' '.join(words[i:j])}](https://example.com/story/{link_no[0]})"]
        else:
            words[i] = f"`{words[i]}`"
    return " ".join(words)


def _split_sentences(paragraph: str) -> list[str]:
    # Good enough for layout decisions; the linter does its own segmentation.
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", paragraph)
    return [p for p in parts if p]


def markdown_text(paras: list[str], rng: random.Random, title_words: int = 6) -> str:
    """The same paragraphs with headings, lists, block quotes, emphasis, links and code mixed in."""
    link_no = [0]
    first = _split_sentences(paras[0])[0].split(" ")[:title_words] if paras else ["Untitled"]
    blocks = ["# " + " ".join(first).rstrip(".,;:!?")]
    for para in paras:
        sentences = [_inline(s, rng, link_no) for s in _split_sentences(para)]
        roll = rng.random()
        if roll < 0.08 and len(sentences) > 1:
            blocks.append("## " + sentences[0])
            blocks.append(" ".join(sentences[1:]))
        elif roll < 0.18:
            blocks.append("\n".join(f"- {s}" for s in sentences))
        elif roll < 0.23:
            blocks.append("\n".join(f"{k}. {s}" for k, s in enumerate(sentences, 1)))
        elif roll < 0.31:
            blocks.append("\n".join(f"> {s}" for s in sentences))
        else:
            blocks.append(" ".join(sentences))
    return "\n\n".join(blocks) + "\n"


def small_file(paras: list[str], limit: int = 5 * 1024) -> str:
    """Paragraphs up to ``limit`` bytes (the pre-commit case); the last one cut at a word."""
    out: list[str] = []
    for p in paras:
        if len(plain_text([*out, p]).encode("utf-8")) <= limit:
            out.append(p)
            continue
        words: list[str] = []
        for w in p.split(" "):
            if len(plain_text([*out, " ".join([*words, w])]).encode("utf-8")) > limit:
                break
            words.append(w)
        if words:
            out.append(" ".join(words))
        break
    return plain_text(out)


def _made_up_word(rng: random.Random) -> str:
    # Consonant-vowel syllables plus a rare tail: pronounceable, practically never a real word.
    onsets = "b c d f g h j k l m n p r s t v w z br dr gr kl pl st tr".split()
    vowels = "a e i o u ai ou".split()
    word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
    return word + rng.choice(("x", "q", "zz", "vk", "th"))


def real_words(sentences: list[str], n: int, seed: int) -> list[str]:
    """``n`` mid-frequency corpus words (ranks 300-3000): some findings, not a flood."""
    counts = Counter(w for s in sentences[:50_000] for w in _WORD.findall(s.lower()))
    ranked = [w for w, _ in counts.most_common(3000)][300:]
    return sorted(random.Random(seed).sample(ranked, min(n, len(ranked))))


def term_pack(name: str, n_terms: int, real: list[str], seed: int) -> str:
    """A YAML pack: one existence rule whose ``tokens`` are ``real`` plus made-up literal terms.

    Both pack sizes share the same real words, so their findings should be the same and only
    the term count differs. About one made-up term in ten is a two-word phrase.
    """
    rng = random.Random(seed)
    terms: list[str] = list(real)
    seen = set(terms)
    while len(terms) < n_terms:
        term = _made_up_word(rng)
        if rng.random() < 0.1:
            term += " " + _made_up_word(rng)
        if term not in seen:
            seen.add(term)
            terms.append(term)
    tokens = "\n".join(f"      - {json.dumps(t)}" for t in terms)
    return (
        f"pack: {name}\n"
        f"description: {n_terms} literal terms generated by bench/speed.py\n"
        "rules:\n"
        "  - id: terms\n"
        "    extends: existence\n"
        "    message: \"'%s' is on the generated list.\"\n"
        "    severity: warning\n"
        "    ignorecase: true\n"
        "    tokens:\n"
        f"{tokens}\n"
    )


def write_corpus(root: Path, files: list[str], suffix: str) -> int:
    """Write ``files`` as root/doc-NNN.suffix; return the total UTF-8 bytes written."""
    root.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, text in enumerate(files):
        data = text.encode("utf-8")
        (root / f"doc-{i:04d}{suffix}").write_bytes(data)
        total += len(data)
    return total
