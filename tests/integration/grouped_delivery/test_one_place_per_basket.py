"""One basket, one order, one place. The reserved place goes to ONE order: even if two
orders were ever made from the same basket (the race of issue 10), the second holds no
booking and its cancellation gives back nothing. A completion that cannot wait for
another one under way is refused cleanly. (Concurrent HTTP calls: tests/live.)"""
import psycopg2
from django.db import connection, transaction
from saleor.order.models import Order
from saleor.payment import ChargeStatus
from saleor.payment.models import Payment

from plugins.grouped_delivery.models import CheckoutDeliverySlot, DeliverySlot, OrderDeliverySlot
from plugins.grouped_delivery.services import completion, slots

from .conftest import Api, basket, gid
from .test_slots_and_complete import COMPLETE, PAY, choose, first_slot, from_gid, pick


def test_second_order_of_a_basket_gets_no_place_and_gives_none_back(district):
    checkout = basket(district.a)
    pick(checkout)
    slot_id = first_slot(checkout)
    choose(checkout, slot_id)
    slot = DeliverySlot.objects.get(pk=int(from_gid(slot_id)))
    # Two other baskets hold a place; this one has reserved its own (as at checkoutComplete).
    DeliverySlot.objects.filter(pk=slot.pk).update(taken=3)
    CheckoutDeliverySlot.objects.filter(pk=checkout.pk).update(reserved=True)

    orders = []
    for _ in range(2):
        with transaction.atomic():  # create_order's transaction
            order = Order.objects.create(checkout_token=str(checkout.token), user_email="c@e.fr")
            slots.attach_to_order(order)
        orders.append(order)

    assert OrderDeliverySlot.objects.filter(slot=slot).count() == 1
    assert OrderDeliverySlot.objects.get(slot=slot).order == orders[0]
    assert [slots.release_order(order) for order in orders] == [True, False]
    assert DeliverySlot.objects.get(pk=slot.pk).taken == 2  # only this basket's place back


def test_a_completion_waiting_too_long_for_another_is_refused_without_charge(district, monkeypatch):
    """Another process (worker, server) is completing the basket and does not finish in
    time: a clear French error with a code, nothing charged; once it lets go, one order."""
    checkout = basket(district.a)
    total = pick(checkout, "CLICK_AND_COLLECT", "Alpha")
    assert Api().data(PAY, {"c": gid(checkout), "amount": total})["checkoutPaymentCreate"][
        "paymentErrors"] == []
    monkeypatch.setattr(completion, "LOCK_WAIT", "200ms")

    s = connection.settings_dict
    other = psycopg2.connect(dbname=s["NAME"], user=s["USER"], password=s["PASSWORD"],
                             host=s["HOST"], port=s["PORT"])
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", completion._lock_key(checkout.token))
        refused = Api().data(COMPLETE, {"c": gid(checkout)})["checkoutComplete"]
    finally:
        other.close()
    assert refused["order"] is None
    (error,) = refused["checkoutErrors"]
    assert (error["field"], error["code"]) == ("checkoutId", "INVALID")
    assert "déjà en cours de validation" in error["message"]
    assert Payment.objects.get(checkout=checkout).charge_status == ChargeStatus.NOT_CHARGED
    assert not Order.objects.filter(checkout_token=str(checkout.token)).exists()

    done = Api().data(COMPLETE, {"c": gid(checkout)})["checkoutComplete"]
    assert done["checkoutErrors"] == [] and done["order"]
    again = Api().data(COMPLETE, {"c": gid(checkout)})["checkoutComplete"]
    assert again["order"]["id"] == done["order"]["id"]
    assert Order.objects.filter(checkout_token=str(checkout.token)).count() == 1
