from django.conf import settings
from saleor.graphql.core.dataloaders import DataLoader

from ...isolation.actors import actor_of_request
from ...orders.graphql.filters import filter_merchant
from ...orders.models import MerchantOrder
from ...orders.scoping import visible_parts
from ..services import period_parts, settle_parts, settle_period
from .types import SettlementRow


class SettlementByPartLoader(DataLoader):
    context_key = "settlement_by_merchant_order"

    def batch_load(self, keys):
        settled = settle_parts(list(MerchantOrder.objects.filter(pk__in=keys).only("pk", "order_id")))
        return [
            SettlementRow(settled[key][0].merchant, settled[key][1], settled[key][0].order.currency)
            for key in keys
        ]


def resolve_part_settlement(part, info):
    return SettlementByPartLoader(info.context).load(part.pk)


def resolve_merchant_settlements(info, period, merchant=None):
    parts = period_parts(visible_parts(actor_of_request(info.context)), period.gte, period.lte)
    if merchant:
        parts = filter_merchant(parts, "merchant", merchant)
    return [
        SettlementRow(shop, totals, settings.DEFAULT_CURRENCY)
        for shop, totals in settle_period(parts)
    ]
