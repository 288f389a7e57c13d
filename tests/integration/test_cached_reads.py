"""Settings, VAT codes and the shop directory are read once for every plugins manager
and worker (Saleor builds a dozen managers per checkoutComplete; a catalogue page names
24 shops), and a change applies at once."""
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from prices import Money
from saleor.plugins.manager import get_plugins_manager
from saleor.plugins.models import PluginConfiguration
from saleor.product.models import Product

from plugins.french_vat.codes import META_CODE_KEY
from plugins.local_merchants.models import Merchant
from plugins.french_vat.rates import rate_for_code, taxed
from plugins.grouped_delivery.domain.config import CENTRAL_POINT
from plugins.grouped_delivery.services.settings import PLUGIN_ID, delivery_settings

from .api import Api

pytestmark = pytest.mark.django_db

GROSS = Money(Decimal("11.00"), "EUR")


def _net_price(product) -> Decimal:
    return get_plugins_manager().apply_taxes_to_product(product, GROSS, "FR").net.amount


def _product_priced_by_its_type():
    for product in Product.objects.select_related("product_type").filter(charge_taxes=True):
        if not product.get_value_from_metadata(META_CODE_KEY):
            return product
    pytest.fail("the demo district has no product taxed by its product type")


def test_a_product_types_new_vat_code_prices_its_products_at_once(demo_district):
    product = _product_priced_by_its_type()
    product_type = product.product_type
    old_code = product_type.get_value_from_metadata(META_CODE_KEY, "")
    assert _net_price(product) == taxed(GROSS, rate_for_code(old_code)).net.amount

    new_code = "super_reduced" if old_code != "super_reduced" else "standard"
    product_type.store_value_in_metadata({META_CODE_KEY: new_code})
    product_type.save()

    assert _net_price(product) == taxed(GROSS, rate_for_code(new_code)).net.amount


def test_the_vat_codes_are_read_once_for_many_managers(demo_district):
    product = _product_priced_by_its_type()
    _net_price(product)
    with CaptureQueriesContext(connection) as captured:
        for _ in range(3):
            _net_price(product)
    type_reads = [q for q in captured if '"product_producttype"' in q["sql"]]
    assert type_reads == []


def test_the_operators_new_grouped_delivery_settings_apply_at_once(db):
    assert delivery_settings().central_point == ""
    PluginConfiguration.objects.update_or_create(
        identifier=PLUGIN_ID,
        defaults={"name": "Livraison groupée du 16e", "active": True, "configuration": [
            {"name": CENTRAL_POINT, "value": "Mairie du 16e, 71 avenue Henri-Martin"},
        ]},
    )
    assert delivery_settings().central_point == "Mairie du 16e, 71 avenue Henri-Martin"


CARDS = "{ products(first: 24) { edges { node { name merchant { id name } } } } }"


def _shop_names_on_cards() -> set:
    edges = Api().data(CARDS)["products"]["edges"]
    assert edges and all(edge["node"]["merchant"] for edge in edges)
    return {edge["node"]["merchant"]["name"] for edge in edges}


def test_product_cards_name_their_shops_without_reading_them_again(demo_district):
    _shop_names_on_cards()
    with CaptureQueriesContext(connection) as captured:
        _shop_names_on_cards()
    assert [q for q in captured if '"local_merchants_merchant"."name"' in q["sql"]] == []


def test_a_renamed_shop_is_named_anew_on_its_product_cards_at_once(demo_district):
    shown = _shop_names_on_cards()
    shop = Merchant.objects.filter(name__in=shown).first()
    shop.name = "Fromagerie Renommée"
    shop.save()
    assert "Fromagerie Renommée" in _shop_names_on_cards()


def _directory_reads(read) -> int:
    with CaptureQueriesContext(connection) as captured:
        read()
    return len([q for q in captured if '"local_merchants_merchant"' in q["sql"]])


def test_a_residents_address_keeps_the_shop_directory_a_shops_address_renews_it(demo_district):
    from saleor.account.models import Address

    from plugins.local_merchants import directory

    directory.shop(1)
    Address.objects.create(first_name="Camille", street_address_1="12 rue de Passy",
                           city="Paris", postal_code="75016", country="FR")
    assert _directory_reads(lambda: directory.shop(1)) == 0

    # merchantUpdate saves the shop with its address, in one transaction.
    shop = Merchant.objects.select_related("address").first()
    shop.address.street_address_1 = "3 rue de l'Annonciation"
    shop.address.save()
    shop.save()
    assert directory.shop(shop.pk).address.street_address_1 == "3 rue de l'Annonciation"


def test_a_shops_new_closure_and_hours_are_known_at_once(demo_district):
    from datetime import date, time, timedelta

    from plugins.local_merchants import directory
    from plugins.local_merchants.models import MerchantClosure, OpeningHours

    shop = Merchant.objects.first()
    day = date.today() + timedelta(days=3)
    assert day not in directory.hours_of(shop.pk)[1]
    MerchantClosure.objects.create(merchant=shop, date=day, reason="Inventaire")
    assert day in directory.hours_of(shop.pk)[1]
    OpeningHours.objects.filter(merchant=shop).delete()
    OpeningHours.objects.create(merchant=shop, weekday=6, opens=time(9), closes=time(12))
    assert directory.hours_of(shop.pk)[0] == ((6, time(9), time(12)),)


def test_a_request_reads_the_versions_once_whatever_the_number_of_reads(demo_district):
    """The cost of cache coherence between workers and servers: ONE query per request
    (every read's version), then the worker's own copies while nothing changed."""
    from uuid import uuid4

    from plugins.cached_reads import reads as cached_reads
    from plugins.french_vat.codes import product_type_codes
    from plugins.local_merchants import directory

    # What Django's request_started / request_finished signals run (sent for real, they
    # would also close this test's database connection).
    request_started, request_finished = cached_reads._open_request, cached_reads._close_request

    loads = []
    read = cached_reads.CachedRead(f"test.{uuid4()}", lambda: loads.append(1) or len(loads))

    def a_request():
        request_started()
        try:
            with CaptureQueriesContext(connection) as captured:
                for _ in range(5):  # e.g. a dozen plugins managers asking
                    values = (read.get(), directory.shop(1), product_type_codes.get(),
                              delivery_settings())
            return values[0], [q["sql"] for q in captured]
        finally:
            request_finished()

    a_request()  # the worker's copies
    value, queries = a_request()
    assert value == 1 and len(queries) == 1 and "cached_reads_version" in queries[0]
    assert len(loads) == 1


def test_a_rolled_back_change_leaves_the_copies_right(demo_district):
    from django.db import transaction

    from plugins.local_merchants import directory

    shop = Merchant.objects.first()
    name = directory.shop(shop.pk).name
    try:
        with transaction.atomic():
            Merchant.objects.filter(pk=shop.pk).update(name="Nom jamais validé")
            Merchant.objects.get(pk=shop.pk).save()  # the signal: a new version, uncommitted
            assert directory.shop(shop.pk).name == "Nom jamais validé"  # its own change
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert directory.shop(shop.pk).name == name
    shop.refresh_from_db()
    shop.name = "Nom validé"
    shop.save()
    assert directory.shop(shop.pk).name == "Nom validé"
