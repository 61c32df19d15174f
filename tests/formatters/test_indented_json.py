"""The indented JSON writer (orjson) writes what json.dump(indent=2, ensure_ascii=False) does."""

from __future__ import annotations

import io
import json

import orjson
import pytest
from copydesk.formatters import indented_json
from hypothesis import given, settings
from hypothesis import strategies as st

# every value the formats write: no floats (orjson writes 1e-7 where json writes 1e-07)
_scalars = st.none() | st.booleans() | st.integers() | st.text()
_documents = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4)
    | st.lists(children, max_size=3).map(tuple)
    | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=30,
)


def _json(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2)


@settings(max_examples=400)
@given(_documents)
def test_same_text_as_json_dump(doc: object) -> None:
    out = io.StringIO()
    indented_json.dump(doc, out)
    assert out.getvalue() == _json(doc)


@pytest.mark.parametrize(
    "text",
    ["a\x00b\x01\x1f\x7f\x80\x9f", "tab\t nl\n cr\r bs\b ff\f", "é\U0001f600\u2028\u2029",
     '"\\/', "", "Placeholder “(source)”"],
)
def test_characters_json_escapes_or_keeps(text: str) -> None:
    doc = {"message": text, "list": [text, {"k": text}]}
    assert orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() == _json(doc)  # orjson itself
    assert indented_json.dumps(doc) == _json(doc)


@pytest.mark.parametrize(
    "doc",
    [{"path": "bad\udcff.md"}, {"big": 2**70}, {1: "an int key", None: [], False: {}}],
    ids=["lone surrogate", "beyond 64 bits", "keys that are not strings"],
)
def test_what_orjson_refuses_json_writes(doc: object) -> None:
    with pytest.raises(TypeError):
        orjson.dumps(doc, option=orjson.OPT_INDENT_2)
    assert indented_json.dumps(doc) == _json(doc)


def test_findings_shape_and_long_lists() -> None:
    finding = {
        "rule": "citations.placeholder", "message": "Placeholder “(source)” \u2028 é\U0001f600",
        "line": 3, "column": 12, "url": None, "fix": None, "ok": True,
    }
    fixed = dict(finding, fix={"replacements": [{"offset": 1, "end_offset": 2, "text": ""}]})
    doc = {"version": 1, "files": [{"path": "a.md", "violations": [finding, fixed] * 3000}],
           "errors": [], "summary": {}}
    out = io.StringIO()
    indented_json.dump(doc, out)
    assert out.getvalue() == _json(doc)
    assert json.loads(out.getvalue()) == doc
