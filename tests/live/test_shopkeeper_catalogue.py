"""A shopkeeper's catalogue work over real HTTP: what they create is their shop's, and any
request naming another shop's product or warehouse is refused whole, nothing written."""
import uuid

import pytest
from graphql_relay import from_global_id, to_global_id

from tests.live.test_security_matrix import OPERATIONS, VARIANT_CREATE, Shop, refused_in_payload

pytestmark = [pytest.mark.live, pytest.mark.django_db]

MERCHANT_PRODUCTS = """query($s:String){ merchant(slug:$s){ products(first:100){
  edges{ node{ id name isPublished merchant{ slug } } } } } }"""


@pytest.fixture(scope="module")
def shops(site_server, django_db_blocker):
    from plugins.local_merchants.models import Merchant

    # Not the first two shops (the matrix's) nor the last (onboarding's).
    with django_db_blocker.unblock():
        a, b = Merchant.objects.filter(is_active=True).order_by("slug")[2:4]
        return Shop(a, site_server.api_url), Shop(b, site_server.api_url)


def stock_rows(*shops):
    from saleor.warehouse.models import Stock

    return list(Stock.objects.filter(warehouse__merchant__in=[s.merchant for s in shops])
                .order_by("pk").values_list("pk", "warehouse_id", "product_variant_id", "quantity"))


def delete(shop, product):
    deleted = shop.keeper().data(OPERATIONS["productDelete"][0], {"id": product})["productDelete"]
    assert deleted["productErrors"] == []


def test_product_created_by_a_shopkeeper_belongs_to_their_shop(shops):
    from saleor.warehouse.models import Stock

    from plugins.local_merchants.models import ProductMerchant

    a, b = shops
    document, variables, _kind = OPERATIONS["productCreate"]
    name = f"nouveau-{uuid.uuid4().hex[:8]}"
    created = a.keeper().data(document, variables(a, name))["productCreate"]
    assert created["productErrors"] == [] and created["product"]["merchant"]["slug"] == a.merchant.slug
    product = created["product"]["id"]
    try:
        pk = int(from_global_id(product)[1])
        assert ProductMerchant.objects.get(product_id=pk).merchant_id == a.merchant.pk
        assert list(Stock.objects.filter(product_variant__product_id=pk).values_list(
            "warehouse_id", "quantity")) == [(a.merchant.warehouse_id, 3)]
        own_view = a.keeper().data(MERCHANT_PRODUCTS, {"s": a.merchant.slug})["merchant"]["products"]
        assert product in [e["node"]["id"] for e in own_view["edges"]]  # unpublished: theirs only
        other_view = b.keeper().data(MERCHANT_PRODUCTS, {"s": a.merchant.slug})["merchant"]["products"]
        assert product not in [e["node"]["id"] for e in other_view["edges"]]
        assert b.keeper().data("query($id:ID!){ product(id:$id){ id } }", {"id": product})["product"] is None
    finally:
        delete(a, product)


def test_variant_with_stock_in_another_shops_warehouse_is_refused(shops):
    from saleor.product.models import ProductVariant

    a, b = shops
    sku = f"intrus-{uuid.uuid4().hex[:8]}"
    before = stock_rows(a, b)
    body = a.keeper().execute(VARIANT_CREATE, {"p": a.product, "s": sku,
                                               "st": [{"warehouse": b.warehouse, "quantity": 5}]})
    assert refused_in_payload(body, "productVariantCreate"), body  # NOT_FOUND, as for a missing one
    assert b.merchant.name not in str(body)  # nothing of the other shop in the answer
    assert not ProductVariant.objects.filter(sku=sku).exists()
    assert stock_rows(a, b) == before


def test_bulk_delete_with_one_foreign_product_deletes_nothing(shops):
    from saleor.product.models import Product

    a, b = shops
    document, variables, _kind = OPERATIONS["productCreate"]
    own = a.keeper().data(document, variables(a, f"a-jeter-{uuid.uuid4().hex[:8]}"))["productCreate"]
    own_id = own["product"]["id"]
    try:
        count = Product.objects.count()
        body = a.keeper().execute(OPERATIONS["productBulkDelete"][0], {"ids": [own_id, b.product]})
        assert refused_in_payload(body, "productBulkDelete"), body
        assert Product.objects.count() == count
        assert Product.objects.filter(pk=b.product_pk).exists()
    finally:
        delete(a, own_id)


def test_stocks_update_in_another_shops_warehouse_is_refused(shops):
    a, b = shops
    before = stock_rows(a, b)
    document, _variables, _kind = OPERATIONS["productVariantStocksUpdate"]
    for variant, warehouse in ((a.variant, b.warehouse), (b.variant, b.warehouse), (b.variant, a.warehouse)):
        body = a.keeper().execute(document, {"v": variant, "w": warehouse})
        assert refused_in_payload(body, "productVariantStocksUpdate"), body
    # A forged ID, or another shop's object of another type, answers the same.
    for warehouse in ("pas-un-id", to_global_id("Product", b.product_pk)):
        body = a.keeper().execute(document, {"v": a.variant, "w": warehouse})
        assert refused_in_payload(body, "productVariantStocksUpdate"), body
    # Their own product's ID in place of a warehouse: stock Saleor's type check answers.
    body = a.keeper().execute(document, {"v": a.variant, "w": to_global_id("Product", a.product_pk)})
    assert body["data"]["productVariantStocksUpdate"]["bulkStockErrors"] == [{"code": "GRAPHQL_ERROR"}], body
    assert stock_rows(a, b) == before
