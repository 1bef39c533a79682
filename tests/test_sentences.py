import pytest

from toolkit import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_glued_sentences_are_split():
    got = texts('world peace," Araghchi said.At the same time he spoke.The deal was signed in 2001.The end.')
    assert got == ['world peace," Araghchi said.', "At the same time he spoke.",
                   "The deal was signed in 2001.", "The end."]


def test_glued_quote_opens_the_next_sentence():
    got = texts('It is not a military union."It is an entirely comprehensive agreement.')
    assert got == ["It is not a military union.", '"It is an entirely comprehensive agreement.']


def test_heading_glued_to_its_sentence_is_split():
    got = texts("Corridor to Be Completed Under Iran-Russia DealThe new agreement provides for it.")
    assert got == ["Corridor to Be Completed Under Iran-Russia Deal", "The new agreement provides for it."]


@pytest.mark.parametrize("text", [
    "He met U.S. officials in Moscow.",
    "Dr. Smith spoke on Jan. 5 about it.",
    "Putin finalised it, Caliber.Az reports via Russian media.",
    "Trade grew by 1.5 percent.",
])
def test_abbreviations_domains_and_decimals_do_not_split(text):
    assert texts(text) == [text]


def test_lines_are_sentences_and_wrapped_lines_are_joined():
    text = "Headline Without Stop\nThe Soviet Union collapsed in \xa0\n\n1991, they said. Then more.\n\nBy A Writer"
    assert texts(text) == ["Headline Without Stop", "The Soviet Union collapsed in 1991, they said.",
                           "Then more.", "By A Writer"]


def test_offsets_point_back_into_the_article():
    text = "  First one. Second one?\n“Third,” he said.Fourth!"
    for s in split_sentences(text):
        assert " ".join(text[s.start:s.end].split()) == s.text


def test_empty_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []
