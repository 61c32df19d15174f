"""The fast indented JSON writer writes what json.dump(indent=n, ensure_ascii=False) does."""

from __future__ import annotations

import io
import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.formatters import indented_json

_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_documents = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4)
    | st.lists(children, max_size=3).map(tuple)
    | st.dictionaries(_keys, children, max_size=4),
    max_leaves=30,
)


@settings(max_examples=400)
@given(_documents, st.sampled_from([0, 1, 2, 4]))
def test_same_text_as_json_dump(doc: object, indent: int) -> None:
    expected = io.StringIO()
    json.dump(doc, expected, ensure_ascii=False, indent=indent)
    assert indented_json.dumps(doc, indent) == expected.getvalue()


def test_findings_shape_and_long_lists() -> None:
    # a list longer than the flush size is written in several pieces, still in order
    finding = {
        "rule": "citations.placeholder", "message": "Placeholder “(source)” \u2028 é\U0001f600",
        "line": 3, "column": 12, "url": None, "fix": None, "ratio": math.pi, "ok": True,
    }
    fixed = dict(finding, fix={"replacements": [{"offset": 1, "end_offset": 2, "text": ""}]})
    doc = {"version": 1, "files": [{"path": "a.md", "violations": [finding, fixed] * 3000}],
           "errors": [], "summary": {}}
    out = io.StringIO()
    indented_json.dump(doc, out)
    assert out.getvalue() == json.dumps(doc, ensure_ascii=False, indent=2)
    assert json.loads(out.getvalue()) == doc


def test_without_json_c_module(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # where json has no C encoder the same separators run through JSONEncoder in Python
    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    monkeypatch.setattr(indented_json, "_C_MAKE_ENCODER", None)
    doc = {"a": [1, {"b": None, 2: "é"}, []], "c": {"d": [1.5, float("inf")]}}
    assert indented_json.dumps(doc, 2) == json.dumps(doc, ensure_ascii=False, indent=2)


def test_c_encoder_that_takes_other_arguments(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # c_make_encoder is private: if a Python changes what it takes, the JSONEncoder path writes
    def refuses(*args: object) -> None:
        raise TypeError("takes other arguments")

    monkeypatch.setattr(indented_json, "_C_MAKE_ENCODER", refuses)
    doc = {"files": [{"path": "a.md", "violations": [{"rule": "x", "line": 1}]}]}
    assert indented_json.dumps(doc, 2) == json.dumps(doc, ensure_ascii=False, indent=2)


def test_c_encoder_that_writes_otherwise(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # checked against JSONEncoder once: one that answers differently is not used
    real = json.encoder.c_make_encoder

    def other(*args: object) -> object:
        made = real(*args)
        return lambda obj, level: [*made(obj, level), " "]

    monkeypatch.setattr(indented_json, "_C_MAKE_ENCODER", other)
    doc = {"files": [{"path": "a.md", "violations": [{"rule": "x", "line": 1}]}]}
    assert indented_json.dumps(doc, 2) == json.dumps(doc, ensure_ascii=False, indent=2)
