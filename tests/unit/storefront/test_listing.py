"""The shop directory, street by street."""
import pytest

from storefront_theme.listing import by_street, sort_key, street_of


@pytest.mark.parametrize("line, street", [
    ("12 rue de Passy", "rue de Passy"),
    ("12 bis rue de Passy", "rue de Passy"),
    ("3, avenue Mozart", "avenue Mozart"),
    ("  7ter   place de la Muette", "place de la Muette"),
    ("rue de l'Annonciation", "rue de l'Annonciation"),
    ("", "Adresse non précisée"),
])
def test_street_of(line, street):
    assert street_of(line) == street


@pytest.mark.parametrize("street, key", [
    ("rue de Passy", "passy"),
    ("avenue Mozart", "mozart"),
    ("place de la Muette", "muette"),
    ("rue de l'Annonciation", "annonciation"),
    ("avenue d'Eylau", "eylau"),
    ("rue Éblé", "eble"),
])
def test_sort_key(street, key):
    assert sort_key(street) == key


def shop(name, line):
    return {"name": name, "address": {"streetAddress1": line}}


def test_by_street_groups_and_orders_by_street_name_then_shop():
    groups = by_street([
        shop("Vins Passy", "20 rue de Passy"),
        shop("Fleurs", "3 avenue Mozart"),
        shop("Boulangerie", "2 rue de Passy"),
        shop("Librairie", "1 rue de l'Annonciation"),
    ])
    assert [(street, [m["name"] for m in shops]) for street, shops in groups] == [
        ("rue de l'Annonciation", ["Librairie"]),
        ("avenue Mozart", ["Fleurs"]),
        ("rue de Passy", ["Boulangerie", "Vins Passy"]),
    ]


def test_group_offers_lists_a_product_once_with_every_shop():
    from storefront_theme.listing import group_offers

    cards = [
        {"name": "Comté 12 mois", "merchant": {"name": "A"}},
        {"name": "Comte  12 MOIS", "merchant": {"name": "B"}},
        {"name": "Brie de Meaux", "merchant": {"name": "A"}},
        {"name": "Comté 12 mois", "merchant": {"name": "C"}},
    ]
    groups = group_offers(cards)
    assert [g["product"]["name"] for g in groups] == ["Comté 12 mois", "Brie de Meaux"]
    assert [o["merchant"]["name"] for o in groups[0]["offers"]] == ["A", "B", "C"]
    assert group_offers([]) == []
