"""Orders split by shop, end to end over real HTTP: a resident buys from three demo shops
in one checkout (stock dummy gateway), each shop gets its French e-mail through the real
Celery worker, sees only its part, marks it ready, and the resident sees it; the money
figures add up to the order."""
from decimal import Decimal

import pytest
from graphql_relay import to_global_id

from tests.live.test_security_matrix import refused_in_payload

pytestmark = [pytest.mark.live]

ADDRESS = {"firstName": "Camille", "lastName": "Martin", "streetAddress1": "40 avenue Mozart",
           "city": "Paris", "postalCode": "75016", "country": "FR"}
CREATE = """mutation($input: CheckoutCreateInput!){ checkoutCreate(input:$input){
  checkout{ id token deliveryOptions{ kind shippingMethod{ id } }
    merchantGroups{ merchant{ slug } lines{ quantity } subtotal{ gross{ amount } } } }
  checkoutErrors{ code message } } }"""
SET_METHOD = """mutation($c: ID!, $m: ID!){ checkoutShippingMethodUpdate(checkoutId:$c, shippingMethodId:$m){
  checkout{ totalPrice{ gross{ amount } } } checkoutErrors{ code message } } }"""
SLOTS = "query($c: ID){ deliverySlots(checkoutId:$c){ id start } }"
CHOOSE = """mutation($c: ID!, $s: ID!){ checkoutDeliverySlotUpdate(checkoutId:$c, slotId:$s){
  errors{ code message } } }"""
PAY = """mutation($c: ID!, $a: Decimal!){ checkoutPaymentCreate(checkoutId:$c,
  input:{gateway:"mirumee.payments.dummy", token:"fully-charged", amount:$a}){ paymentErrors{ code } } }"""
COMPLETE = """mutation($c: ID!){ checkoutComplete(checkoutId:$c){ order{ id number token
  lines{ productSku quantity unitPrice{ gross{ amount } } } }
  checkoutErrors{ field code message } } }"""
MINE = """{ merchantOrders(first: 20, filter: {status: [TO_PREPARE, READY]}) { edges { node {
  id number status isClickAndCollect pickupAt customerFirstName merchant{ slug } deliverySlot{ id }
  lines{ productSku quantity }
  settlement{ sales{ amount } commission{ amount } netDue{ amount } } } } } }"""
MARK_READY = """mutation($id: ID!){ merchantOrderMarkReady(id:$id){
  merchantOrder{ status } merchantOrderErrors{ field code message } } }"""
ORDER = """query($t: UUID!){ orderByToken(token:$t){ merchantGroups{ merchant{ slug } status
  lines{ productSku } } } }"""
SETTLEMENTS = """query($m: ID){ merchantSettlements(period: {}, merchant: $m){ merchant{ slug }
  sales{ amount } commission{ amount } netDue{ amount } } }"""


@pytest.fixture
def committed(django_db_blocker):
    """ORM access in autocommit, for set-up reads and checks of what the server wrote."""
    with django_db_blocker.unblock():
        yield


def three_shops():
    """One in-stock variant from each of three active demo shops."""
    from plugins.local_merchants.models import Merchant
    from saleor.product.models import ProductVariant

    chosen = []
    for merchant in Merchant.objects.filter(is_active=True).order_by("-slug"):
        variant = ProductVariant.objects.filter(
            product__merchant_link__merchant=merchant, product__is_published=True,
            stocks__quantity__gte=10,
        ).order_by("pk").first()
        if variant:
            chosen.append((merchant, variant))
        if len(chosen) == 3:
            return chosen
    raise AssertionError("the demo district lacks three shops with stock")


def test_three_shops_prepare_one_order(site_server, committed):
    from plugins.local_merchants.orders.models import MerchantOrder

    shops = three_shops()
    resident = site_server.client()
    created = resident.data(CREATE, {"input": {
        "email": "camille.martin@exemple.fr", "shippingAddress": ADDRESS, "billingAddress": ADDRESS,
        "lines": [{"variantId": to_global_id("ProductVariant", v.pk), "quantity": i + 1}
                  for i, (_, v) in enumerate(shops)],
    }})["checkoutCreate"]
    assert created["checkoutErrors"] == []
    checkout = created["checkout"]
    assert [g["merchant"]["slug"] for g in checkout["merchantGroups"]] == [m.slug for m, _ in shops]
    grouped = next(o for o in checkout["deliveryOptions"] if o["kind"] == "GROUPED_DELIVERY")
    total = resident.data(SET_METHOD, {"c": checkout["id"], "m": grouped["shippingMethod"]["id"]})[
        "checkoutShippingMethodUpdate"]["checkout"]["totalPrice"]["gross"]["amount"]
    slot = resident.data(SLOTS, {"c": checkout["id"]})["deliverySlots"][-1]
    assert resident.data(CHOOSE, {"c": checkout["id"], "s": slot["id"]})["checkoutDeliverySlotUpdate"]["errors"] == []
    assert resident.data(PAY, {"c": checkout["id"], "a": total})["checkoutPaymentCreate"]["paymentErrors"] == []
    completed = resident.data(COMPLETE, {"c": checkout["id"]})["checkoutComplete"]
    assert completed["checkoutErrors"] == []
    order = completed["order"]

    # Each shop is told, in French, by the worker, what to prepare.
    for (merchant, variant), quantity in zip(shops, (1, 2, 3)):
        mail = site_server.wait_for_mail(
            lambda m: f"To: {merchant.email}" in m and f"Commande n° {order['number']} à préparer" in m
        )
        assert f"{quantity} × {variant.product.name}" in mail
        assert "À préparer avant le " in mail  # grouped delivery set the pickup time
        assert "avenue Mozart" not in mail

    # Shop A sees its part only: its lines, no other shop's, no address.
    (shop_a, variant_a), (shop_b, _), _ = shops
    keeper_a = site_server.login(f"{shop_a.slug}@paris16.example")
    mine = [e["node"] for e in keeper_a.data(MINE)["merchantOrders"]["edges"]]
    assert {node["merchant"]["slug"] for node in mine} == {shop_a.slug}
    part = next(node for node in mine if node["number"] == order["number"])
    assert part["lines"] == [{"productSku": variant_a.sku, "quantity": 1}]
    assert part["status"] == "TO_PREPARE" and part["customerFirstName"] is None
    assert not part["isClickAndCollect"]
    assert part["pickupAt"] == slot["start"]  # the courier's round
    assert part["deliverySlot"] == {"id": slot["id"]}

    # A cannot mark B's part ready: refused, nothing changed.
    part_b = MerchantOrder.objects.get(order_id=int(order["number"]), merchant=shop_b)
    refused = keeper_a.execute(MARK_READY, {"id": to_global_id("MerchantOrder", part_b.pk)})
    assert refused_in_payload(refused, "merchantOrderMarkReady"), refused
    assert refused["data"]["merchantOrderMarkReady"]["merchantOrder"] is None
    part_b.refresh_from_db()
    assert part_b.status == "TO_PREPARE"

    done = keeper_a.data(MARK_READY, {"id": part["id"]})["merchantOrderMarkReady"]
    assert done == {"merchantOrder": {"status": "READY"}, "merchantOrderErrors": []}
    groups = resident.data(ORDER, {"t": order["token"]})["orderByToken"]["merchantGroups"]
    assert [(g["merchant"]["slug"], g["status"]) for g in groups] == [
        (shop_a.slug, "READY"), (shop_b.slug, "TO_PREPARE"), (shops[2][0].slug, "TO_PREPARE"),
    ]

    # Money: the three shops' figures of this order add up to its lines.
    operator = site_server.login("admin@paris16.example")
    figures = [e["node"]["settlement"] for e in operator.data(MINE)["merchantOrders"]["edges"]
               if e["node"]["number"] == order["number"]]
    lines_total = sum(Decimal(str(l["unitPrice"]["gross"]["amount"])) * l["quantity"] for l in order["lines"])
    assert len(figures) == 3
    assert sum(Decimal(str(f["sales"]["amount"])) for f in figures) == lines_total
    assert sum(Decimal(str(f["commission"]["amount"])) + Decimal(str(f["netDue"]["amount"]))
               for f in figures) == lines_total
    own = keeper_a.data(SETTLEMENTS, {"m": to_global_id("Merchant", shop_b.pk)})["merchantSettlements"]
    assert own == []  # another shop's money: nothing
