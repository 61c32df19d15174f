"""The archive helper on a local Dask cluster of two worker processes finds, row for row, what
``copydesk check --format json-lines`` finds on the same files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import run
from copydesk import archive

STORIES = {
    "a.md": "# Budget\n\nThe bridge will cost $TK million (source).\n",
    "b.txt": "Critics say the plan is late. “We will fix it,” she said.\n",
    "c.md": "# Clean\n\nThe council met on Tuesday.\n",
    "d.html": "<p>Many experts say the fare is the highest in the region.</p>\n",
    "e.txt": "Officials said 40% of buses ran late, and thousands of riders waited.\n",
}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    import distributed  # in the test extra: this test always runs

    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def _write(folder: Path) -> list[str]:
    for name, text in STORIES.items():
        (folder / name).write_text(text, "utf-8")
    return [str(folder / name) for name in sorted(STORIES)]


def test_files_on_a_local_cluster_find_what_the_command_finds(client: Any, tmp_path: Path) -> None:
    paths = _write(tmp_path)
    rows = archive.check_files(paths, npartitions=3).compute()
    _, out, _ = run(["check", "--format", "json-lines", *paths])
    expected = [json.loads(line) for line in out.splitlines()]
    assert expected and sorted(rows, key=json.dumps) == sorted(expected, key=json.dumps)
    # the work ran on the cluster's two worker processes
    assert len(client.scheduler_info()["workers"]) == 2


def test_records_with_options_and_errors(client: Any, tmp_path: Path) -> None:
    import dask.bag as db

    records = [(f"story-{i}.md", text) for i, text in enumerate(STORIES.values())]
    options = archive.Options(select=("citations",))
    rows = archive.check_bag(db.from_sequence(records, npartitions=2), options).compute()
    assert rows and {r["rule"].split(".")[0] for r in rows} == {"citations"}
    assert rows == archive.check_records(records, options)  # the same here as on the cluster
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    (bad,) = archive.check_paths([str(tmp_path / "bad.txt")])
    assert bad["path"].endswith("bad.txt") and "not valid UTF-8" in bad["error"]
