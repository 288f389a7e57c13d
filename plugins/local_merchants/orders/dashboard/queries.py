"""Root fields the dashboard asks, answered with the shop's own scope for a shopkeeper.

Mixed into saleor_config.schema.Query before Saleor's queries: the same fields and
arguments, only the resolvers differ; anyone but a shopkeeper gets stock answers.
"""
import graphene
from django.conf import settings
from saleor.account.models import User
from saleor.graphql.account.schema import AccountQueries
from saleor.graphql.order.resolvers import resolve_homepage_events
from saleor.graphql.order.schema import OrderQueries
from saleor.graphql.product.schema import ProductQueries
from saleor.graphql.utils.filters import filter_by_period
from saleor.order.models import Order, OrderLine

from plugins.kernel.global_ids import int_pk_of

from ..domain.status import MerchantOrderStatus
from .domain import part_statuses
from .scope import lines_total, order_of_shop, shop_of, shop_orders, shop_parts

_LIVE_PARTS = [status for status in MerchantOrderStatus if status is not MerchantOrderStatus.CANCELLED]


def _value(enum_value):
    return getattr(enum_value, "value", enum_value)


class DashboardOrderQueries(graphene.ObjectType):
    def resolve_orders(self, info, created=None, status=None, **kwargs):
        merchant_id = shop_of(info)
        if merchant_id is None:
            return OrderQueries.resolve_orders(self, info, created=created, status=status, **kwargs)
        qs = Order.objects.confirmed()
        if created is not None:
            qs = filter_by_period(qs, created, "created")
        statuses = None if status is None else part_statuses([_value(status)])
        return shop_orders(qs, merchant_id, statuses)

    def resolve_draft_orders(self, info, created=None, **kwargs):
        if shop_of(info) is None:
            return OrderQueries.resolve_draft_orders(self, info, created=created, **kwargs)
        return Order.objects.none()  # drafts are the operator's

    def resolve_order(self, info, **kwargs):
        merchant_id = shop_of(info)
        if merchant_id is None:
            return OrderQueries.resolve_order(self, info, **kwargs)
        order_pk = int_pk_of(kwargs.get("id"), "Order")
        if order_pk is None:
            return None  # like a missing order
        return order_of_shop(merchant_id, order_pk)

    def resolve_orders_total(self, info, period=None, **kwargs):
        merchant_id = shop_of(info)
        if merchant_id is None:
            return OrderQueries.resolve_orders_total(self, info, period=period, **kwargs)
        parts = shop_parts(merchant_id, _LIVE_PARTS)
        if period is not None:
            parts = filter_by_period(parts, period, "order__created")
        lines = OrderLine.objects.filter(merchant_part_link__part__in=parts)
        return lines_total(lines, settings.DEFAULT_CURRENCY)

    def resolve_homepage_events(self, info, **kwargs):
        merchant_id = shop_of(info)
        if merchant_id is None:
            return OrderQueries.resolve_homepage_events(self, info, **kwargs)
        return resolve_homepage_events().filter(
            order_id__in=shop_parts(merchant_id).values("order_id")
        )

    def resolve_report_product_sales(self, info, period, **kwargs):
        sales = ProductQueries.resolve_report_product_sales(self, info, period=period, **kwargs)
        merchant_id = shop_of(info)
        if merchant_id is None:
            return sales
        return sales.filter(product__merchant_link__merchant_id=merchant_id)

    def resolve_customers(self, info, **kwargs):
        if shop_of(info) is None:
            return AccountQueries.resolve_customers(self, info, **kwargs)
        # The dashboard searches customers on every page; a shop knows no customer.
        return User.objects.none()
