"""A shop deactivated by the operator, end to end over real HTTP: its products leave the
public catalogue at once (read cache included), and a resident's basket filled before
gets a clear French error at checkoutComplete, with nothing charged."""
import pytest
from graphql_relay import to_global_id

from tests.live.test_foundation_checkout import CHOOSE_SLOT, COMPLETE, PAY, RESIDENT_ADDRESS, SHIPPING, SLOTS

pytestmark = [pytest.mark.live, pytest.mark.django_db]

UPDATE = """mutation($id: ID!, $active: Boolean){ merchantUpdate(id: $id, input: {isActive: $active}){
  merchant{ isActive } merchantErrors{ field message code } } }"""
CREATE = """mutation($input: CheckoutCreateInput!){ checkoutCreate(input: $input){
  checkout{ id token deliveryOptions{ kind shippingMethod{ id } } } checkoutErrors{ field message code } } }"""
SEARCH = "query($s:String){ products(first:100, filter:{search:$s}){ edges{ node{ id } } } }"
PRODUCT = "query($id:ID!){ product(id:$id){ id name } }"
SHOP = "query($s:String){ merchant(slug:$s){ id products(first:100){ edges{ node{ id } } } } }"


def in_stock_variant(merchant):
    from saleor.product.models import ProductVariant

    return ProductVariant.objects.filter(
        product__merchant_link__merchant=merchant, product__is_published=True, stocks__quantity__gte=3,
    ).select_related("product").order_by("pk").first()


def visible(api, merchant, variant):
    """Where a resident would find the product: list/search, its page, the shop's page."""
    product = to_global_id("Product", variant.product_id)
    found = [e["node"]["id"] for e in api.data(SEARCH, {"s": variant.sku})["products"]["edges"]]
    shop = api.data(SHOP, {"s": merchant.slug})["merchant"]
    return {
        "search": product in found,
        "product": api.data(PRODUCT, {"id": product})["product"] is not None,
        "shop": shop is not None and product in [e["node"]["id"] for e in shop["products"]["edges"]],
    }


def test_deactivated_shop_leaves_the_catalogue_and_its_basket_cannot_be_paid(site_server, api):
    from saleor.checkout.models import Checkout
    from saleor.order.models import Order
    from saleor.payment import ChargeStatus
    from saleor.payment.models import Payment

    from plugins.local_merchants.models import Merchant

    shops = list(Merchant.objects.filter(is_active=True).order_by("slug")[4:6])
    closing, other = shops
    variant, other_variant = in_stock_variant(closing), in_stock_variant(other)
    operator = site_server.login("admin@paris16.example")
    everywhere = {"search": True, "product": True, "shop": True}
    assert visible(api, closing, variant) == everywhere  # (and now in the read cache)

    # The resident fills a basket from two shops and pays, before the shop closes.
    created = api.data(CREATE, {"input": {
        "email": "residente.passy@exemple.fr", "shippingAddress": RESIDENT_ADDRESS,
        "billingAddress": RESIDENT_ADDRESS,
        "lines": [{"variantId": to_global_id("ProductVariant", v.pk), "quantity": 1}
                  for v in (variant, other_variant)],
    }})["checkoutCreate"]
    assert created["checkoutErrors"] == []
    checkout_id = created["checkout"]["id"]
    grouped = next(o for o in created["checkout"]["deliveryOptions"] if o["kind"] == "GROUPED_DELIVERY")
    shipped = api.data(SHIPPING, {"c": checkout_id, "m": grouped["shippingMethod"]["id"]})
    assert shipped["checkoutShippingMethodUpdate"]["checkoutErrors"] == []
    slot = next(s for s in api.data(SLOTS, {"c": checkout_id})["deliverySlots"] if s["isAvailable"])
    assert api.data(CHOOSE_SLOT, {"c": checkout_id, "s": slot["id"]})["checkoutDeliverySlotUpdate"]["errors"] == []
    total = shipped["checkoutShippingMethodUpdate"]["checkout"]["totalPrice"]["gross"]["amount"]
    assert api.data(PAY, {"c": checkout_id, "amount": total})["checkoutPaymentCreate"]["paymentErrors"] == []

    merchant_id = to_global_id("Merchant", closing.pk)
    try:
        closed = operator.data(UPDATE, {"id": merchant_id, "active": False})["merchantUpdate"]
        assert closed["merchantErrors"] == [] and closed["merchant"]["isActive"] is False

        nowhere = {"search": False, "product": False, "shop": False}
        assert visible(api, closing, variant) == nowhere
        assert visible(site_server.client(), closing, variant) == nowhere  # a fresh visitor too
        assert visible(api, other, other_variant) == everywhere  # the other shop is untouched

        completed = api.data(COMPLETE, {"c": checkout_id})["checkoutComplete"]
        assert completed["order"] is None
        errors = completed["checkoutErrors"]
        assert [(e["field"], e["code"]) for e in errors] == [("lines", "PRODUCT_NOT_PUBLISHED")]
        assert f"« {closing.name} » ne sont plus en vente" in errors[0]["message"]
        assert "retirez-les de votre panier" in errors[0]["message"]

        checkout = Checkout.objects.get(token=created["checkout"]["token"])  # the basket is kept
        payment = Payment.objects.get(checkout=checkout)
        assert payment.charge_status == ChargeStatus.NOT_CHARGED and payment.captured_amount == 0
        assert not payment.transactions.filter(is_success=True).exists()
        assert not Order.objects.filter(checkout_token=str(checkout.token)).exists()
    finally:
        reopened = operator.data(UPDATE, {"id": merchant_id, "active": True})["merchantUpdate"]
        assert reopened["merchantErrors"] == []
    assert visible(api, closing, variant) == everywhere
