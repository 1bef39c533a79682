"""Batch scoring to files: chunked, parallel, resumable, on Dask, and robust to bad input."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

import toolkit
from toolkit import batch
from toolkit.batch import score_folder
from toolkit.tables import companion_path, read_table

from .conftest import EXAMPLES

KEY = ["article_id", "sentence"]


def sorted_rows(path):
    return read_table(path).sort_values(KEY, ignore_index=True)


@pytest.fixture
def corpus(tmp_path):
    """Forty articles: the five samples, each copied eight times under other names."""
    folder = tmp_path / "corpus"
    for n in range(8):
        for src in sorted(EXAMPLES.glob("*.txt")):
            target = folder / f"outlet{n}" / src.name
            target.parent.mkdir(parents=True, exist_ok=True)
            text = src.read_text(encoding="utf-8")
            target.write_text(text if n == 0 else f"Reprinted by outlet {n}.\n{text}", encoding="utf-8")
    return folder


@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".parquet"])
def test_files_hold_the_same_rows_as_the_in_memory_api(tmp_path, ext):
    out = tmp_path / f"scores{ext}"
    summary = score_folder([EXAMPLES], out, chunk_size=2)
    expected = toolkit.score_paths(EXAMPLES)
    got = read_table(out)
    pd.testing.assert_frame_equal(got, expected.sentences, check_dtype=False, check_exact=False, rtol=1e-9)
    articles = read_table(companion_path(out, "articles"))
    assert articles["article_id"].tolist() == expected.articles["article_id"].tolist()
    assert (summary.articles, summary.sentences) == (5, len(expected.sentences))
    assert set(articles.columns) >= {"sha256", "copy_of", "n_sentences"}


def test_wire_copies_point_to_the_first_copy(tmp_path, corpus):
    summary = score_folder([corpus], tmp_path / "s.csv", chunk_size=7)
    articles = read_table(tmp_path / "s.articles.csv").set_index("article_id")
    first = "outlet0/000_fcb5c63802fe46cf.txt"
    assert articles.loc[first, "copy_of"] == ""
    assert articles.loc["outlet3/000_fcb5c63802fe46cf.txt", "copy_of"] == first
    # 001 reprints the interview of 000 with other wording: a copy of it, too
    assert articles.loc["outlet0/001_d11848f0d9787346.txt", "copy_of"] == first
    assert articles.loc["outlet5/003_8796687a21e2af44.txt", "copy_of"] == "outlet0/003_8796687a21e2af44.txt"
    assert summary.copies == 40 - 4  # four distinct stories among forty files


def test_bad_files_are_named_and_every_good_file_scored(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "bad-utf16.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 3)  # lone surrogates
    (folder / "cyrillic.txt").write_bytes("Россия и Иран подписали договор.".encode("cp1251"))
    found = batch.find_articles([folder])
    ghost = (folder / "vanished.txt", "vanished.txt")
    monkeypatch.setattr(batch, "find_articles", lambda paths, glob: [*found, ghost])
    summary = score_folder([folder], tmp_path / "s.csv")
    reasons = {os.path.basename(p): r for p, r in summary.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "bad-utf16.txt", "vanished.txt"}
    assert reasons["vanished.txt"] == "file vanished before it was read"
    assert summary.articles == 6
    listed = read_table(tmp_path / "s.csv.skipped.csv")
    assert sorted(map(os.path.basename, listed["path"])) == sorted(reasons)


def test_resume_scores_only_new_and_changed_articles(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    out = tmp_path / "s.jsonl"
    first = score_folder([folder], out, chunk_size=2)
    (folder / "002_051408f71aba761c.txt").write_text("A changed article. It has two sentences.", encoding="utf-8")
    (folder / "004_80c7d17c42638990.txt").unlink()
    shutil.copy(EXAMPLES / "004_80c7d17c42638990.txt", folder / "new.txt")
    again = score_folder([folder], out, chunk_size=2, resume=True)
    assert again.reused == 3  # 000, 001 and 003 unchanged
    fresh = score_folder([folder], tmp_path / "fresh.jsonl", chunk_size=2)
    pd.testing.assert_frame_equal(sorted_rows(out), sorted_rows(tmp_path / "fresh.jsonl"))
    assert first.articles == again.articles == fresh.articles == 5


def test_a_killed_run_resumes_to_exactly_the_rows_of_an_uninterrupted_one(tmp_path, corpus):
    out = tmp_path / "s.csv"
    command = [sys.executable, "-m", "toolkit", "score", str(corpus), "--out", str(out),
               "--chunk-size", "1", "--jobs", "1", "--quiet"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parts = tmp_path / "s.csv.parts"
    deadline = time.time() + 120
    while len(list(parts.glob("*.articles.csv"))) < 5 and time.time() < deadline and run.poll() is None:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    finished = len(list(parts.glob("*.articles.csv")))
    assert 5 <= finished < 40, "the run was not interrupted halfway"
    assert not out.exists(), "an interrupted run must not leave a final table"
    assert main_exit(command + ["--resume"]) == 0
    assert main_exit([sys.executable, "-m", "toolkit", "score", str(corpus), "--out", str(tmp_path / "whole.csv"),
                      "--quiet"]) == 0
    pd.testing.assert_frame_equal(sorted_rows(out), sorted_rows(tmp_path / "whole.csv"))
    assert len(read_table(tmp_path / "s.articles.csv")) == 40


def main_exit(command):
    return subprocess.run(command, capture_output=True, timeout=300).returncode


def test_two_processes_write_the_same_tables(tmp_path, corpus, monkeypatch):
    monkeypatch.setattr(batch, "MIN_PARALLEL_ARTICLES", 0)
    score_folder([corpus], tmp_path / "one.csv", jobs=1, chunk_size=10)
    score_folder([corpus], tmp_path / "two.csv", jobs=2, chunk_size=10)
    pd.testing.assert_frame_equal(sorted_rows(tmp_path / "one.csv"), sorted_rows(tmp_path / "two.csv"))


def test_dask_local_cluster_writes_the_same_tables(tmp_path, corpus):
    distributed = pytest.importorskip("dask.distributed")
    score_folder([corpus], tmp_path / "one.parquet", jobs=1, chunk_size=10)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        summary = score_folder([corpus], tmp_path / "dask.parquet", backend="dask", scheduler=client, chunk_size=10)
    assert summary.articles == 40
    pd.testing.assert_frame_equal(sorted_rows(tmp_path / "one.parquet"), sorted_rows(tmp_path / "dask.parquet"))
    pd.testing.assert_frame_equal(read_table(tmp_path / "one.articles.parquet"),
                                  read_table(tmp_path / "dask.articles.parquet"))


def test_unknown_backend_and_bad_extension_fail_before_any_work(tmp_path):
    with pytest.raises(toolkit.InputError, match="unknown backend"):
        score_folder([EXAMPLES], tmp_path / "s.csv", backend="spark")
    with pytest.raises(toolkit.InputError, match="use one of the extensions"):
        score_folder([EXAMPLES], tmp_path / "s.xlsx")
    assert not list(tmp_path.iterdir())
