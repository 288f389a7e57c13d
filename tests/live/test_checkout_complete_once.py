"""One basket, one order: checkoutComplete fired several times at once on one paid basket,
over real HTTP against gunicorn (3 workers, 4 threads each) on PostgreSQL, makes ONE
order, ONE charge and takes ONE slot place; every other call answers with that same
order or a clear French error with a code. Cancelling gives back only the place taken."""
import threading
import uuid

import pytest
from graphql_relay import from_global_id, to_global_id

from tests.live.test_grouped_delivery_concurrency import (
    CHOOSE, COMPLETE, PAY, SLOTS, a_demo_variant, committed, ready_basket,  # noqa: F401
)

pytestmark = [pytest.mark.live]

RACERS = 6
CANCEL = """mutation($id: ID!){ orderCancel(id:$id){ orderErrors{ code } order{ status } } }"""


def paid_basket(api):
    """A basket with grouped delivery, a slot chosen and a payment made: ready to complete."""
    checkout = ready_basket(api, a_demo_variant())
    slots = api.data(SLOTS, {"c": checkout["id"]})["deliverySlots"]
    # Not the last slot: the twelve residents' race counts every order of that one.
    checkout["slot"] = slots[-2]["id"]
    assert api.data(CHOOSE, {"c": checkout["id"], "s": checkout["slot"]})[
        "checkoutDeliverySlotUpdate"]["errors"] == []
    assert api.data(PAY, {"c": checkout["id"], "a": checkout["total"]})[
        "checkoutPaymentCreate"]["paymentErrors"] == []
    return checkout


def race(clients, checkout_id):
    """Every client calls checkoutComplete at the same instant; their payloads."""
    start = threading.Barrier(len(clients))
    results = [None] * len(clients)

    def complete(index):
        start.wait()
        body = clients[index].execute(COMPLETE, {"c": checkout_id})
        results[index] = body

    threads = [threading.Thread(target=complete, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def slot_state(slot_global_id):
    from plugins.grouped_delivery.models import DeliverySlot, OrderDeliverySlot

    slot = DeliverySlot.objects.get(pk=int(from_global_id(slot_global_id)[1]))
    booked = OrderDeliverySlot.objects.filter(slot=slot, released=False).count()
    return slot.taken, booked


def test_parallel_completions_make_one_order_one_charge_one_place(site_server, committed):
    from saleor.order.models import Order
    from saleor.payment import TransactionKind
    from saleor.payment.models import Payment, Transaction

    resident = site_server.client()
    checkout = paid_basket(resident)
    token = from_global_id(checkout["id"])[1]
    payment = Payment.objects.get(checkout_id=token)
    taken_before, booked_before = slot_state(checkout["slot"])

    # Fresh connections: gunicorn closes idle keep-alive ones after 2 s.
    results = race([site_server.client() for _ in range(RACERS)], checkout["id"])

    orders = Order.objects.filter(checkout_token=token)
    assert orders.count() == 1
    order_id = to_global_id("Order", orders.get().pk)
    for body in results:
        assert not body.get("errors"), body["errors"]
        payload = body["data"]["checkoutComplete"]
        if payload["order"] is not None:
            assert payload["order"]["id"] == order_id and payload["checkoutErrors"] == []
        else:  # a clear French error with a code, never a second order
            (error,) = payload["checkoutErrors"]
            assert error["code"] in {"INVALID", "NOT_FOUND"} and "panier" in error["message"]
    answered = sum(1 for b in results if b["data"]["checkoutComplete"]["order"])
    assert answered >= 1
    captures = Transaction.objects.filter(payment=payment, kind=TransactionKind.CAPTURE)
    assert captures.count() == 1
    print(f"\n{RACERS} parallel checkoutComplete: 1 order, {answered} answered with it, "
          f"{RACERS - answered} clean errors, 1 capture")
    assert slot_state(checkout["slot"]) == (taken_before + 1, booked_before + 1)

    # The same call once more, later, by the same resident: the same order, nothing new.
    again = resident.data(COMPLETE, {"c": checkout["id"]})["checkoutComplete"]
    assert again["order"]["id"] == order_id
    assert captures.count() == 1 and orders.count() == 1

    # Cancelling gives back the one place taken, once.
    operator = site_server.login("admin@paris16.example")
    done = operator.data(CANCEL, {"id": order_id})["orderCancel"]
    assert done["orderErrors"] == [] and done["order"]["status"] == "CANCELED"
    assert slot_state(checkout["slot"]) == (taken_before, booked_before)
    operator.data(CANCEL, {"id": order_id})
    assert slot_state(checkout["slot"]) == (taken_before, booked_before)


def test_someone_else_replaying_a_customers_basket_gets_no_order(site_server, committed):
    from saleor.account.models import User
    from saleor.order.models import Order

    emails = [f"client-{uuid.uuid4().hex[:8]}@exemple.fr" for _ in range(2)]
    for email in emails:
        User.objects.create_user(email, "client-pass-16", is_active=True)
    owner, stranger = (site_server.client().as_user(e, "client-pass-16") for e in emails)
    checkout = paid_basket(owner)

    results = race([owner, owner, owner], checkout["id"])
    token = from_global_id(checkout["id"])[1]
    assert Order.objects.filter(checkout_token=token).count() == 1
    order = Order.objects.get(checkout_token=token)
    assert order.user.email == emails[0]

    for caller in (stranger, site_server.client()):  # later, with the basket's id
        payload = caller.data(COMPLETE, {"c": checkout["id"]})["checkoutComplete"]
        assert payload["order"] is None
        (error,) = payload["checkoutErrors"]
        assert (error["field"], error["code"]) == ("checkoutId", "NOT_FOUND")
        assert "déjà été commandé" in error["message"]
    mine = owner.data(COMPLETE, {"c": checkout["id"]})["checkoutComplete"]
    assert mine["order"]["id"] == to_global_id("Order", order.pk)
    for body in results:
        got = body["data"]["checkoutComplete"]["order"]
        assert got is None or got["id"] == to_global_id("Order", order.pk)
