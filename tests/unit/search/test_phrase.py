"""What a resident types becomes a bounded, syntax-free query (or nothing)."""
import pytest

from plugins.search.phrase import MAX_WORD, MAX_WORDS, parse, weighted


@pytest.mark.parametrize("raw, text, tsquery, fuzzy", [
    ("baguette", "baguette", "'baguette'", True),
    ("  Comté 24 mois (250 g) ", "comté 24 mois 250", "'comté' & '24' & 'mois' & '250'", True),
    ("rue de Passy", "rue de passy", "'rue' & 'de' & 'passy'", True),
    ("l'huile d'olive", "huile olive", "'huile' & 'olive'", True),
    ("vin", "vin", "'vin'", False),  # too short to look for typos
    ("a 1", "1", "'1'", False),  # a lone letter says nothing, a digit does
    ("' OR 1=1; DROP TABLE product_product; --", "or 1 1 drop table product_product",
     "'or' & '1' & '1' & 'drop' & 'table' & 'product' & 'product'", True),
])
def test_words_only(raw, text, tsquery, fuzzy):
    phrase = parse(raw)
    assert phrase is not None
    assert phrase.tsquery == tsquery
    assert phrase.fuzzy is fuzzy
    assert set(phrase.text.split()) <= set(text.replace("_", " ").split())


@pytest.mark.parametrize("raw", [
    None, "", "   ", "a", "%", "_", "%_%", "\x00", "\x00\x00", "😀", "🥖🧀", "'", "&|!:*<->",
    "()", "\\",
])
def test_nothing_searchable_gives_none(raw):
    assert parse(raw) is None


def test_no_sql_tsquery_or_like_syntax_survives():
    for raw in ["a%b_c", "x'y", "pain & !beurre", "brie:*", "pain\x00beurre", "<->", "\\'"]:
        phrase = parse(raw)
        for char in "%_'\\\x00!&|:*<>()":
            assert char not in (phrase.text if phrase else "")


def test_size_is_bounded_whatever_the_input():
    phrase = parse("x" * 1000)
    assert phrase.text == "x" * MAX_WORD
    many = parse(" ".join(f"mot{i}" for i in range(200)))
    assert len(many.text.split()) == MAX_WORDS


def test_the_last_word_is_completed_only_while_typing():
    assert parse("camem").tsquery == "'camem'"
    assert parse("fromage camem", prefix=True).tsquery == "'fromage' & 'camem':*"
    assert parse("fromage ca", prefix=True).tsquery == "'fromage' & 'ca'"  # too short to complete


def test_weighted_restricts_every_term():
    assert weighted("'pain' & 'choc':*", "A") == "'pain':A & 'choc':*A"
    assert weighted("'rue' & 'passy'", "AB") == "'rue':AB & 'passy':AB"
