"""Loading labels files: every problem names the file and the line."""

import pytest

import toolkit

from .conftest import write_labels

DOMAIN = toolkit.Labeller(name="domain", labels=("defense", "energy"), description="d", multi_label=True)
STANCE = toolkit.Labeller(name="stance", labels=("hostile", "none"), description="s")


def test_rows_are_read_with_sources_and_multi_labels(tmp_path):
    path = write_labels(tmp_path / "domain.csv", [
        ("Troops and oil.", "energy;defense", "a1"),
        ("Nothing here.", "", "a1"),
        ("Troops and oil.", "defense;energy", "a2"),  # same text, same labels: kept once
    ])
    data = toolkit.read_labels(path, DOMAIN)
    assert data.texts == ["Troops and oil.", "Nothing here."]
    assert data.targets == [("defense", "energy"), ()]
    assert data.groups == ["a1", "a1"]
    assert len(data.sha256) == 64


def test_missing_labels_file_says_where_it_looked(tmp_path):
    with pytest.raises(toolkit.LabelsError, match=r"no labels for labeller 'stance'.*stance\.csv does not exist"):
        toolkit.load_labels(STANCE, tmp_path)


def test_missing_column(tmp_path):
    path = tmp_path / "stance.csv"
    path.write_text("sentence,label\nHello.,none\n")
    with pytest.raises(toolkit.LabelsError, match=r"stance\.csv:1: missing column text"):
        toolkit.read_labels(path, STANCE)


def test_empty_text_names_the_line(tmp_path):
    path = write_labels(tmp_path / "stance.csv", [("Fine.", "none", ""), ("  ", "none", "")])
    with pytest.raises(toolkit.LabelsError, match=r"stance\.csv:3: empty text"):
        toolkit.read_labels(path, STANCE)


@pytest.mark.parametrize("labeller,label", [(STANCE, "friendly"), (DOMAIN, "defense;sport")])
def test_unknown_label_names_the_line_and_the_known_labels(tmp_path, labeller, label):
    path = write_labels(tmp_path / "x.csv", [("One.", labeller.labels[0], ""), ("Two.", label, "")])
    with pytest.raises(toolkit.LabelsError, match=r"x\.csv:3: unknown label '(friendly|sport)'.*known: "):
        toolkit.read_labels(path, labeller)


def test_conflicting_labels_for_one_text_name_both_lines(tmp_path):
    path = write_labels(tmp_path / "stance.csv", [("Same.", "none", ""), ("Other.", "none", ""),
                                                   ("Same.", "hostile", "")])
    with pytest.raises(toolkit.LabelsError, match=r"stance\.csv:4: .*'hostile' here but 'none' on line 2"):
        toolkit.read_labels(path, STANCE)


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "stance.csv"
    path.write_bytes("text,label\nCaf\xe9,none\n".encode("latin-1"))
    with pytest.raises(toolkit.LabelsError, match="not UTF-8"):
        toolkit.read_labels(path, STANCE)


def test_shipped_labels_are_valid_for_every_builtin(builtin_host):
    for labeller in builtin_host.labellers():
        data = toolkit.load_labels(labeller)
        assert len(data) >= 100
        assert data.frame["source"].ne("").all()
