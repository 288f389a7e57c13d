"""The foundation, end to end over real HTTP: the demo catalogue answers, a resident buys
from three shops in one checkout with the stock dummy gateway, the order carries French
VAT, and the e-mails leave through the real Celery worker."""
from decimal import Decimal

import pytest

pytestmark = [pytest.mark.live, pytest.mark.django_db]

CATALOGUE = """
query Catalogue($first: Int!) {
  products(first: $first) {
    totalCount
    edges { node { name pricing { priceRange { start { gross { amount currency } } } } } }
  }
}
"""

RESIDENT_ADDRESS = {
    "firstName": "Camille", "lastName": "Martin", "streetAddress1": "12 rue de Passy",
    "city": "Paris", "postalCode": "75016", "country": "FR", "phone": "+33145200000",
}

CHECKOUT_CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) {
    checkout { id totalPrice { gross { amount } }
      deliveryOptions { kind shippingMethod { id } price { amount } } }
    checkoutErrors { field message code }
  }
}
"""
SLOTS = """query($c: ID) { deliverySlots(checkoutId: $c) { id remaining isAvailable } }"""
CHOOSE_SLOT = """
mutation($c: ID!, $s: ID!) { checkoutDeliverySlotUpdate(checkoutId: $c, slotId: $s) {
  errors { field message code } } }
"""
SHIPPING = """
mutation($c: ID!, $m: ID!) { checkoutShippingMethodUpdate(checkoutId: $c, shippingMethodId: $m) {
  checkout { totalPrice { gross { amount } } } checkoutErrors { field message code } } }
"""
PAY = """
mutation($c: ID!, $amount: Decimal!) {
  checkoutPaymentCreate(checkoutId: $c, input: {gateway: "mirumee.payments.dummy", token: "tok-p16", amount: $amount}) {
    paymentErrors { field message code } } }
"""
COMPLETE = """
mutation($c: ID!) { checkoutComplete(checkoutId: $c) {
  order { id number userEmail
    total { net { amount } gross { amount } tax { amount } }
    shippingPrice { net { amount } gross { amount } }
    lines { productSku quantity unitPrice { net { amount } gross { amount } } }
  }
  checkoutErrors { field message code } } }
"""


def money(value) -> Decimal:
    return Decimal(str(value))


def test_the_demo_catalogue_answers(api):
    data = api.data(CATALOGUE, {"first": 24})["products"]
    assert data["totalCount"] >= 150 * 10
    assert len(data["edges"]) == 24
    price = data["edges"][0]["node"]["pricing"]["priceRange"]["start"]["gross"]
    assert price["currency"] == "EUR" and money(price["amount"]) > 0


def three_shops_variants():
    """One in-stock variant from each of three different shops (test set-up only)."""
    from graphql_relay import to_global_id
    from plugins.local_merchants.models import ProductMerchant
    from saleor.product.models import ProductVariant

    chosen, merchants = [], set()
    links = ProductMerchant.objects.select_related("merchant", "product__product_type")
    for link in links.order_by("merchant__slug", "product__name")[:400]:
        if link.merchant_id in merchants or len(chosen) == 3:
            continue
        variant = ProductVariant.objects.filter(product=link.product, stocks__quantity__gte=5).first()
        if variant:
            merchants.add(link.merchant_id)
            chosen.append(variant)
    assert len(chosen) == 3
    return [to_global_id("ProductVariant", v.pk) for v in chosen], chosen


def test_a_resident_buys_from_three_shops_in_one_order(site_server, api):
    variant_ids, variants = three_shops_variants()
    created = api.data(CHECKOUT_CREATE, {"input": {
        "email": "camille.martin@exemple.fr",
        "lines": [{"variantId": vid, "quantity": 2} for vid in variant_ids],
        "shippingAddress": RESIDENT_ADDRESS, "billingAddress": RESIDENT_ADDRESS,
    }})["checkoutCreate"]
    assert created["checkoutErrors"] == []
    checkout = created["checkout"]
    grouped = [o for o in checkout["deliveryOptions"] if o["kind"] == "GROUPED_DELIVERY"]
    assert len(grouped) == 1, "one grouped delivery for the three shops"

    shipped = api.data(SHIPPING, {"c": checkout["id"], "m": grouped[0]["shippingMethod"]["id"]})
    assert shipped["checkoutShippingMethodUpdate"]["checkoutErrors"] == []
    slot = next(s for s in api.data(SLOTS, {"c": checkout["id"]})["deliverySlots"] if s["isAvailable"])
    chosen = api.data(CHOOSE_SLOT, {"c": checkout["id"], "s": slot["id"]})
    assert chosen["checkoutDeliverySlotUpdate"]["errors"] == []
    total = shipped["checkoutShippingMethodUpdate"]["checkout"]["totalPrice"]["gross"]["amount"]

    paid = api.data(PAY, {"c": checkout["id"], "amount": total})["checkoutPaymentCreate"]
    assert paid["paymentErrors"] == []
    completed = api.data(COMPLETE, {"c": checkout["id"]})["checkoutComplete"]
    assert completed["checkoutErrors"] == []
    order = completed["order"]

    # One order, one payment, the three shops' lines in it.
    assert sorted(line["productSku"] for line in order["lines"]) == sorted(v.sku for v in variants)
    assert money(order["total"]["gross"]["amount"]) == money(total)

    # French VAT: each line's HT is its TTC divided by (1 + its product type's rate).
    from plugins.french_vat.plugin import META_CODE_KEY
    from plugins.french_vat.rates import SHIPPING_RATE, rate_for_code, taxed
    from prices import Money

    expected_tax = Decimal(0)
    for line, variant in zip(sorted(order["lines"], key=lambda l: l["productSku"]),
                             sorted(variants, key=lambda v: v.sku)):
        rate = rate_for_code(variant.product.product_type.get_value_from_metadata(META_CODE_KEY, ""))
        gross, net = money(line["unitPrice"]["gross"]["amount"]), money(line["unitPrice"]["net"]["amount"])
        assert net == taxed(Money(gross, "EUR"), rate).net.amount
        expected_tax += (gross - net) * line["quantity"]
    shipping_gross = money(order["shippingPrice"]["gross"]["amount"])
    shipping_net = money(order["shippingPrice"]["net"]["amount"])
    assert shipping_net == taxed(Money(shipping_gross, "EUR"), SHIPPING_RATE).net.amount
    expected_tax += shipping_gross - shipping_net
    totals = order["total"]
    assert money(totals["tax"]["amount"]) == expected_tax
    assert money(totals["net"]["amount"]) + money(totals["tax"]["amount"]) == money(totals["gross"]["amount"])

    # The French confirmation e-mail to the resident, sent by the worker.
    mail = site_server.wait_for_mail(
        lambda m: "camille.martin@exemple.fr" in m and f"{order['number']}" in m and "commande" in m.lower()
    )
    assert "€" in mail or "EUR" in mail
