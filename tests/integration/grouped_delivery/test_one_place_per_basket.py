"""A basket's reserved place goes to ONE order: even if two orders were ever made from
the same basket (the race of issue 10), the second holds no booking and its
cancellation gives back nothing."""
from django.db import transaction
from saleor.order.models import Order

from plugins.grouped_delivery.models import CheckoutDeliverySlot, DeliverySlot, OrderDeliverySlot
from plugins.grouped_delivery.services import slots

from .conftest import basket
from .test_slots_and_complete import choose, first_slot, from_gid, pick


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
