"""A shop's orders, parts and lines as querysets and batch loads (Django side)."""
from collections import defaultdict
from typing import Iterable, Optional


from promise import Promise
from saleor.core.taxes import zero_taxed_money
from saleor.graphql.core.dataloaders import DataLoader
from saleor.order.models import Order, OrderLine

from ...isolation import policy
from ...isolation.actors import actor_of_request
from ..graphql.dataloaders import ShopPartsByOrderIdLoader
from ..models import MerchantOrder


def shop_of(info) -> Optional[int]:
    """The shop whose view this request gets, None for everyone else (stock answers)."""
    who = actor_of_request(info.context)
    return who.merchant_id if who.role is policy.Role.SHOPKEEPER else None


def shop_parts(merchant_id: int, statuses: Optional[Iterable] = None):
    """The shop's parts of paid orders: unpaid ones are nothing to prepare."""
    parts = MerchantOrder.objects.filter(merchant_id=merchant_id, paid_at__isnull=False)
    if statuses is not None:
        parts = parts.filter(status__in=[status.value for status in statuses])
    return parts


def shop_orders(qs, merchant_id: int, statuses: Optional[Iterable] = None):
    """Orders of `qs` holding a (paid) part of the shop."""
    return qs.filter(pk__in=shop_parts(merchant_id, statuses).values("order_id"))


def own_part(info, order) -> Promise:
    """The shop's part of `order` (with its lines prefetched), or None; batched per request."""
    merchant_id = shop_of(info)

    def pick(parts):
        return next(
            (p for p in parts if p.merchant_id == merchant_id and p.paid_at is not None), None
        )

    return ShopPartsByOrderIdLoader(info.context).load(order.pk).then(pick)


def part_lines(part) -> list:
    if part is None:
        return []
    return [link.order_line for link in part.line_links.all()]


def lines_total(lines, currency):
    total = zero_taxed_money(currency)
    for line in lines:
        total += line.unit_price * line.quantity
    return total


class FulfillmentsByOrderIdLoader(DataLoader):
    """Saleor fulfilments of orders, with their lines, in two queries per request."""

    context_key = "dashboard_fulfillments_by_order"

    def batch_load(self, keys):
        from saleor.order.models import Fulfillment

        by_order = defaultdict(list)
        for fulfillment in Fulfillment.objects.filter(order_id__in=keys).prefetch_related(
            "lines__order_line"
        ).order_by("pk"):
            by_order[fulfillment.order_id].append(fulfillment)
        return [by_order[key] for key in keys]


def order_of_shop(merchant_id: int, pk) -> Optional[Order]:
    return shop_orders(Order.objects.confirmed(), merchant_id).filter(pk=pk).first()


class CustomerFirstNameByOrderIdLoader(DataLoader):
    """The billing first name of orders: all a click & collect shop may know of the resident."""

    context_key = "dashboard_first_name_by_order"

    def batch_load(self, keys):
        names = dict(
            Order.objects.filter(pk__in=keys).values_list("pk", "billing_address__first_name")
        )
        return [names.get(key) for key in keys]


def line_owners(pks: list) -> dict:
    """{pk: shop id} of order lines (their part's shop, once paid), for the policy."""
    rows = OrderLine.objects.filter(
        pk__in=[int(pk) for pk in pks if pk.isdigit()],
        merchant_part_link__part__paid_at__isnull=False,
    ).values_list("pk", "merchant_part_link__part__merchant_id")
    return {str(pk): merchant_id for pk, merchant_id in rows}
