"""Rule 4 under real concurrency: 12 residents complete at once for a slot of capacity 5,
over real HTTP against gunicorn (3 workers) on PostgreSQL."""
import threading
import time
from decimal import Decimal

import pytest
from graphql_relay import from_global_id, to_global_id

pytestmark = [pytest.mark.live]

RESIDENTS, CAPACITY = 12, 5
ADDRESS = {"firstName": "Camille", "lastName": "Martin", "streetAddress1": "40 avenue Mozart",
           "city": "Paris", "postalCode": "75016", "country": "FR"}
CREATE = """mutation($input: CheckoutCreateInput!){ checkoutCreate(input:$input){
  checkout{ id token deliveryOptions{ kind shippingMethod{ id } } } checkoutErrors{ code } } }"""
SET_METHOD = """mutation($c: ID!, $m: ID!){ checkoutShippingMethodUpdate(checkoutId:$c, shippingMethodId:$m){
  checkout{ totalPrice{ gross{ amount } } } checkoutErrors{ code message } } }"""
SLOTS = "query($c: ID){ deliverySlots(checkoutId:$c){ id } }"
CHOOSE = """mutation($c: ID!, $s: ID!){ checkoutDeliverySlotUpdate(checkoutId:$c, slotId:$s){
  errors{ code message } } }"""
PAY = """mutation($c: ID!, $a: Decimal!){ checkoutPaymentCreate(checkoutId:$c,
  input:{gateway:"mirumee.payments.dummy", token:"charged", amount:$a}){ paymentErrors{ code } } }"""
COMPLETE = """mutation($c: ID!){ checkoutComplete(checkoutId:$c){ order{ id deliverySlot{ id } }
  checkoutErrors{ field code message } } }"""


@pytest.fixture
def committed(django_db_blocker):
    """ORM access in autocommit, so the live server sees what the test writes."""
    with django_db_blocker.unblock():
        yield


def a_demo_variant():
    from plugins.local_merchants.models import ProductMerchant
    from saleor.product.models import ProductVariant

    link = ProductMerchant.objects.filter(merchant__is_active=True).order_by("product_id").first()
    variant = ProductVariant.objects.filter(product=link.product).first()
    return to_global_id("ProductVariant", variant.pk)


def ready_basket(api, variant_id):
    created = api.data(CREATE, {"input": {
        "email": "resident@exemple.fr", "lines": [{"variantId": variant_id, "quantity": 1}],
        "shippingAddress": ADDRESS, "billingAddress": ADDRESS}})["checkoutCreate"]
    assert created["checkoutErrors"] == []
    checkout = created["checkout"]
    grouped = next(o for o in checkout["deliveryOptions"] if o["kind"] == "GROUPED_DELIVERY")
    result = api.data(SET_METHOD, {"c": checkout["id"], "m": grouped["shippingMethod"]["id"]})
    assert result["checkoutShippingMethodUpdate"]["checkoutErrors"] == []
    checkout["total"] = result["checkoutShippingMethodUpdate"]["checkout"]["totalPrice"]["gross"]["amount"]
    return checkout


def test_twelve_residents_race_for_five_places(site_server, committed):
    from saleor.payment import ChargeStatus
    from saleor.payment.models import Payment

    from plugins.grouped_delivery.models import DeliverySlot

    variant_id = a_demo_variant()
    clients = [site_server.client() for _ in range(RESIDENTS)]
    baskets = [ready_basket(api, variant_id) for api in clients]
    slot_id = clients[0].data(SLOTS, {"c": baskets[0]["id"]})["deliverySlots"][-1]["id"]
    slot_pk = int(from_global_id(slot_id)[1])
    DeliverySlot.objects.filter(pk=slot_pk).update(capacity=CAPACITY, taken=0)
    for api, checkout in zip(clients, baskets):
        chosen = api.data(CHOOSE, {"c": checkout["id"], "s": slot_id})["checkoutDeliverySlotUpdate"]
        assert chosen["errors"] == []
        paid = api.data(PAY, {"c": checkout["id"], "a": checkout["total"]})["checkoutPaymentCreate"]
        assert paid["paymentErrors"] == []

    start = threading.Barrier(RESIDENTS)
    results = [None] * RESIDENTS

    # A fresh connection each: gunicorn closes idle keep-alive ones after 2 s, and a
    # request sent on one it is closing gets "connection reset" instead of an answer.
    racers = [site_server.client() for _ in range(RESIDENTS)]

    def complete(index):
        start.wait()
        results[index] = racers[index].data(COMPLETE, {"c": baskets[index]["id"]})["checkoutComplete"]

    threads = [threading.Thread(target=complete, args=(i,)) for i in range(RESIDENTS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    wall = time.monotonic() - began

    orders = [r for r in results if r["order"]]
    refused = [r for r in results if not r["order"]]
    assert len(orders) == CAPACITY
    assert all(r["order"]["deliverySlot"]["id"] == slot_id for r in orders)
    assert len(refused) == RESIDENTS - CAPACITY
    for result in refused:
        assert [(e["field"], e["code"]) for e in result["checkoutErrors"]] == [("deliverySlot", "INVALID")]
        assert "complet" in result["checkoutErrors"][0]["message"]
    slot = DeliverySlot.objects.get(pk=slot_pk)
    assert (slot.taken, slot.orders.count()) == (CAPACITY, CAPACITY)
    tokens = [from_global_id(b["id"])[1] for b, r in zip(baskets, results) if not r["order"]]
    charged = Payment.objects.filter(checkout__token__in=tokens).exclude(
        charge_status=ChargeStatus.NOT_CHARGED)
    assert not charged.exists() and Decimal(baskets[0]["total"]) > 0
    winners = Payment.objects.filter(order__delivery_slot__slot_id=slot_pk)
    assert winners.filter(charge_status=ChargeStatus.FULLY_CHARGED).count() == CAPACITY
    print(f"\nrace: {RESIDENTS} residents, capacity {CAPACITY}: {len(orders)} orders, "
          f"{len(refused)} refusals, taken {slot.taken}, {winners.count()} payments charged, "
          f"{len(tokens)} not charged, {wall:.2f} s wall time")
