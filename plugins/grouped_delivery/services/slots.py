"""Delivery slots: materialised from the operator's rounds, chosen per basket, reserved once.

Capacity is taken by ONE conditional UPDATE (taken < capacity and cut-off
not passed): PostgreSQL serialises concurrent updates of the row and
re-checks the condition on the latest version, so a slot never exceeds its
capacity however many residents complete at once.
"""
import logging
from datetime import datetime, timedelta
from typing import Optional

from django.db import transaction
from django.db.models import F
from saleor.order.models import Order

from ..domain.slots import SlotWindow, check_slot, generate_slots, remaining, usable_slots
from ..domain.config import DeliverySettings
from ..models import CheckoutDeliverySlot, DeliverySlot, OrderDeliverySlot
from .basket import Basket, delivery_method_of, needs_slot, shop_hours
from .errors import DeliveryErrorCode, DeliveryRefused

logger = logging.getLogger(__name__)


def window(slot: DeliverySlot) -> SlotWindow:
    return SlotWindow(slot.start, slot.end, slot.cutoff, slot.capacity)


# Slots are written one day further than residents see them (and the rolling window
# reaches into a calendar day more): a periodic run that comes late leaves no gap.
MATERIALISED_EXTRA_DAYS = 2


def materialise_slots(settings: DeliverySettings, now: datetime) -> None:
    """The coming days' slots from the rounds; an existing slot keeps its capacity and
    places. Run on writes only: migrations, settings saved, the periodic task."""
    windows = generate_slots(settings.rounds, now, settings.days_ahead + MATERIALISED_EXTRA_DAYS)
    DeliverySlot.objects.bulk_create(
        [DeliverySlot(start=w.start, end=w.end, cutoff=w.cutoff, capacity=w.capacity)
         for w in windows],
        ignore_conflicts=True,
    )


def upcoming_slots(settings: DeliverySettings, now: datetime) -> list[DeliverySlot]:
    """The slots of the coming days, as written (none when nothing wrote them yet)."""
    slots = list(DeliverySlot.objects.filter(
        start__gt=now, start__lt=now + timedelta(days=settings.days_ahead)
    ))
    if not slots:
        logger.warning("Aucun créneau à venir : lancez « manage.py materialise_delivery ».")
    return slots


def is_available(slot: DeliverySlot, now: datetime) -> bool:
    return slot.cutoff > now and remaining(slot.capacity, slot.taken) > 0


def usable_for(basket: Basket, slots: list[DeliverySlot], now: datetime) -> list[DeliverySlot]:
    """Open, not full, and every shop of the basket can prepare before the round."""
    by_window = {window(slot): slot for slot in slots if is_available(slot, now)}
    hours = [shop_hours(merchant) for merchant in basket.merchants]
    usable = usable_slots(by_window, hours, basket.settings.lead_time, now)
    return [by_window[w] for w in usable]


def slot_refusal(basket: Basket, slot: DeliverySlot, now: datetime) -> Optional[DeliveryRefused]:
    problem = check_slot(
        window(slot),
        now=now,
        taken=slot.taken,
        shops_hours=[shop_hours(merchant) for merchant in basket.merchants],
        lead_time=basket.settings.lead_time,
    )
    return DeliveryRefused.of_slot(problem) if problem else None


def choose(basket: Basket, slot: DeliverySlot, now: datetime) -> None:
    """Record the basket's slot (nothing reserved yet); raises DeliveryRefused."""
    checkout = basket.checkout
    if basket.zone is None:
        raise DeliveryRefused(DeliveryErrorCode.ADDRESS_REQUIRED, field="slot_id")
    method = delivery_method_of(checkout)
    to_the_door = method is None or method.delivery_kind.to_the_door
    if not basket.zone.in_zone and to_the_door:
        raise DeliveryRefused(DeliveryErrorCode.OUTSIDE_ZONE, basket.zone.message, "slot_id")
    problem = slot_refusal(basket, slot, now)
    if problem:
        problem.field = "slot_id"
        raise problem
    with transaction.atomic():
        current = CheckoutDeliverySlot.objects.select_for_update().filter(pk=checkout.pk).first()
        if current is not None and current.reserved:
            raise DeliveryRefused(DeliveryErrorCode.SLOT_ALREADY_RESERVED, field="slot_id")
        CheckoutDeliverySlot.objects.update_or_create(pk=checkout.pk, defaults={"slot": slot})


def chosen_slot(checkout) -> Optional[DeliverySlot]:
    choice = CheckoutDeliverySlot.objects.select_related("slot").filter(pk=checkout.pk).first()
    return choice.slot if choice else None


def reserve(basket: Basket, method, now: datetime) -> None:
    """At checkoutComplete, inside Saleor's transaction before payment: take one place.

    Raises DeliveryRefused (the transaction then rolls back, nothing is charged).
    A basket already holding its place (payment being confirmed) keeps it.
    """
    if not needs_slot(basket, method):
        return
    choice = CheckoutDeliverySlot.objects.select_related("slot").filter(
        pk=basket.checkout.pk
    ).first()
    if choice is None:
        raise DeliveryRefused(DeliveryErrorCode.SLOT_REQUIRED)
    if choice.reserved:
        return
    problem = slot_refusal(basket, choice.slot, now)
    if problem:
        raise problem
    # Claim the basket's row first: two concurrent completions of one basket take one place.
    if not CheckoutDeliverySlot.objects.filter(pk=choice.pk, reserved=False).update(reserved=True):
        return
    taken = DeliverySlot.objects.filter(
        pk=choice.slot_id, taken__lt=F("capacity"), cutoff__gt=now
    ).update(taken=F("taken") + 1)
    if not taken:
        raise DeliveryRefused(DeliveryErrorCode.SLOT_FULL)


def release(checkout_pk) -> None:
    """Give the place back when checkoutComplete failed after reserving (e.g. payment refused)."""
    with transaction.atomic():
        choice = CheckoutDeliverySlot.objects.select_for_update().filter(
            pk=checkout_pk, reserved=True
        ).first()
        if choice is None or Order.objects.filter(checkout_token=str(checkout_pk)).exists():
            return
        DeliverySlot.objects.filter(pk=choice.slot_id, taken__gt=0).update(taken=F("taken") - 1)
        choice.reserved = False
        choice.save(update_fields=["reserved"])


def release_order(order) -> bool:
    """orderCancel: the order's place goes back to its slot, once (a second cancel or a
    concurrent one finds the booking already released)."""
    with transaction.atomic():
        if not OrderDeliverySlot.objects.filter(order_id=order.pk, released=False).update(
            released=True
        ):
            return False
        DeliverySlot.objects.filter(
            orders__order_id=order.pk, taken__gt=0
        ).update(taken=F("taken") - 1)
    return True


def attach_to_order(order) -> Optional[DeliverySlot]:
    """order_created (in create_order's transaction): the reserved place moves from the
    basket to the order; returns the order's slot, or None. The basket's reservation is
    consumed, so a second order made from the same basket could never hold (nor give back
    on cancel) a place it never took."""
    if not order.checkout_token:  # a draft order completed by staff: no basket, no round
        return None
    # One statement instead of lock, delete and insert (checkoutComplete's cost): the
    # DELETE locks the basket's row, so of two orders of one basket only the first finds it.
    moved = list(DeliverySlot.objects.raw(
        f"""WITH moved AS (
                DELETE FROM {CheckoutDeliverySlot._meta.db_table}
                WHERE checkout_id = %s AND reserved RETURNING slot_id
            ), booked AS (
                INSERT INTO {OrderDeliverySlot._meta.db_table} (order_id, slot_id, released)
                SELECT %s, slot_id, false FROM moved RETURNING slot_id
            )
            SELECT slot.* FROM booked
            JOIN {DeliverySlot._meta.db_table} slot ON slot.id = booked.slot_id""",
        [order.checkout_token, order.pk],
    ))
    return moved[0] if moved else None
