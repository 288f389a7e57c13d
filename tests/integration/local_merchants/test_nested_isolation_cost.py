"""Nested fields of another shop's objects: answered as to a visitor, at a cost that does
not grow with the list (the owners of a page of objects are found in one query per type).
The page asks no `quantityAvailable`: stock Saleor reads it once per variant, for anyone."""
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from saleor.product.models import Product, ProductVariant
from saleor.warehouse.models import Stock

from graphene_django.settings import graphene_settings

from plugins.local_merchants.models import ProductMerchant

from .conftest import Api

SHOP_PAGE = """query($slug:String, $n:Int){ merchant(slug:$slug){ products(first:$n){ edges{ node{
  id name merchant{ slug } privateMetadata{ value } purchaseCost{ start{ amount } }
  variants{ sku costPrice{ amount } stocks{ quantity warehouse{ email } } }
} } } } }"""


def _add_products(merchant, shops, count):
    for index in range(count):
        product = Product.objects.create(
            name=f"{merchant.slug} {index}", slug=f"{merchant.slug}-{index}",
            product_type=shops.product_type, category=shops.category,
            price_amount=Decimal("3.20"), is_published=True,
        )
        ProductMerchant.objects.create(product=product, merchant=merchant)
        variant = ProductVariant.objects.create(
            product=product, sku=f"{merchant.slug}-{index}", cost_price_amount=Decimal("1.07"))
        Stock.objects.create(product_variant=variant, warehouse=merchant.warehouse, quantity=77)


def _queries(api, slug, count):
    with CaptureQueriesContext(connection) as ctx:
        body = api.execute(SHOP_PAGE, {"slug": slug, "n": count})
    return len(ctx.captured_queries), body


def test_foreign_shop_page_hides_private_fields_in_constant_queries(shops):
    _add_products(shops.b, shops, 12)
    keeper_a = Api(shops.keeper_a)
    few, body_few = _queries(keeper_a, shops.b.slug, 3)
    many, body = _queries(keeper_a, shops.b.slug, 12)
    nodes = [edge["node"] for edge in body["data"]["merchant"]["products"]["edges"]]
    assert len(nodes) == 12 and len(body_few["data"]["merchant"]["products"]["edges"]) == 3
    assert many == few, (few, many)
    assert "1.07" not in str(body["data"]) and "77" not in str(body["data"])
    assert "b@paris16.example" not in str(body)
    for node in nodes:
        assert node["purchaseCost"] is None and node["privateMetadata"] == []
        assert node["variants"][0]["costPrice"] is None and node["variants"][0]["stocks"] == []
        assert node["variants"][0]["sku"].startswith(("cave-b", "sku-vin-b"))  # public fields stay


def _without_field_policy(run):
    saved = graphene_settings.MIDDLEWARE
    graphene_settings.MIDDLEWARE = [m for m in saved if "IsolationMiddleware" not in str(m)]
    try:
        return run()
    finally:
        graphene_settings.MIDDLEWARE = saved


def test_own_shop_page_keeps_private_fields_at_no_extra_cost_per_item(shops):
    """Stock Saleor reads each variant's stocks on its own: the policy adds nothing per item."""
    _add_products(shops.a, shops, 12)
    keeper_a = Api(shops.keeper_a)
    few, _ = _queries(keeper_a, shops.a.slug, 3)
    many, body = _queries(keeper_a, shops.a.slug, 12)
    stock_few, _ = _without_field_policy(lambda: _queries(keeper_a, shops.a.slug, 3))
    stock_many, _ = _without_field_policy(lambda: _queries(keeper_a, shops.a.slug, 12))
    assert not body.get("errors"), body["errors"]
    assert many - few == stock_many - stock_few, (few, many, stock_few, stock_many)
    variant = body["data"]["merchant"]["products"]["edges"][-1]["node"]["variants"][0]
    assert variant["costPrice"] == {"amount": 1.07} and variant["stocks"][0]["quantity"] == 77
    assert variant["stocks"][0]["warehouse"]["email"] == "a@paris16.example"


def test_visitor_answer_unchanged_by_the_field_policy(shops):
    """Anonymous visitors get stock Saleor's answer: private fields refused."""
    _add_products(shops.b, shops, 2)
    body = Api().execute(SHOP_PAGE, {"slug": shops.b.slug, "n": 2})
    assert "1.07" not in str(body.get("data")) and body.get("errors")
