"""Load what settle_order needs for a set of per-shop parts, in a constant number of queries."""
from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch
from saleor.discount import VoucherType

from ..orders.domain.status import MerchantOrderStatus
from ..orders.models import MerchantOrder, MerchantOrderLine
from .domain import Settlement, add_up, settle_order


def product_discount(order) -> Decimal:
    """The order-level discount the shops share; a delivery voucher is the platform's."""
    if order.voucher is not None and order.voucher.type == VoucherType.SHIPPING:
        return Decimal(0)
    return order.discount_amount


def settle_parts(parts) -> "dict[int, tuple]":
    """{part pk: (part with its merchant and order, its settlement)} for these parts.

    The discount split needs every shop of each order, so all parts of the
    orders concerned are read, but only the requested ones are returned.
    """
    wanted = {part.pk for part in parts}
    order_ids = {part.order_id for part in parts}
    if not order_ids:
        return {}
    every_part = (
        MerchantOrder.objects.filter(order_id__in=order_ids)
        .select_related("merchant", "order__voucher")
        .prefetch_related(
            Prefetch(
                "line_links",
                queryset=MerchantOrderLine.objects.select_related("order_line").order_by(
                    "order_line_id"
                ),
            )
        )
        .order_by("pk")
    )
    by_order = defaultdict(list)
    for part in every_part:
        by_order[part.order_id].append(part)
    result = {}
    for order_parts in by_order.values():
        order = order_parts[0].order
        lines = [
            (part.merchant_id, link.order_line.unit_price_gross_amount * link.order_line.quantity)
            for part in order_parts
            for link in part.line_links.all()
        ]
        rates = {p.merchant_id: p.commission_rate for p in order_parts if p.merchant_id}
        settled = {s.merchant: s for s in settle_order(lines, rates, product_discount(order))}
        for part in order_parts:
            if part.pk in wanted:
                result[part.pk] = (part, settled[part.merchant_id])
    return result


def period_parts(parts, start=None, end=None):
    """Parts that count for the period: paid between the two dates included (Paris days),
    not cancelled. A missing date leaves that end open."""
    parts = parts.filter(paid_at__isnull=False).exclude(status=MerchantOrderStatus.CANCELLED.value)
    if start:
        parts = parts.filter(paid_at__date__gte=start)
    if end:
        parts = parts.filter(paid_at__date__lte=end)
    return parts


def settle_period(parts) -> "list[tuple]":
    """[(merchant or None, totals)] over these parts, shops by name, the operator's products last."""
    settled = settle_parts(list(parts.only("pk", "order_id")))
    merchants = {part.merchant_id: part.merchant for part, _ in settled.values()}
    totals = add_up(settlement for _, settlement in settled.values())
    rows = [(merchants[total.merchant], total) for total in totals]
    return sorted(rows, key=lambda row: (row[0] is None, row[0].name if row[0] else "", row[1].merchant or 0))
