"""The courier's buttons, each under a row lock on its stop so a double tap acts once.

Collected at a shop: that shop's parts of the stop's orders become HANDED_OVER.
Delivered: the order is fulfilled in Saleor (stock leaves the shops' warehouses)
and the resident gets one e-mail. Not delivered: the reason is kept for the operator.
"""
from django.db import transaction
from django.utils import timezone
from saleor.order.actions import create_fulfillments

from plugins.local_merchants.orders.public import (
    Action,
    Actor,
    MerchantOrder,
    MerchantOrderStatus,
    TransitionError,
    change_status,
)

from ..routing.model import StopKind
from .errors import RoundErrorCode, RoundRefused
from .models import PlannedStop, StopStatus

REASON_MAX = 300


def _locked_stop(stop_pk) -> PlannedStop:
    stop = PlannedStop.objects.select_for_update(of=("self",)).filter(pk=stop_pk).first()
    if stop is None:
        raise RoundRefused(RoundErrorCode.NOT_FOUND, "stopId")
    if stop.status != StopStatus.PLANNED:
        raise RoundRefused(RoundErrorCode.ALREADY_DONE, "stopId")
    return stop


def _done(stop, user, status, reason=""):
    stop.status, stop.reason, stop.done_at = status, reason, timezone.now()
    stop.done_by = user if user and user.is_authenticated else None
    stop.save(update_fields=["status", "reason", "done_at", "done_by"])
    return stop


@transaction.atomic
def collected(stop_pk, user) -> PlannedStop:
    stop = _locked_stop(stop_pk)
    if stop.kind != StopKind.PICKUP.value:
        raise RoundRefused(RoundErrorCode.NOT_A_PICKUP, "stopId")
    parts = MerchantOrder.objects.filter(order__in=stop.orders.all(), merchant_id=stop.merchant_id)
    for part in parts:
        try:
            # A bag in the courier's hands was ready, whether or not the shop said so.
            if part.status == MerchantOrderStatus.TO_PREPARE.value:
                change_status(part.pk, Action.MARK_READY, Actor.OPERATOR)
            change_status(part.pk, Action.HAND_OVER, Actor.OPERATOR)
        except TransitionError:
            pass  # cancelled meanwhile: nothing to hand over
    return _done(stop, user, StopStatus.DONE)


@transaction.atomic
def delivered(stop_pk, user) -> PlannedStop:
    from ..tasks import send_order_delivered

    stop = _locked_stop(stop_pk)
    if stop.kind == StopKind.PICKUP.value:
        raise RoundRefused(RoundErrorCode.NOT_A_DELIVERY, "stopId")
    for order in stop.orders.all():
        lines = {}
        for link in _line_links(order):
            line = link.order_line
            if line.quantity_unfulfilled > 0 and link.part.merchant_id is not None:
                lines.setdefault(link.part.merchant.warehouse_id, []).append(
                    {"order_line": line, "quantity": line.quantity_unfulfilled})
        if lines:
            create_fulfillments(user, order, lines, notify_customer=False)
        transaction.on_commit(lambda pk=order.pk: send_order_delivered.delay(pk))
    return _done(stop, user, StopStatus.DONE)


def _line_links(order):
    from plugins.local_merchants.orders.public import MerchantOrderLine

    return MerchantOrderLine.objects.filter(part__order=order).select_related(
        "order_line", "part__merchant")


@transaction.atomic
def not_delivered(stop_pk, user, reason: str) -> PlannedStop:
    reason = " ".join((reason or "").split())[:REASON_MAX]
    if not reason:
        raise RoundRefused(RoundErrorCode.REASON_REQUIRED, "reason")
    stop = _locked_stop(stop_pk)
    if stop.kind == StopKind.PICKUP.value:
        raise RoundRefused(RoundErrorCode.NOT_A_DELIVERY, "stopId")
    return _done(stop, user, StopStatus.FAILED, reason)
