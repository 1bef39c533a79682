"""One self-contained HTML page per scoring run: charts, verdicts and evidence.

The page embeds its data as JSON and draws everything with inline script and
SVG: no network request, no external script or font, so it opens offline and
can be mailed around.  It reads only the tables ``toolkit score --out`` wrote
and knows nothing about any particular labeller: it finds each labeller's
columns by their shape (``<name>`` with ``<name>_p``, or ``<name>_p_<label>``).
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from .errors import InputError
from .tables import companion_path, read_table

__all__ = ["build_report", "write_report", "ALL_SENTENCES_UP_TO", "EVIDENCE_PER_ARTICLE"]

#: Runs with at most this many articles embed every sentence; larger runs embed
#: only each article's evidence sentences, so the page stays small.
ALL_SENTENCES_UP_TO = 1000
EVIDENCE_PER_ARTICLE = 4
TEXT_CHARS = 300
#: Below this probability a label is shown as uncertain.
UNCERTAIN_BELOW = 0.5


@dataclass(frozen=True)
class _Labeller:
    name: str
    multi: bool
    labels: tuple[str, ...]


def _labellers(sentences: pd.DataFrame, articles: pd.DataFrame) -> list[_Labeller]:
    """Labellers recognised from the columns of a sentence table."""
    found = []
    columns = list(sentences.columns)
    for name in columns:
        if f"{name}_p" in columns:
            labels = [c[len(name) + 1 :] for c in articles.columns
                      if c.startswith(name + "_") and c != f"{name}_uncertain"]
            values = [v for v in pd.unique(sentences[name].astype(str)) if v and v not in labels]
            found.append(_Labeller(name, False, tuple(labels + sorted(values))))
        else:
            multi = [c[len(name) + 3 :] for c in columns if c.startswith(f"{name}_p_")]
            if multi:
                found.append(_Labeller(name, True, tuple(multi)))
    return found


def _group_of(article_id: str) -> str:
    return article_id.split("/", 1)[0] if "/" in article_id else ""


def _mix(frame: pd.DataFrame, labeller: _Labeller) -> dict[str, float]:
    """Share of sentences carrying each label."""
    column = frame[labeller.name].fillna("").astype(str)
    if labeller.multi:
        split = column.str.split(";")
        return {l: round(float(split.apply(lambda ls, l=l: l in ls).mean()), 4) for l in labeller.labels}
    counts = column.value_counts(normalize=True)
    return {l: round(float(counts.get(l, 0.0)), 4) for l in labeller.labels}


def _sentence_labels(row: dict, labellers: list[_Labeller]) -> dict:
    """{labeller: [[label, probability], ...]} for one sentence row."""
    out = {}
    for l in labellers:
        if l.multi:
            chosen = [x for x in str(row[l.name] or "").split(";") if x]
            out[l.name] = [[x, round(float(row.get(f"{l.name}_p_{x}", float("nan"))), 3)] for x in chosen]
        else:
            out[l.name] = [[str(row[l.name]), round(float(row[f"{l.name}_p"]), 3)]]
    return out


def _verdict(mix: dict[str, dict[str, float]], labellers: list[_Labeller], common: dict[str, str]) -> dict:
    """Main labels of an article: multi-label ones carried by at least 15% of
    its sentences (top three), and for single-label ones the most frequent
    label plus the most frequent one that is not the run's usual label."""
    verdict = {}
    for l in labellers:
        shares = sorted(mix[l.name].items(), key=lambda kv: -kv[1])
        if l.multi:
            verdict[l.name] = [k for k, v in shares if v >= 0.15][:3]
        else:
            top = [shares[0][0]] if shares and shares[0][1] > 0 else []
            other = [k for k, v in shares if v > 0 and k != common.get(l.name) and k not in top][:1]
            verdict[l.name] = top + other
    return verdict


def _evidence(frame: pd.DataFrame, verdict: dict, labellers: list[_Labeller], common: dict[str, str]) -> list[int]:
    """Indices of the sentences that best support the verdict."""
    picked: list[int] = []
    for l in labellers:
        for label in verdict[l.name]:
            if not l.multi and label == common.get(l.name):
                continue
            if l.multi:
                column = f"{l.name}_p_{label}"
                scores = frame[column] if column in frame else None
            else:
                scores = frame[f"{l.name}_p"].where(frame[l.name] == label)
            if scores is None or scores.dropna().empty:
                continue
            best = scores.idxmax()
            if best not in picked:
                picked.append(best)
    return picked[:EVIDENCE_PER_ARTICLE]


def build_report(sentences: pd.DataFrame, articles: pd.DataFrame, *, title: str = "toolkit report") -> str:
    """The HTML page for a sentence table and its article table."""
    labellers = _labellers(sentences, articles)
    if not labellers:
        raise InputError("the sentence table has no labeller columns; is it a table written by toolkit score?")
    all_sentences = len(articles) <= ALL_SENTENCES_UP_TO
    common = {l.name: max(_mix(sentences, l).items(), key=lambda kv: kv[1])[0] for l in labellers if not l.multi}
    groups = sorted({_group_of(a) for a in articles["article_id"]})
    overview = {"": {l.name: _mix(sentences, l) for l in labellers}}
    if len(groups) > 1:
        by_group = sentences.groupby(sentences["article_id"].map(_group_of))
        overview.update({g: {l.name: _mix(f, l) for l in labellers} for g, f in by_group})
    records = []
    info = articles.set_index("article_id")
    for article_id, frame in sentences.groupby("article_id", sort=False):
        frame = frame.reset_index(drop=True)
        mix = {l.name: _mix(frame, l) for l in labellers}
        verdict = _verdict(mix, labellers, common)
        evidence = _evidence(frame, verdict, labellers, common)
        shown = range(len(frame)) if all_sentences else evidence
        rows = frame.to_dict(orient="records")
        records.append({
            "id": article_id,
            "group": _group_of(article_id),
            "n": int(len(frame)),
            "copy_of": str(info.at[article_id, "copy_of"]) if "copy_of" in info.columns else "",
            "mix": {name: {k: round(v, 3) for k, v in shares.items() if v} for name, shares in mix.items()},
            "verdict": verdict,
            "evidence": [int(i) for i in evidence],
            "sentences": [[int(rows[i]["sentence"]), str(rows[i]["text"])[:TEXT_CHARS],
                           _sentence_labels(rows[i], labellers)] for i in shown],
        })
    data = {
        "title": title,
        "generated": _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "n_articles": len(records),
        "n_sentences": int(len(sentences)),
        "all_sentences": all_sentences,
        "uncertain_below": UNCERTAIN_BELOW,
        "labellers": [{"name": l.name, "multi": l.multi, "labels": list(l.labels)} for l in labellers],
        "groups": groups,
        "overview": overview,
        "articles": records,
    }
    page = resources.files("toolkit").joinpath("templates/report.html").read_text(encoding="utf-8")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return page.replace("{{TITLE}}", html.escape(title)).replace("{{DATA}}", payload)


def write_report(scores: str | os.PathLike[str], out: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Write the report of a sentence table (its article table read from beside it)."""
    scores, out = Path(scores), Path(out)
    articles_path = companion_path(scores, "articles")
    for path in (scores, articles_path):
        if not path.is_file():
            raise InputError(f"no such table: {str(path)!r} (write it with: toolkit score PATH --out {scores})")
    text = build_report(read_table(scores), read_table(articles_path), title=title or f"toolkit report: {scores.name}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.partial")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    return out
