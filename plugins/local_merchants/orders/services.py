"""Saleor-facing actions on the per-shop parts; the rules live in domain/."""
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..hooks import hooks
from .domain.grouping import group_by_merchant
from .domain.status import Action, Actor, MerchantOrderStatus, TransitionError, apply
from .models import MerchantOrder, MerchantOrderLine


# The hooks below run inside Saleor's own transaction (checkoutComplete, orderMarkAsPaid):
# savepoint=False makes them part of it instead of adding a savepoint round trip each.

@transaction.atomic(savepoint=False)
def split_new_order(order) -> None:
    """A new order (checkoutComplete, or a completed draft) split into its shops' parts,
    opened to the shops if it is paid."""
    if order.checkout_token:
        # A checkout's order was created in this very transaction: it has no parts yet and
        # nobody else sees them. checkoutComplete charges before the order exists, so
        # Saleor never sends order_fully_paid for it: an order born paid has its parts
        # written paid at once.
        paid_at = timezone.now() if order.is_fully_paid() else None
        parts = create_new_parts(order, paid_at=paid_at)
        if paid_at:
            notify_paid(parts)
    else:  # a completed draft may have parts already (marked paid as a draft)
        create_parts(order)
        if order.is_fully_paid():
            mark_paid(order)


@transaction.atomic(savepoint=False)
def create_parts(order) -> "list[MerchantOrder]":
    """The order's parts, created if it has none yet (idempotent)."""
    existing = list(MerchantOrder.objects.filter(order=order))
    return existing or create_new_parts(order)


@transaction.atomic(savepoint=False)
def create_new_parts(order, paid_at=None) -> "list[MerchantOrder]":
    """One part per shop of a new order (the operator's own products: merchant None);
    `paid_at`: the order is born paid (checkoutComplete), its parts open to their shops
    from the start (no UPDATE after the INSERT) — notify_paid must follow."""
    # Every line's shop and its commission rate in one query (no shop: the operator's).
    owner = "variant__product__merchant_link__merchant"
    lines = list(order.lines.values_list("pk", f"{owner}_id", f"{owner}__commission_rate"))
    groups = group_by_merchant((line_pk, merchant) for line_pk, merchant, _ in lines)
    rates = {merchant: rate for _, merchant, rate in lines}
    click_and_collect = hooks.is_click_and_collect(order)
    parts = MerchantOrder.objects.bulk_create(
        MerchantOrder(
            order=order,
            merchant_id=merchant,
            is_click_and_collect=click_and_collect,
            commission_rate=rates.get(merchant),
            paid_at=paid_at,
            notified_at=paid_at,
        )
        for merchant in groups
    )
    MerchantOrderLine.objects.bulk_create(
        MerchantOrderLine(part=part, order_line_id=line_pk)
        for part, line_pks in zip(parts, groups.values())
        for line_pk in line_pks
    )
    return parts


@transaction.atomic(savepoint=False)
def mark_paid(order) -> None:
    """Open the parts to their shops and e-mail each shop, once, after the commit."""
    now = timezone.now()
    parts = list(
        MerchantOrder.objects.select_for_update().filter(order=order, notified_at__isnull=True)
    )
    if not parts:
        return
    MerchantOrder.objects.filter(pk__in=[p.pk for p in parts]).update(
        paid_at=Coalesce("paid_at", Value(now)), notified_at=now
    )
    notify_paid(parts)


def notify_paid(parts) -> None:
    """E-mail each shop its paid part once the transaction commits. The operator prepares
    its own products itself: no e-mail for a part without shop."""
    from .tasks import send_merchant_orders_paid

    to_notify = [part.pk for part in parts if part.merchant_id is not None]
    if to_notify:
        transaction.on_commit(lambda: send_merchant_orders_paid.delay(to_notify))


@transaction.atomic
def cancel_parts(order) -> None:
    for part in MerchantOrder.objects.select_for_update().filter(order=order):
        try:
            step = apply(
                MerchantOrderStatus(part.status), Action.CANCEL, Actor.SYSTEM, part.is_click_and_collect
            )
        except TransitionError:
            continue  # already handed over or collected: the goods are out of the shop
        if step.changed:
            part.status = step.status.value
            part.save(update_fields=["status"])


def change_status(part_pk: int, action: Action, actor: Actor, queryset=None):
    """Apply `action` to a part under a row lock, so concurrent clicks do it once.

    Returns the part, or None when `queryset` (the caller's visible parts) does not
    hold it. Raises TransitionError, with nothing written.
    """
    queryset = MerchantOrder.objects.all() if queryset is None else queryset
    with transaction.atomic():
        part = queryset.select_for_update(of=("self",)).filter(pk=part_pk).first()
        if part is None:
            return None
        step = apply(MerchantOrderStatus(part.status), action, actor, part.is_click_and_collect)
        if step.changed:
            part.status = step.status.value
            fields = ["status"]
            if step.status == MerchantOrderStatus.READY:
                part.ready_at = timezone.now()
                fields.append("ready_at")
            part.save(update_fields=fields)
    return part
