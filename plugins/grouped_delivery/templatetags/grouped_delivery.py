"""{% order_delivery order as delivery %}: the slot, pickup place and shop parts of an
order, for the e-mails Saleor renders with nothing but `order` in their context."""
from django import template
from saleor.order.models import Order

from ..services.summary import delivery_summary

register = template.Library()


@register.simple_tag
def order_delivery(order):
    if not isinstance(order, Order):  # a template rendered without an order
        return None
    return delivery_summary(order)
