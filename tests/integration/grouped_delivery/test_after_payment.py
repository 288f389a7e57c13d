"""After a real checkout: the parts' pickup times, the resident's confirmation e-mail,
a cancelled order giving its place back, Order.deliverySlot in lists, draft orders."""
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from graphql_relay import from_global_id, to_global_id
from saleor.order.emails import send_order_confirmation
from saleor.order.models import Order

from plugins.grouped_delivery.models import DeliveryMethod, DeliverySlot, OrderDeliverySlot
from plugins.grouped_delivery.services.summary import delivery_summary
from plugins.local_merchants.orders.models import MerchantOrder

from .conftest import IN_ZONE, OUTSIDE, Api, basket
from .test_slots_and_complete import choose, first_slot, pay_and_complete, pick

NBSP = "\xa0"
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


def order_of(result):
    assert result["checkoutErrors"] == [], result["checkoutErrors"]
    return Order.objects.get(pk=int(from_global_id(result["order"]["id"])[1]))


def grouped_order(*shops, quantity=1):
    checkout = basket(*shops, quantity=quantity)
    total = pick(checkout)
    slot_id = first_slot(checkout)
    choose(checkout, slot_id)
    order = order_of(pay_and_complete(checkout, total))
    return order, DeliverySlot.objects.get(pk=int(from_global_id(slot_id)[1]))


def french_slot(slot):
    """Written out by hand here, so the test does not trust the code it checks."""
    start, end = (timezone.localtime(moment) for moment in (slot.start, slot.end))
    day = "1er" if start.day == 1 else start.day
    return (f"{WEEKDAYS[start.weekday()]} {day} {MONTHS[start.month - 1]}, "
            f"{start.hour}{NBSP}h – {end.hour}{NBSP}h")


def confirmation(order, mailoutbox):
    send_order_confirmation(order.pk, "")  # Saleor's own sender, templates and context
    message = mailoutbox[-1]
    (html,) = [content for content, kind in message.alternatives if kind == "text/html"]
    return message.body, html


def test_paid_parts_get_their_round_start(district):
    order, slot = grouped_order(district.a, district.b)
    parts = MerchantOrder.objects.filter(order=order)
    assert sorted(p.merchant.name for p in parts) == ["Alpha", "Beta"]
    assert all(p.paid_at is not None for p in parts)
    assert [p.pickup_at for p in parts] == [slot.start, slot.start]


def test_single_shop_pickup_is_ready_after_the_shops_lead_time(district):
    checkout = basket(district.a)
    order = order_of(pay_and_complete(checkout, pick(checkout, "CLICK_AND_COLLECT", "Alpha")))
    (part,) = MerchantOrder.objects.filter(order=order)
    assert part.is_click_and_collect
    # Alpha is open all day: ready one lead time (default 1 h) from now, no round.
    assert timezone.now() + timedelta(minutes=30) < part.pickup_at < timezone.now() + timedelta(hours=3)
    assert not OrderDeliverySlot.objects.filter(order=order).exists()


def test_confirmation_email_shows_the_slot_and_each_shops_part(district, mailoutbox):
    order, slot = grouped_order(district.a, district.b, quantity=2)
    plain, html = confirmation(order, mailoutbox)
    pickup = timezone.localtime(slot.start)
    for text in (plain, html):
        assert "Livraison groupée" in text
        assert french_slot(slot) in text
        for shop in ("Alpha", "Beta"):
            assert f"{shop}</strong> — À préparer" in text or f"{shop} — À préparer" in text
            assert f"Produit {shop}" in text
        assert f"prête pour le {WEEKDAYS[pickup.weekday()]}" in text
        assert f"à {pickup.hour}{NBSP}h" in text
    assert "  - 2 × Produit Alpha" in plain
    assert plain.index("Alpha —") < plain.index("Produit Alpha", plain.index("Alpha —")) < plain.index("Beta —")


def test_confirmation_email_of_click_and_collect_names_the_shop(district, mailoutbox):
    checkout = basket(district.b)
    order = order_of(pay_and_complete(checkout, pick(checkout, "CLICK_AND_COLLECT", "Beta")))
    plain, html = confirmation(order, mailoutbox)
    for text in (plain, html):
        assert "Retrait en boutique" in text and "Beta, 1 rue Beta, 75016 Paris" in text
        assert "Créneau" not in text and "Beta — À préparer, prête pour le" in text.replace("</strong>", "")


def test_delivery_summary_costs_the_same_for_one_or_three_shops(district):
    small, _ = grouped_order(district.a)
    large, _ = grouped_order(district.a, district.b, district.c, quantity=3)
    counts = []
    for order in (small, large):
        order = Order.objects.get(pk=order.pk)
        with CaptureQueriesContext(connection) as queries:
            summary = delivery_summary(order)
        counts.append(len(queries))
    assert len(summary.parts) == 3 and all(len(p.lines) == 1 for p in summary.parts)
    assert counts[0] == counts[1] <= 4, counts


CANCEL = """mutation($id: ID!){ orderCancel(id:$id){ orderErrors{ code } order{ status } } }"""


def test_cancelled_order_gives_its_place_back_once(district):
    first, slot = grouped_order(district.a)
    second, _ = grouped_order(district.b)
    assert DeliverySlot.objects.get(pk=slot.pk).taken == 2
    operator = Api(district.operator)
    done = operator.data(CANCEL, {"id": to_global_id("Order", first.pk)})["orderCancel"]
    assert done["orderErrors"] == [] and done["order"]["status"] == "CANCELED"
    assert DeliverySlot.objects.get(pk=slot.pk).taken == 1
    again = operator.data(CANCEL, {"id": to_global_id("Order", first.pk)})["orderCancel"]
    assert again["orderErrors"]  # stock refuses a second cancel; no place given twice
    assert DeliverySlot.objects.get(pk=slot.pk).taken == 1
    assert MerchantOrder.objects.get(order=first).status == "CANCELLED"

    DeliverySlot.objects.filter(pk=slot.pk).update(taken=0)  # e.g. the operator reset it
    operator.data(CANCEL, {"id": to_global_id("Order", second.pk)})
    assert DeliverySlot.objects.get(pk=slot.pk).taken == 0  # never below zero
    query = """query($id: ID!){ order(id:$id){ deliverySlot{ id } } }"""
    kept = operator.data(query, {"id": to_global_id("Order", first.pk)})["order"]["deliverySlot"]
    assert kept["id"] == to_global_id("DeliverySlot", slot.pk)  # the order still says which round


ORDERS = """query($n: Int!){ orders(first:$n){ edges{ node{ id deliverySlot{ id start } } } } }"""


def test_order_lists_load_slots_in_one_query(district):
    from saleor.order.models import Order as StockOrder

    start = timezone.now() + timedelta(days=1)
    slots = [DeliverySlot.objects.create(start=start + timedelta(hours=h), cutoff=start,
                                         end=start + timedelta(hours=h + 2), capacity=30)
             for h in (0, 8)]
    for index in range(20):
        order = StockOrder.objects.create(user_email=f"r{index}@exemple.fr", total_gross_amount=Decimal(1))
        OrderDeliverySlot.objects.create(order=order, slot=slots[index % 2])
    operator = Api(district.operator)
    counts = {}
    for size in (5, 20):
        with CaptureQueriesContext(connection) as queries:
            edges = operator.data(ORDERS, {"n": size})["orders"]["edges"]
        counts[size] = len(queries)
        assert len(edges) == size
        assert {e["node"]["deliverySlot"]["id"] for e in edges} == {
            to_global_id("DeliverySlot", slot.pk) for slot in slots}
    assert counts[5] == counts[20], counts


DRAFT = """mutation($input: DraftOrderCreateInput!){ draftOrderCreate(input:$input){
  order{ id } orderErrors{ field code message } } }"""
COMPLETE_DRAFT = """mutation($id: ID!){ draftOrderComplete(id:$id){
  order{ status } orderErrors{ field code message } } }"""


def draft(district, address):
    grouped = DeliveryMethod.objects.get(kind="GROUPED_DELIVERY")
    created = Api(district.operator).data(DRAFT, {"input": {
        "userEmail": "camille@exemple.fr", "shippingAddress": address, "billingAddress": address,
        "lines": [{"variantId": to_global_id("ProductVariant", district.a.variant.pk), "quantity": 1}],
        "shippingMethod": to_global_id("ShippingMethod", grouped.pk),
    }})["draftOrderCreate"]
    assert created["orderErrors"] == []
    return created["order"]["id"]


def test_staff_cannot_complete_a_grouped_draft_outside_the_16e(district):
    order_id = draft(district, OUTSIDE)
    refused = Api(district.operator).data(COMPLETE_DRAFT, {"id": order_id})["draftOrderComplete"]
    (error,) = refused["orderErrors"]
    assert (error["field"], error["code"]) == ("shippingAddress", "SHIPPING_METHOD_NOT_APPLICABLE")
    assert "16e" in error["message"] and "retrait en boutique" in error["message"]
    order = Order.objects.get(pk=int(from_global_id(order_id)[1]))
    assert order.status == "draft" and not MerchantOrder.objects.filter(order=order).exists()


def test_staff_complete_a_grouped_draft_in_the_16e(district):
    order_id = draft(district, IN_ZONE)
    done = Api(district.operator).data(COMPLETE_DRAFT, {"id": order_id})["draftOrderComplete"]
    assert done["orderErrors"] == [] and done["order"]["status"] == "UNFULFILLED"
