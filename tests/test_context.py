"""Sentences carry their article to the models (toolkit.context, ArticleCues)."""

import pickle

import pytest

import toolkit
from toolkit.context import InArticle, article_of, in_articles
from toolkit.features import ArticleCues

from .conftest import write_labels


def test_sentences_of_one_article_share_its_text():
    a, b, c = in_articles(["Gas flows.", "Prices rose.", "A film opened."], ["x", "x", "y"])
    assert (a, b, c) == ("Gas flows.", "Prices rose.", "A film opened.")
    assert a.article == "Gas flows. Prices rose." and a.article is b.article
    assert c.article == "A film opened."
    assert article_of("plain") == "plain"
    with pytest.raises(ValueError, match="2 sentences but 1 article"):
        in_articles(["a", "b"], ["x"])


def test_a_sentence_keeps_its_article_through_pickling():
    sentence = InArticle("Gas flows.", "Gas flows. Prices rose.")
    copy = pickle.loads(pickle.dumps(sentence))
    assert copy == sentence and copy.article == sentence.article and isinstance(copy, InArticle)


def test_article_cues_describe_the_article_not_the_sentence():
    cues = ArticleCues(cues={"fuel": ["oil", "gas"], "film": ["films?", "cinema"]}).fit([])
    rows = cues.transform(in_articles(["Oil and gas.", "It was late.", "A film."], ["x", "x", "y"])).toarray()
    assert list(cues.get_feature_names_out()) == ["article_fuel", "article_film"]
    assert (rows[0] == rows[1]).all()  # same article, same profile
    assert rows[0, 0] > 0 and rows[0, 1] == 0 and rows[2, 0] == 0 and rows[2, 1] > 0
    assert (cues.transform(["Oil and gas."]).toarray() > 0).tolist() == [[True, False]]  # a plain string: its own article


def _topic_plugin():
    class TopicPlugin:
        __name__ = "topic_plugin"

        @staticmethod
        @toolkit.hookimpl
        def register_labellers(register):
            register(toolkit.Labeller(
                name="topic", labels=("energy", "culture"), description="Article topic",
                estimator=lambda: toolkit.text_pipeline(
                    cues={"energy": ["oil", "gas", "pipelines?"], "culture": ["films?", "museums?", "theatres?"]},
                    article_cues=True),
            ))
    return TopicPlugin()


def test_a_sentence_that_names_no_field_is_labelled_by_its_article(tmp_path):
    """Like an annotator: "Talks went on late." is about energy in a pipeline story."""
    fillers = ["Talks went on late.", "Officials met again.", "The plan was announced.", "More news will follow.",
               "The ministers spoke briefly.", "A statement came out."]
    energy = ["Oil exports grew.", "The gas pipeline opened.", "Oil prices fell.", "A gas field was found."]
    culture = ["A film festival opened.", "The museum reopened.", "Theatres were full.", "A new film premiered."]
    rows = []
    for i in range(12):
        topic, words = ("energy", energy) if i % 2 else ("culture", culture)
        for text in (words[i % 4], words[(i + 1) % 4], fillers[i % 6], fillers[(i + 3) % 6]):
            rows.append((f"{text[:-1]} on day {i + 10}.", topic, f"art{i}"))  # no sentence in two articles
    labels = write_labels(tmp_path / "labels" / "topic.csv", rows)
    host = toolkit.load_plugins(objects=[_topic_plugin()], entry_points=False)
    labeller = host.labeller("topic")
    trained = toolkit.train(labeller, toolkit.load_labels(labeller, labels.parent), folds=3)
    assert trained.cv.macro_f1 > 0.9
    toolkit.save_model(trained, tmp_path / "models")
    result = toolkit.score_texts(
        {"pipe": "Gas pipelines and oil. Talks went on late.", "cine": "Films and museums. Talks went on late."},
        host=host, models_dir=tmp_path / "models",
    )
    late = result.sentences[result.sentences["text"] == "Talks went on late."].set_index("article_id")["topic"]
    assert late.to_dict() == {"pipe": "energy", "cine": "culture"}
