"""The page and the endpoints, with real lints: what they return, and that it is the library's."""

from __future__ import annotations

import re

import copydesk
import pytest
from copydesk.serve.linting import Linter
from starlette.testclient import TestClient

STORY = (
    "The man was arrested for theft on Tuesday. Ministers reportedly said the plan failed.\n\n"
    "The firm recently retired two ferries. Was it worth it?\n"
)
# astral characters (UTF-16 pairs) and combining marks before the fixable finding: its offsets
# in code points differ from the page's UTF-16 ones
ASTRAL = "Crew 🚢🔥 and Zoë (Zoe\u0308) wrote 𝒜. The man was arrested for theft. 👍🏽\n"


def findings(doc: dict) -> list[dict]:  # type: ignore[type-arg]
    return doc["files"][0]["violations"] if doc["files"] else []


def library(linter: Linter, text: str, fmt: str = "markdown", profile: str = "") -> object:
    """What the library API gives for the text, as the server must give it."""
    session = copydesk.Session(linter.config, copydesk.Overrides(profile=profile or None))
    name = {"markdown": "story.md", "text": "story.txt", "html": "story.html"}[fmt]
    return copydesk.to_json([copydesk.check_text(text, name, session)], session)


def test_page_is_self_contained_and_its_policy_names_its_nonce(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    policy = r.headers["content-security-policy"]
    nonce = re.search(r"script-src 'nonce-([^']+)'", policy)
    assert nonce is not None and "default-src 'none'" in policy and "connect-src 'self'" in policy
    scripts = re.findall(r"<script([^>]*)>", r.text)
    assert len(scripts) == 2 and all(f'nonce="{nonce[1]}"' in s for s in scripts)
    assert all(f'nonce="{nonce[1]}"' in s for s in re.findall(r"<style([^>]*)>", r.text))
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"
    # nothing from the network: no src, no link, no http address in an attribute
    assert not re.search(r"<link|\ssrc=|=\"https?:", r.text)
    for profile in ("news", "opinion", "wiki", "corporate", "moderation"):
        assert f'<option value="{profile}">' in r.text
    # a fresh nonce per response
    assert client.get("/").headers["content-security-policy"] != policy


def test_check_gives_the_fragment_the_document_and_the_counts(
    client: TestClient, linter: Linter
) -> None:
    r = client.post("/api/check", json={"text": STORY, "format": "markdown"})
    assert r.status_code == 200
    data = r.json()
    assert data["json"] == library(linter, STORY)
    rules = [v["rule"] for v in findings(data["json"])]
    assert "legal.presumption-of-guilt" in rules and "weasel.reportedly" in rules
    assert data["counts"]["total"] == len(rules)
    assert data["counts"]["warning"] == sum(v["severity"] == "warning"
                                            for v in findings(data["json"]))
    html = data["html"]
    assert html.startswith('<article class="cd-doc" id="doc"')
    # finding n of the fragment is violations[n - 1] of the document
    for n, v in enumerate(findings(data["json"]), 1):
        assert f'id="doc-{n}-note"' in html
        marked = re.findall(rf'<mark [^>]*data-finding="[^"]*\bdoc-{n}\b[^"]*"[^>]*>([^<]*)</mark>',
                            html)
        assert "".join(marked) == v["match"]


def test_the_json_endpoint_is_the_libraries_document(client: TestClient, linter: Linter) -> None:
    as_json = client.post("/api/json", json={"text": STORY, "format": "text"})
    raw = client.post("/api/json?format=text", content=STORY.encode(),
                      headers={"content-type": "text/plain; charset=utf-8"})
    assert as_json.status_code == raw.status_code == 200
    assert as_json.json() == raw.json() == library(linter, STORY, "text")
    assert as_json.json()["files"][0]["path"] == "story.txt"


def test_a_profile_changes_the_findings(client: TestClient, linter: Linter) -> None:
    text = "You should read this. Was it worth it? Ministers reportedly agreed.\n"
    news = client.post("/api/json", json={"text": text, "profile": "news"}).json()
    opinion = client.post("/api/json", json={"text": text, "profile": "opinion"}).json()
    assert "style.second-person" in {v["rule"] for v in findings(news)}
    assert "style.second-person" not in {v["rule"] for v in findings(opinion)}
    assert opinion == library(linter, text, profile="opinion")


def test_html_input_is_read_as_html(client: TestClient) -> None:
    text = '<p>He was <b>arrested for</b> theft.</p><script>var reportedly = 1;</script>\n'
    doc = client.post("/api/json", json={"text": text, "format": "html"}).json()
    assert [v["match"] for v in findings(doc)] == ["arrested for"]


def test_a_fix_replaces_exactly_its_code_points(client: TestClient) -> None:
    doc = client.post("/api/json", json={"text": ASTRAL}).json()
    index, v = next((i, v) for i, v in enumerate(findings(doc)) if v["fix"])
    (rep,) = v["fix"]["replacements"]
    assert len(ASTRAL[: rep["offset"]].encode("utf-16-le")) // 2 > rep["offset"]  # UTF-16 differs
    r = client.post("/api/fix", json={"text": ASTRAL, "finding": index, "rule": v["rule"],
                                      "offset": v["offset"]})
    assert r.status_code == 200, r.text
    fixed = r.json()["text"]
    assert fixed == ASTRAL[: rep["offset"]] + rep["text"] + ASTRAL[rep["end_offset"]:]
    assert fixed == ASTRAL.replace("arrested for", "arrested on suspicion of")
    assert r.json()["rule"] == "legal.presumption-of-guilt"
    after = client.post("/api/json", json={"text": fixed}).json()
    assert "legal.presumption-of-guilt" not in {x["rule"] for x in findings(after)}


def test_a_fix_keeps_crlf_line_ends(client: TestClient) -> None:
    text = "First line 😀\r\nThe man was arrested for theft.\r\nEnd.\r\n"
    doc = client.post("/api/json", json={"text": text}).json()
    index = next(i for i, v in enumerate(findings(doc)) if v["fix"])
    fixed = client.post("/api/fix", json={"text": text, "finding": index}).json()["text"]
    assert fixed == text.replace("arrested for", "arrested on suspicion of")


def test_a_stale_or_impossible_fix_changes_nothing(client: TestClient) -> None:
    doc = client.post("/api/json", json={"text": STORY}).json()
    index = next(i for i, v in enumerate(findings(doc)) if v["fix"])
    no_fix = next(i for i, v in enumerate(findings(doc)) if not v["fix"])
    cases = [
        ({"finding": index, "rule": "style.cliche"}, "no longer rule"),
        ({"finding": index, "offset": 0}, "no longer offset"),
        ({"finding": 99}, "no finding 99"),
        ({"finding": -1}, "no finding -1"),
        ({"finding": no_fix}, "has no single fix"),
        ({"finding": "1"}, "'finding' must be an integer"),
        ({"finding": True}, "'finding' must be an integer"),
    ]
    for extra, said in cases:
        r = client.post("/api/fix", json={"text": STORY, **extra})
        assert r.status_code == 400 and said in r.json()["error"], (extra, r.text)


def test_unknown_profile_or_format_is_refused(client: TestClient) -> None:
    for body, said in [
        ({"text": "x", "profile": "tabloid"}, "unknown profile 'tabloid' (known: corporate"),
        ({"text": "x", "profile": "../../etc/house.yaml"}, "unknown profile"),
        ({"text": "x", "format": "docx"}, "unknown format 'docx'"),
        ({"format": "text"}, "'text' is missing"),
        ({"text": 3}, "'text' must be a string"),
    ]:
        for url in ("/api/check", "/api/json", "/api/fix"):
            r = client.post(url, json={"finding": 0, **body})
            assert r.status_code == 400, (url, body, r.text)
            assert said in r.json()["error"]
            assert "\n" not in r.json()["error"]


def test_another_origin_cannot_drive_the_server(client: TestClient) -> None:
    body = {"text": STORY}
    same = client.post("/api/json", json=body, headers={"Origin": "http://127.0.0.1:8000"})
    assert same.status_code == 200
    refused = [
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        # DNS rebinding: the attacker's name now points at 127.0.0.1, same origin to the browser
        {"Host": "evil.example:8000", "Origin": "http://evil.example:8000"},
    ]
    for headers in refused:
        for url in ("/api/check", "/api/json", "/api/fix"):
            r = client.post(url, json={**body, "finding": 0}, headers=headers)
            assert r.status_code == 403, (headers, url)
            assert "refused" in r.json()["error"] or "not this server" in r.json()["error"]
            assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 403
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for r in (client.get("/nowhere"), client.get("/api/check"), client.post("/")):
        assert r.status_code in (404, 405)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["content-security-policy"] == "default-src 'none'"
        assert r.headers["x-frame-options"] == "DENY"


def test_a_bug_is_a_500_with_one_line_and_none_of_the_text(
    client: TestClient, linter: Linter, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise KeyError("the secret story text")

    monkeypatch.setattr(linter, "view", broken)
    r = client.post("/api/json", json={"text": "the secret story text"})
    assert r.status_code == 500 and r.json() == {"error": "internal error (KeyError)"}
    assert client.post("/api/json", json={"text": "fine"}).status_code == 500  # still serving
    monkeypatch.undo()
    assert client.post("/api/json", json={"text": "fine"}).status_code == 200
