"""Search quality on the demo district: what a resident types, what comes first.

Through the real /graphql/ view, `products(filter: {search})` and
`merchants(filter: {search})` as the storefront asks them (relevance order)."""
import pytest

from tests.integration.api import Api

pytestmark = pytest.mark.django_db

PRODUCTS = """query($q: String!, $n: Int) { products(first: $n, filter: {search: $q}) {
  totalCount edges { node { name merchant { name } } } } }"""
MERCHANTS = """query($q: String!) { merchants(first: 20, filter: {search: $q}) {
  edges { node { name trade address { streetAddress1 } } } } }"""


def first_products(term, n=5):
    return [e["node"] for e in Api().data(PRODUCTS, {"q": term, "n": n})["products"]["edges"]]


def shops(term):
    return [e["node"] for e in Api().data(MERCHANTS, {"q": term})["merchants"]["edges"]]


# (what a resident types, the first product's name): typos, accents, plurals, case,
# multi-word, a shop's name and trade.
QUALITY = [
    ("baguette", "Baguette classique"),
    ("baguete", "Baguette classique"),  # typo: stem
    ("sausisson", "Saucisson sec"),  # typo: trigram
    ("camenbert", "Camembert de Normandie AOP"),  # typo: trigram, not "Albert Camus"
    ("reblochon de savoi", "Reblochon de Savoie"),  # typo in a multi-word name
    ("comte", "Comté 12 mois (250 g)"),  # accent left out
    ("COMTÉ 24 MOIS", "Comté 24 mois (250 g)"),  # case, multi-word
    ("creme fraiche", "Crème fraîche d'Isigny (20 cl)"),
    ("eclair cafe", "Éclair au café"),
    ("baguettes", "Baguette classique"),  # plural
    ("croissants", "Croissant pur beurre"),
    ("pains au chocolat", "Pain au chocolat"),  # plural, multi-word
    ("pain au chocolat", "Pain au chocolat"),  # exact name first
    ("oeufs", "Œufs fermiers (x6)"),  # ligature
    ("huitres", "Huîtres Marennes-Oléron n°3 (douzaine)"),
    ("bouquet de pivoines", "Bouquet de pivoines"),
    ("saint emilion", "Saint-Émilion grand cru 2016"),  # hyphen, accent
    ("petit prince", "Le Petit Prince — Antoine de Saint-Exupéry"),
    ("caramel beurre sale", "Caramels au beurre salé (200 g)"),
]


@pytest.mark.parametrize("term, expected", QUALITY)
def test_first_result(demo_district, term, expected):
    found = first_products(term)
    assert found, f"nothing for {term!r}"
    assert found[0]["name"] == expected, [p["name"] for p in found]


def test_a_product_sold_by_several_shops_comes_together(demo_district):
    names = [p["name"] for p in first_products("comté", n=24)]
    # Every "Comté 12 mois" before any "Comté 24 mois", never interleaved.
    groups = [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]
    assert len(groups) == len(set(groups)), names


def test_a_shops_name_and_trade_find_its_products(demo_district):
    found = first_products("boulangerie auteuil", n=24)
    assert found and all("Auteuil" in p["merchant"]["name"] for p in found)


@pytest.mark.parametrize("term, check", [
    ("boulangerie auteuil", lambda s: s["trade"] == "BAKERY" and "Auteuil" in s["name"]),
    ("fromagerie", lambda s: s["trade"] == "CHEESE"),
    ("fleuriste", lambda s: s["trade"] == "FLORIST"),  # the trade's French name
    ("boulang", lambda s: s["trade"] == "BAKERY"),  # still typing
])
def test_shops_by_name_and_trade(demo_district, term, check):
    found = shops(term)
    assert found, f"no shop for {term!r}"
    assert all(check(s) for s in found), found


def test_shops_by_street_come_first_when_the_words_are_their_street(demo_district):
    found = shops("rue de passy")
    on_street = ["rue de passy" in s["address"]["streetAddress1"].lower() for s in found]
    assert on_street[0] and on_street == sorted(on_street, reverse=True), found


def test_a_shops_description_does_not_make_it_match(demo_district):
    # Bakeries praise their "baguettes": a search for rings must not list them.
    assert not [s for s in shops("bague") if s["trade"] == "BAKERY"]
