"""`manage.py load_district` on the real database: what the operator, shopkeepers and
residents find once the demo district is loaded, and that loading again changes nothing."""
import json

import pytest
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.test import Client
from graphql_relay import to_global_id
from saleor.account.models import User
from saleor.product.models import Category, Product, ProductType, ProductVariant
from saleor.shipping.models import ShippingZone
from saleor.warehouse.models import Stock, Warehouse

from fixtures.district import generate_district
from plugins.french_vat.plugin import META_CODE_KEY
from plugins.local_merchants.models import Merchant, OpeningHours, ProductMerchant

PASSWORD = "paris16-demo"
SHOPS = 5
COUNTED = (Merchant, OpeningHours, ProductMerchant, Product, ProductVariant, Stock, Warehouse,
           User, Group, ShippingZone, Category, ProductType)


def _counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def _graphql(query, variables=None, token=None):
    headers = {"HTTP_AUTHORIZATION": f"JWT {token}"} if token else {}
    response = Client(HTTP_HOST="127.0.0.1").post(
        "/graphql/", json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json", **headers,
    )
    body = response.json()
    assert not body.get("errors"), body["errors"]
    return body["data"]


@pytest.fixture
def district(db, settings):
    settings.P16_DEMO_PASSWORD = PASSWORD
    call_command("load_district", merchants=SHOPS, verbosity=0)
    yield generate_district(SHOPS)
    # Django caches the current Site across tests; this one's rows are rolled back.
    Site.objects.clear_cache()


def test_loading_twice_changes_nothing(district):
    before = _counts()
    call_command("load_district", merchants=SHOPS, verbosity=0)
    assert _counts() == before
    assert ShippingZone.objects.filter(countries__contains="FR").count() == 1


def test_operator_changes_survive_a_reload(district):
    shop = Site.objects.get_current().settings
    shop.description = "Changé par l'opérateur"
    shop.save()
    ProductType.objects.filter(slug="pain").update(metadata={})
    call_command("load_district", merchants=SHOPS, verbosity=0)
    shop.refresh_from_db()
    assert shop.description == "Changé par l'opérateur"
    # ...but a product type that lost its VAT code gets it back (else food pays 20 %).
    assert ProductType.objects.get(slug="pain").get_value_from_metadata(META_CODE_KEY) == "reduced"


def test_shop_settings_and_operator(district):
    shop = Site.objects.get_current().settings
    assert shop.site.name == "Paris 16 Shopping"
    # E-mails' absolute links point at the storefront, not at Saleor's "example.com".
    assert shop.site.domain == "127.0.0.1:8000"
    assert shop.include_taxes_in_prices and shop.display_gross_prices
    assert shop.charge_taxes_on_shipping
    assert shop.company_address.postal_code == "75116"
    operator = User.objects.get(email="admin@paris16.example")
    assert operator.is_superuser and operator.is_staff and operator.check_password(PASSWORD)


def test_each_shop_is_complete(district):
    for data in district.merchants:
        merchant = Merchant.objects.select_related("address", "warehouse").get(slug=data.slug)
        assert (merchant.name, merchant.trade, merchant.siret) == (
            data.name, data.trade.value, data.siret
        )
        assert merchant.is_active
        assert (merchant.address.postal_code, merchant.address.city) == (
            data.address.postal_code, "PARIS"
        )
        assert merchant.opening_hours.count() == len(data.opening_hours)
        # Its own warehouse, in a zone shipping to France: checkout can sell its stock.
        assert merchant.warehouse.name == data.name
        assert merchant.warehouse.address_id != merchant.address_id
        assert Warehouse.objects.for_country("FR").filter(pk=merchant.warehouse.pk).exists()
        stocks = Stock.objects.filter(product_variant__product__merchant_link__merchant=merchant)
        assert stocks.count() == len(data.products) >= 10
        assert {s.warehouse_id for s in stocks} == {merchant.warehouse.pk}
        assert all(s.quantity > 0 for s in stocks)


def test_shopkeepers_log_in_with_the_shop_permissions(district):
    for data in district.merchants:
        keeper = User.objects.get(email=f"{data.slug}@paris16.example")
        assert keeper.is_staff and not keeper.is_superuser
        assert keeper.check_password(PASSWORD)
        assert keeper.merchant_membership.merchant.slug == data.slug
        group = keeper.groups.get()
        assert group.name == f"Boutique — {data.name}"
        assert keeper.has_perm("product.manage_products")
        assert keeper.has_perm("order.manage_orders")
        assert not keeper.has_perm("account.manage_staff")
        assert not keeper.has_perm("local_merchants.manage_merchants")
    token = _graphql(
        "mutation($e:String!,$p:String!){tokenCreate(email:$e,password:$p){token}}",
        {"e": f"{district.merchants[0].slug}@paris16.example", "p": PASSWORD},
    )["tokenCreate"]["token"]
    assert token


def test_product_types_carry_the_french_vat_code(district):
    assert ProductType.objects.get(slug="pain").get_value_from_metadata(META_CODE_KEY) == "reduced"
    assert ProductType.objects.get(slug="vin").get_value_from_metadata(META_CODE_KEY) == "standard"
    assert ProductType.objects.get(slug="fleurs").get_value_from_metadata(META_CODE_KEY) == "intermediate"


PRODUCT = """
id name isAvailable
category { name } productType { name }
pricing { priceRange { start { gross { amount currency } } } }
variants { sku }
"""


def test_residents_see_the_products_in_the_api(district):
    data = district.merchants[0]
    products = Product.objects.filter(merchant_link__merchant__slug=data.slug).order_by("slug")
    aliases = " ".join(
        f'p{i}: product(id: "{to_global_id("Product", p.pk)}") {{ {PRODUCT} }}'
        for i, p in enumerate(products)
    )
    seen = _graphql(f"{{ {aliases} }}")
    expected = {p.slug: p for p in data.products}
    assert len(seen) == len(expected)
    for product, node in zip(products, (seen[f"p{i}"] for i in range(len(seen)))):
        wanted = expected[product.slug]
        assert node["name"] == wanted.name
        assert node["isAvailable"] is True
        assert node["variants"] == [{"sku": wanted.sku}]
        price = node["pricing"]["priceRange"]["start"]["gross"]
        assert (price["amount"], price["currency"]) == (float(wanted.price), "EUR")


def test_catalogue_listing_and_search_find_district_products(district):
    wanted = district.merchants[0].products[0]
    listing = _graphql("{ products(first: 1) { totalCount } }")["products"]
    assert listing["totalCount"] == Product.objects.count() >= SHOPS * 10
    found = _graphql(
        "query($q:String){ products(first: 100, filter: {search: $q}) { edges { node { name variants { sku } } } } }",
        {"q": wanted.name},
    )["products"]["edges"]
    assert {"sku": wanted.sku} in [v for e in found for v in e["node"]["variants"]]
    in_stock = _graphql(
        "{ products(first: 1, filter: {stockAvailability: IN_STOCK}) { totalCount } }"
    )["products"]["totalCount"]
    assert in_stock == listing["totalCount"]
