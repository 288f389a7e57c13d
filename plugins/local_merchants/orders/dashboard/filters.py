"""The order list's filters as a shop sees them.

Stock `OrderFilter` filters Saleor's order status and searches customers' names and
e-mails. For a shopkeeper, status means their part's status, search finds an order
number or one of their products, and the customer filter matches nothing (a shop
knows no customer). Installed on the stock `orders` field before the schema is built.
"""
import django_filters
from django.db.models import Q
from saleor.graphql.core.filters import ListObjectTypeFilter
from saleor.graphql.order.enums import OrderStatusFilter
from saleor.graphql.order.filters import (
    OrderFilter,
    filter_customer,
    filter_order_search,
    filter_status,
)
from saleor.graphql.order.schema import OrderQueries

from ...isolation import policy
from ...isolation.actors import actor_of_request
from .domain import order_number, part_statuses
from .scope import shop_orders


def _shop(request):
    who = actor_of_request(request)
    return who.merchant_id if who.role is policy.Role.SHOPKEEPER else None


class ShopOrderFilter(OrderFilter):
    status = ListObjectTypeFilter(input_class=OrderStatusFilter, method="filter_status")
    customer = django_filters.CharFilter(method="filter_customer")
    search = django_filters.CharFilter(method="filter_search")

    def filter_status(self, qs, name, value):
        merchant_id = _shop(self.request)
        if merchant_id is None:
            return filter_status(qs, name, value)
        if not value:
            return qs
        return shop_orders(qs, merchant_id, part_statuses(getattr(v, "value", v) for v in value))

    def filter_customer(self, qs, name, value):
        if _shop(self.request) is None:
            return filter_customer(qs, name, value)
        return qs.none() if value else qs

    def filter_search(self, qs, name, value):
        merchant_id = _shop(self.request)
        if merchant_id is None:
            return filter_order_search(qs, name, value)
        if not value:
            return qs
        number = order_number(value)
        matches = Q(
            lines__merchant_part_link__part__merchant_id=merchant_id,
            lines__product_name__icontains=value,
        ) | Q(
            lines__merchant_part_link__part__merchant_id=merchant_id,
            lines__product_sku__iexact=value.strip(),
        )
        if number is not None:
            matches |= Q(pk=number)
        return qs.filter(pk__in=qs.filter(matches).values("pk"))


def install() -> None:
    field = OrderQueries._meta.fields["orders"]
    field.filterset_class = ShopOrderFilter
