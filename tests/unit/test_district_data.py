"""The demo district's data, as residents and shopkeepers will see it: pure, no database."""
from decimal import Decimal

import pytest

from fixtures.catalogue import CATALOGUE, CATEGORIES, PRODUCT_TYPES
from fixtures.district import generate_district, slugify
from fixtures.streets import LOCAL_NAMES, STREETS
from plugins.french_vat.rates import RATES
from plugins.kernel.address import ZoneCode, check_address
from stdnum.fr import siret
from plugins.kernel.opening_hours import OpeningPeriod, validate_periods
from plugins.kernel.trades import MerchantTrade


@pytest.fixture(scope="module")
def district():
    return generate_district()


@pytest.fixture(scope="module")
def big_district():
    return generate_district(1500)


def test_default_district_has_150_shops_of_every_trade(district):
    assert len(district.merchants) == 150
    assert {m.trade for m in district.merchants} == set(MerchantTrade)


def test_ten_times_district_has_1500_shops_and_over_20000_products(big_district):
    assert len(big_district.merchants) == 1500
    assert big_district.product_count > 20000


def test_same_seed_same_district_other_seed_other_district(district):
    assert generate_district(150, seed=16) == district
    assert generate_district(150, seed=17) != district


def test_a_bigger_district_starts_with_the_smaller_one(district, big_district):
    assert big_district.merchants[:150] == district.merchants


def test_slugs_skus_and_emails_are_unique_and_ascii(big_district):
    slugs = [m.slug for m in big_district.merchants]
    product_slugs = [p.slug for m in big_district.merchants for p in m.products]
    skus = [p.sku for m in big_district.merchants for p in m.products]
    for values in (slugs, product_slugs, skus):
        assert len(set(values)) == len(values)
        assert all(v.isascii() and " " not in v for v in values)
    assert all(m.slug == slugify(m.name) for m in big_district.merchants)
    assert all(m.email == f"{m.slug}@paris16.example" for m in big_district.merchants)
    assert len({m.name for m in big_district.merchants}) == 1500


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Cave d'Auteuil", "cave-d-auteuil"),
        ("Fromagerie du Trocadéro", "fromagerie-du-trocadero"),
        ("Épicerie fine de l'Étoile", "epicerie-fine-de-l-etoile"),
        ("Boulangerie de Passy — 12 rue de Passy", "boulangerie-de-passy-12-rue-de-passy"),
        ("Maison Lefèvre, chocolatier", "maison-lefevre-chocolatier"),
        ("Gigot d'agneau 1,5 kg", "gigot-d-agneau-1-5-kg"),  # Django's slugify: "15-kg"
        ("pain_de_mie", "pain-de-mie"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_every_address_is_in_the_16th_delivery_zone(big_district):
    street_names = {s.name for s in STREETS}
    for merchant in big_district.merchants:
        a = merchant.address
        assert (a.postal_code, a.city, a.country) in {("75016", "PARIS", "FR"), ("75116", "PARIS", "FR")}
        number, street = a.street_address.split(" ", 1)
        assert street in street_names and int(number) > 0
        check = check_address(
            country=a.country, city=a.city, postal_code=a.postal_code, street_address_1=a.street_address
        )
        assert check.code == ZoneCode.IN_ZONE, a
    assert len({m.address for m in big_district.merchants}) == 1500


def test_grande_armee_addresses_are_on_the_odd_side_only(big_district):
    numbers = [
        int(m.address.street_address.split(" ")[0])
        for m in big_district.merchants
        if "Grande-Armée" in m.address.street_address
    ]
    assert numbers and all(n % 2 == 1 for n in numbers)


def test_streets_name_existing_local_names():
    assert all(set(s.local_names) <= set(LOCAL_NAMES) for s in STREETS)
    assert {s.postcode for s in STREETS} == {"75016", "75116"}


def test_sirets_are_14_digits_with_valid_siren_and_siret(big_district):
    for merchant in big_district.merchants:
        assert len(merchant.siret) == 14 and merchant.siret.isdigit()
        assert siret.is_valid(merchant.siret)  # its SIREN's key too


def test_contact_details(district):
    for merchant in district.merchants:
        assert merchant.phone.startswith("+33 1 ") and len(merchant.phone.replace(" ", "")) == 12
        assert Decimal("0.08") <= merchant.commission_rate <= Decimal("0.15")
        assert merchant.description and merchant.name
    click_and_collect = sum(m.click_and_collect for m in district.merchants)
    assert 0.7 * 150 < click_and_collect < 150


def test_opening_hours_are_valid_weeks_of_the_trade(big_district):
    for merchant in big_district.merchants:
        periods = [OpeningPeriod(p.weekday, p.opens, p.closes) for p in merchant.opening_hours]
        validate_periods(periods)  # raises on overlaps or empty periods
        assert len({p.weekday for p in periods}) >= 5
        if merchant.trade == MerchantTrade.BAKERY:
            assert min(p.opens for p in periods).hour == 7


def test_each_shop_sells_10_to_20_products_of_its_trade(big_district):
    for merchant in big_district.merchants:
        names = [p.name for p in merchant.products]
        assert 10 <= len(names) <= 20 and len(set(names)) == len(names)
        trade_names = {item.name for item in CATALOGUE[merchant.trade]}
        assert set(names) <= trade_names


def test_products_have_decimal_prices_weights_stock_and_vat(big_district):
    for product in (p for m in big_district.merchants for p in m.products):
        assert isinstance(product.price, Decimal) and product.price > 0
        assert product.price == product.price.quantize(Decimal("0.01"))
        assert isinstance(product.cost_price, Decimal) and 0 < product.cost_price < product.price
        assert product.weight_grams > 0 and product.stock > 0
        assert product.vat_code in RATES


@pytest.mark.parametrize(
    "product_name, vat_code",
    [
        ("Baguette tradition", "reduced"),
        ("Comté 24 mois (250 g)", "reduced"),
        ("Côtes-du-Rhône 2021", "standard"),
        ("Bouquet de pivoines", "intermediate"),
        ("Olivier en pot (80 cm)", "intermediate"),
        ("Madame Bovary — Gustave Flaubert", "reduced"),
        ("Le Monde (édition du jour)", "super_reduced"),
        ("Tablette chocolat noir 70 % (100 g)", "reduced"),
        ("Pâtes de fruits (250 g)", "standard"),
        ("Jus de pomme artisanal (1 L)", "reduced"),
        ("Marinière en coton", "standard"),
        ("Puzzle 1000 pièces Tour Eiffel", "standard"),
    ],
)
def test_french_vat_code_per_product(product_name, vat_code):
    types = {t.slug: t for t in PRODUCT_TYPES}
    items = {i.name: i for items in CATALOGUE.values() for i in items}
    assert types[items[product_name].product_type].vat_code == vat_code


def test_catalogue_refers_to_known_types_and_categories():
    categories = {c.slug for c in CATEGORIES}
    types = {t.slug for t in PRODUCT_TYPES}
    assert all(t.category in categories and t.vat_code in RATES for t in PRODUCT_TYPES)
    for trade in MerchantTrade:
        assert len(CATALOGUE[trade]) >= 20
        assert all(item.product_type in types for item in CATALOGUE[trade])
