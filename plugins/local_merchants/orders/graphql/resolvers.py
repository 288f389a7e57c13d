from prices import TaxedMoney
from promise import Promise
from saleor.core.taxes import zero_taxed_money
from saleor.graphql.discount.dataloaders import DiscountsByDateTimeLoader

from ...isolation.actors import actor_of_request
from ...models import ProductMerchant
from ..domain.grouping import group_by_merchant
from ..scoping import visible_parts
from .dataloaders import LINE_LINKS, CheckoutLinesWithMerchantLoader, ShopPartsByOrderIdLoader


def resolve_merchant_orders(info):
    return (
        visible_parts(actor_of_request(info.context))
        .select_related("merchant", "order__billing_address")
        .prefetch_related(LINE_LINKS)
    )


def resolve_order_merchant_groups(order, info):
    return ShopPartsByOrderIdLoader(info.context).load(order.pk)


def _merchant_of(line):
    try:
        return line.variant.product.merchant_link.merchant
    except ProductMerchant.DoesNotExist:
        return None


class CheckoutGroup:
    def __init__(self, merchant, lines, subtotal: TaxedMoney):
        self.merchant = merchant
        self.lines = lines
        self.subtotal = subtotal


def resolve_checkout_merchant_groups(checkout, info):
    plugins = info.context.plugins

    def build(data):
        lines, discounts = data
        merchants = {}
        pairs = []
        for line in lines:
            merchant = _merchant_of(line)
            if merchant is not None:  # operator-owned lines are in Checkout.lines only
                merchants[merchant.pk] = merchant
                pairs.append((line, merchant.pk))
        groups = []
        for merchant_pk, group_lines in group_by_merchant(pairs).items():
            subtotal = sum(
                (plugins.calculate_checkout_line_total(checkout_line=line, discounts=discounts)
                 for line in group_lines),
                zero_taxed_money(checkout.currency),
            )
            groups.append(CheckoutGroup(merchants[merchant_pk], group_lines, subtotal))
        return groups

    lines = CheckoutLinesWithMerchantLoader(info.context).load(checkout.token)
    discounts = DiscountsByDateTimeLoader(info.context).load(info.context.request_time)
    return Promise.all([lines, discounts]).then(build)
