"""The HTML report: self-contained, bounded in size, and working in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from toolkit.batch import score_folder
from toolkit.cli import main
from toolkit.report import ALL_SENTENCES_UP_TO, build_report, write_report
from toolkit.tables import read_table

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """The sample articles as two outlets' folders, scored to CSV."""
    tmp = tmp_path_factory.mktemp("report")
    for outlet, names in (("outlet_a", ["000", "002", "004"]), ("outlet_b", ["001", "003"])):
        (tmp / "in" / outlet).mkdir(parents=True)
        for src in EXAMPLES.glob("*.txt"):
            if src.name[:3] in names:
                shutil.copy(src, tmp / "in" / outlet / src.name)
    score_folder([tmp / "in"], tmp / "scores.csv")
    return tmp


def test_report_is_one_offline_file(scored):
    page = write_report(scored / "scores.csv", scored / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link|@import|url\(", page)
    assert not re.findall(r"https?://(?!www\.w3\.org/2000/svg)", page), "the page must make no network request"
    assert '"n_articles":5' in page and "outlet_a/" in page


def test_score_writes_the_report_too(scored, tmp_path):
    assert main(["score", str(scored / "in"), "--out", str(tmp_path / "s.csv"), "--report", str(tmp_path / "r.html")]) == 0
    assert main(["report", str(tmp_path / "s.csv"), "--out", str(tmp_path / "again.html")]) == 0
    assert (tmp_path / "r.html").stat().st_size > 10_000 and (tmp_path / "again.html").is_file()


def test_missing_tables_are_a_clear_error(tmp_path, capsys):
    assert main(["report", str(tmp_path / "none.csv"), "--out", str(tmp_path / "r.html")]) == 1
    assert "no such table" in capsys.readouterr().err


def test_large_runs_keep_only_evidence_and_stay_small(scored):
    sentences = read_table(scored / "scores.csv")
    n = ALL_SENTENCES_UP_TO + 500
    copies = [sentences.assign(article_id=sentences["article_id"] + f"#{i}") for i in range(n // 5)]
    big = pd.concat(copies, ignore_index=True)
    articles = big.groupby("article_id", sort=False).size().rename("n_sentences").reset_index()
    page = build_report(big, articles)
    per_article = len(page.encode()) / articles.shape[0]
    assert per_article < 1700, f"{per_article:.0f} bytes per article: 10,000 articles would exceed 17 MB"
    assert '"all_sentences":false' in page


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def run_browser(page: Path, tmp: Path, *extra: str) -> str:
    browser = chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium package)")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=5000", "--window-size=1280,1600"]
    done = subprocess.run([browser, *flags, *extra], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_charts_render_and_filtering_works_in_a_real_browser(scored, tmp_path):
    page = write_report(scored / "scores.csv", tmp_path / "report.html")
    dom = run_browser(page, tmp_path, "--dump-dom", page.as_uri())
    assert 'data-ready="1"' in dom, "the page script did not finish"
    assert len(re.findall(r"<svg[^>]*data-labeller=", dom)) == 3
    assert len(re.findall(r'<rect[^>]*class="bar"', dom)) > 20
    assert len(re.findall(r'<tr data-id="[^$]', dom)) == 5

    sentences = read_table(scored / "scores.csv")
    expected = int((sentences["stance_west"] == "reassuring").sum())
    filtered = run_browser(page, tmp_path, "--dump-dom", page.as_uri() + "#label=stance_west%3Dreassuring")
    matches = re.findall(r'<li><span class="muted">[^$]', filtered)
    assert len(matches) == expected > 0
    assert len(re.findall(r'<tr data-id="[^$]', filtered)) == sentences.loc[
        sentences["stance_west"] == "reassuring", "article_id"].nunique()

    detail = run_browser(page, tmp_path, "--dump-dom", page.as_uri() + "#article=outlet_a%2F002_051408f71aba761c.txt")
    assert re.search(r'<p class="verdict">[^$]', detail) and re.search(r"· evidence</span>", detail)

    shot = tmp_path / "report.png"
    run_browser(page, tmp_path, f"--screenshot={shot}", page.as_uri() + "#article=outlet_a%2F002_051408f71aba761c.txt")
    assert shot.stat().st_size > 10_000  # docs/report.png, shown in the README, is such a screenshot
