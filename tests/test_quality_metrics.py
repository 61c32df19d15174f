"""Unit tests for the pure metric functions of bench/quality.py, on hand-made numbers only."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "quality.py"
    spec = importlib.util.spec_from_file_location("bench_quality", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look the module up while building classes
    spec.loader.exec_module(mod)
    return mod


q = _load()


def test_confusion_counts_each_cell() -> None:
    gold = [True, True, True, False, False, False, False]
    pred = [True, True, False, True, False, False, False]
    assert q.confusion(gold, pred) == q.Counts(tp=2, fp=1, fn=1, tn=3)


def test_confusion_rejects_unequal_lengths() -> None:
    with pytest.raises(ValueError):
        q.confusion([True], [True, False])


def test_prf_hand_computed() -> None:
    p, r, f = q.prf(q.Counts(tp=6, fp=2, fn=4, tn=88))
    assert p == pytest.approx(0.75)
    assert r == pytest.approx(0.6)
    assert f == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_prf_empty_prediction_scores_zero_not_error() -> None:
    assert q.prf(q.Counts(tp=0, fp=0, fn=5, tn=5)) == (0.0, 0.0, 0.0)
    assert q.prf(q.Counts(tp=3, fp=0, fn=0, tn=0)) == (1.0, 1.0, 1.0)


def test_percentile_interpolates() -> None:
    vals = [4.0, 1.0, 3.0, 2.0, 5.0]
    assert q.percentile(vals, 0.0) == 1.0
    assert q.percentile(vals, 1.0) == 5.0
    assert q.percentile(vals, 0.5) == 3.0
    assert q.percentile(vals, 0.125) == pytest.approx(1.5)
    assert q.percentile([], 0.5) == 0.0


def test_bootstrap_of_constant_data_is_a_point() -> None:
    pairs = [(True, True)] * 10 + [(False, False)] * 10
    [(plo, phi), (rlo, rhi), (flo, fhi)] = q.bootstrap(pairs, q.prf_of_pairs, resamples=200)
    assert (plo, phi, rlo, rhi, flo, fhi) == (1.0, 1.0, 1.0, 1.0, 1.0, 1.0)


def test_bootstrap_interval_brackets_estimate_and_is_reproducible() -> None:
    tp, fn, fp, tn = (True, True), (True, False), (False, True), (False, False)
    pairs = [tp] * 30 + [fn] * 20 + [fp] * 10 + [tn] * 40
    p, r, f = q.prf_of_pairs(pairs)
    assert (p, r) == pytest.approx((0.75, 0.6))
    cis = q.bootstrap(pairs, q.prf_of_pairs, resamples=300, seed=7)
    for est, (lo, hi) in zip((p, r, f), cis, strict=True):
        assert lo < est < hi
        assert hi - lo < 0.4  # 100 records: an interval, not the whole unit range
    assert q.bootstrap(pairs, q.prf_of_pairs, resamples=300, seed=7) == cis
    assert q.bootstrap([], q.prf_of_pairs) == []


def test_overlaps_needs_one_shared_character() -> None:
    assert q.overlaps((0, 5), (4, 9))
    assert not q.overlaps((0, 5), (5, 9))  # touching ends share nothing
    assert q.overlaps((3, 4), (0, 10))
    assert not q.overlaps((3, 3), (0, 10))  # zero-width


def test_span_recall_counts_per_record_and_skips_insertions() -> None:
    gold = [[(0, 4), (10, 15)], [(2, 2), (5, 8)], []]
    found = [[(12, 20)], [(0, 5)], [(0, 3)]]
    # record 0: second span hit; record 1: (2,2) is an insertion, (5,8) not hit by (0,5)
    assert q.span_recall(gold, found) == (1, 3)
    # a finding in another record does not count
    assert q.span_recall([[(0, 4)], []], [[], [(0, 4)]]) == (0, 1)


def test_paired_score_needs_biased_flagged_and_neutral_quiet() -> None:
    pairs = [(True, False), (True, True), (False, False), (False, True), (True, False)]
    assert q.paired_score(pairs) == pytest.approx(2 / 5)
    assert q.paired_score([]) == 0.0


def test_per_thousand() -> None:
    assert q.per_thousand(3, 600) == pytest.approx(5.0)
    assert q.per_thousand(1, 0) == 0.0


def test_quoted_ranges_straight_curly_and_unclosed() -> None:
    text = 'He said "no way" and “fine”.'
    ranges = q.quoted_ranges(text)
    assert [text[a:b] for a, b in ranges] == ["no way", "fine"]
    tail = "She called it “a disaster for all"
    assert [tail[a:b] for a, b in q.quoted_ranges(tail)] == ["a disaster for all"]
    lead = "more to come,” he said."
    assert [lead[a:b] for a, b in q.quoted_ranges(lead)] == ["more to come,"]
    assert q.quoted_ranges("no quotes here") == []


def test_all_inside() -> None:
    ranges = [(5, 20)]
    assert q.all_inside([(6, 9), (10, 20)], ranges)
    assert not q.all_inside([(6, 9), (21, 25)], ranges)
    assert not q.all_inside([], ranges)  # no evidence is not "all quoted"


def test_findings_hash_ignores_order_and_category_but_not_offsets() -> None:
    a = {"r1": [("x.rule", "cat", 0, 3), ("y.rule", "cat", 5, 9)], "r2": []}
    b = {"r2": [], "r1": [("y.rule", "other", 5, 9), ("x.rule", "cat", 0, 3)]}
    c = {"r1": [("x.rule", "cat", 0, 4), ("y.rule", "cat", 5, 9)], "r2": []}
    assert q.findings_hash(a) == q.findings_hash(b)
    assert q.findings_hash(a) != q.findings_hash(c)
    assert len(q.findings_hash(a)) == 64


def test_parse_categories_global_and_per_dataset() -> None:
    got = q.parse_categories(["weasel,sourcing", "babe=neutrality"])
    assert got["claimbuster"] == frozenset({"weasel", "sourcing"})
    assert got["babe"] == frozenset({"neutrality"})


def test_cats_of_maps_letters() -> None:
    assert q.cats_of({"rules": ["b", "e"]}, None) == frozenset({"sourcing"})
    assert q.cats_of({"rules": ["a", "c", "d"]}, None) == frozenset(
        {"attribution", "neutrality", "weasel"}
    )
    assert q.cats_of({"rules": ["c"]}, frozenset({"style"})) == frozenset({"style"})


def _rec(rid: str, text: str, label: int, rules: list[str], **meta: object) -> dict[str, object]:
    return {"id": rid, "text": text, "label": label, "rules": rules, "spans": [], "meta": meta,
            "split": "test"}


def test_claimbuster_row_keeps_only_sentences_with_numbers() -> None:
    recs = [_rec("c1", "a", 1, ["b", "e"], has_number=True),
            _rec("c2", "b", 0, ["b", "e"], has_number=False),
            _rec("c3", "c", 0, ["b", "e"], has_number=True)]
    found = [[("s.x", "sourcing", 0, 1)], [("s.x", "sourcing", 0, 1)], [("w.y", "weasel", 0, 1)]]
    [row] = q.build_rows("claimbuster", recs, found, None)
    m = q.score(row)
    assert (m["n"], m["positives"], m["p"], m["r"]) == (2, 1, 1.0, 1.0)  # weasel hit ignored


def test_wikiweasel_doxastic_row_treats_hedges_as_negatives() -> None:
    recs = [_rec("w1", "x", 1, ["d"], cue_types=["doxastic"]),
            _rec("w2", "y", 1, ["d"], cue_types=["epistemic"]),
            _rec("w3", "z", 0, ["d"], cue_types=[])]
    found = [[], [("weasel.v", "weasel", 0, 1)], []]
    dox, allcues = q.build_rows("wikiweasel", recs, found, None)
    md, ma = q.score(dox), q.score(allcues)
    assert (md["positives"], md["p"], md["r"], md["fa_per_1000"]) == (1, 0.0, 0.0, 500.0)
    assert (ma["positives"], ma["p"], ma["r"], ma["status"]) == (2, 1.0, 0.5, "-")


def test_wnc_row_scores_pairs() -> None:
    recs = [_rec("1b", "p", 1, ["c"], pair_id="1"), _rec("1n", "q", 0, ["c"], pair_id="1"),
            _rec("2b", "r", 1, ["c"], pair_id="2"), _rec("2n", "s", 0, ["c"], pair_id="2")]
    hit = [("neutrality.z", "neutrality", 0, 1)]
    [row] = q.build_rows("wnc", recs, [hit, [], hit, hit], None)
    m = q.score(row)
    assert (m["paired"], m["pairs"]) == (0.5, 2)
    assert m["status"] == "PASS"  # 0.5 >= floor 0.06 + 0.10


def test_main_json_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "newssd_eng"
    folder.mkdir()
    recs = [_rec(f"n{i}", f"Sentence number {i} is plain.", i % 2, ["c"]) for i in range(6)]
    recs.append({**_rec("nx", "Skipped.", 0, ["c"]), "label": None})
    (folder / "newssd_eng.jsonl").write_text("\n".join(json.dumps(r) for r in recs), "utf-8")
    args = ["--corpora", str(tmp_path), "--datasets", "newssd", "--json", "--hash"]
    assert q.main(args) == 0
    first = json.loads(capsys.readouterr().out)
    [m] = first["results"]
    assert (m["row"], m["n"], m["positives"]) == ("newssd", 6, 3)
    assert first["speed"][0]["records"] == 6
    assert q.main(args) == 0
    assert json.loads(capsys.readouterr().out)["findings_sha256"] == first["findings_sha256"]
