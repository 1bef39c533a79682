"""The scoring pipeline, as notebook users call it."""

import pandas as pd
import pytest

import toolkit
from toolkit.tables import companion_path

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def sample_scores():
    return toolkit.score_paths(EXAMPLES)


def test_every_sentence_gets_every_labeller(sample_scores):
    s = sample_scores.sentences
    assert list(s.columns[:5]) == ["article_id", "sentence", "start", "end", "text"]
    assert set(s["stance_west"]) <= {"hostile", "reassuring", "neutral", "none"}
    assert set(s["claim_type"]) <= {"fact", "commitment", "evaluation", "denial", "speculation", "other"}
    assert s["stance_west_p"].between(0, 1).all() and s["claim_type_p"].between(0, 1).all()
    domains = {d for value in s["domain"] for d in value.split(";") if d}
    assert domains <= set(toolkit.load_plugins().labeller("domain").labels)
    assert {f"domain_p_{d}" for d in ("defense", "energy", "diplomacy")} <= set(s.columns)


def test_sentences_point_back_into_their_articles(sample_scores):
    s = sample_scores.sentences
    for row in s.sample(20, random_state=0).itertuples():
        text = (EXAMPLES / row.article_id).read_text(encoding="utf-8")
        assert " ".join(text[row.start:row.end].split()) == row.text


def test_article_table_summarises_the_sentence_table(sample_scores):
    a, s = sample_scores.articles, sample_scores.sentences
    assert len(a) == 5 and sample_scores.skipped.empty
    counts = s.groupby("article_id").size()
    assert (a.set_index("article_id")["n_sentences"] == counts).all()
    stance = a[[f"stance_west_{l}" for l in ("hostile", "reassuring", "neutral", "none")]].sum(axis=1)
    assert (stance.to_numpy() == a["n_sentences"].to_numpy()).all()
    assert a["domain_defense"].between(0, 1).all()


def test_the_sample_articles_get_sensible_labels(sample_scores):
    s = sample_scores.sentences.set_index("text")
    assert "defense" in s.loc["A key aspect of the deal is strengthening security and defense cooperation.", "domain"]
    assert s.loc["By Tamilla Hasanova", "claim_type"] == "other"


def test_texts_and_paths_take_the_same_path(sample_scores):
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
    from_texts = toolkit.score_texts(texts)
    pd.testing.assert_frame_equal(from_texts.sentences, sample_scores.sentences)


def test_bad_files_are_skipped_by_name_and_the_rest_scored(tmp_path):
    (tmp_path / "good.txt").write_text("Russia and Iran signed a treaty. It covers trade.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    result = toolkit.score_paths(tmp_path)
    assert result.articles["article_id"].tolist() == ["good.txt"]
    reasons = {p.split("/")[-1]: r for p, r in result.skipped.itertuples(index=False)}
    assert reasons == {"binary.txt": "not a text file (binary content)", "empty.txt": "empty file",
                       "blank.txt": "empty file"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251", "cp1252"])
def test_articles_in_any_common_encoding_are_read(tmp_path, encoding):
    text = {"cp1251": "Россия и Иран подписали договор о сотрудничестве.",
            "cp1252": "Le traité couvre l’énergie, la défense et la culture."}.get(
        encoding, "Iran and Russia signed a treaty — “a new chapter”, said Araghchi.")
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    assert toolkit.read_article(tmp_path / "a.txt") == text
    assert toolkit.score_paths(tmp_path).sentences["text"].tolist() == [text]


def test_named_encoding_overrides_detection(tmp_path):
    (tmp_path / "a.txt").write_bytes("Договор".encode("cp1251"))
    assert toolkit.read_article(tmp_path / "a.txt", encoding="cp1251") == "Договор"
    with pytest.raises(Exception, match="cannot decode as utf-8"):
        toolkit.read_article(tmp_path / "a.txt", encoding="utf-8")


def test_a_huge_article_without_punctuation_is_cut_into_bounded_sentences():
    from toolkit.sentences import MAX_SENTENCE_CHARS

    sentences = toolkit.split_sentences("word " * 200_000)
    assert len(sentences) >= 1_000_000 // MAX_SENTENCE_CHARS
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(toolkit.InputError, match="no such file or folder"):
        toolkit.score_paths(tmp_path / "nope")


@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".parquet"])
def test_tables_round_trip(sample_scores, tmp_path, ext):
    for table, path in [(sample_scores.sentences, tmp_path / f"s{ext}"),
                        (sample_scores.articles, companion_path(tmp_path / f"s{ext}", "articles"))]:
        toolkit.write_table(table, path)
        back = toolkit.read_table(path)
        pd.testing.assert_frame_equal(back, table, check_dtype=False, check_exact=False, rtol=1e-9)
    assert not list(tmp_path.glob(".*partial"))


def test_features_shared_across_labellers_give_the_same_probabilities():
    import numpy as np

    from toolkit.context import in_articles
    from toolkit.scoring import _predict_proba

    models = toolkit.load_models()
    sentences = [s.text for s in toolkit.split_sentences((EXAMPLES / "003_8796687a21e2af44.txt").read_text("utf-8"))]
    texts = in_articles(sentences, ["003"] * len(sentences))
    cache: dict = {}
    for model in models:
        np.testing.assert_allclose(_predict_proba(model.estimator, texts, cache), model.estimator.predict_proba(texts))
    # word and character n-grams are computed once for all three labellers, cue features once each
    own = [name for m in models for name, _ in m.estimator.steps[0][1].transformer_list if name not in ("words", "chars")]
    assert len(cache) == 2 + len(own)
