"""Batch loads for the per-shop groups: a constant number of queries whatever the shops."""
from collections import defaultdict

from django.db.models import Prefetch
from saleor.checkout.models import CheckoutLine
from saleor.graphql.core.dataloaders import DataLoader

from ..models import MerchantOrder, MerchantOrderLine

LINE_LINKS = Prefetch(
    "line_links",
    queryset=MerchantOrderLine.objects.select_related("order_line").order_by("order_line_id"),
)


class ShopPartsByOrderIdLoader(DataLoader):
    """Parts of orders that a shop prepares (the operator's own products are not a shop)."""

    context_key = "merchant_parts_by_order"

    def batch_load(self, keys):
        parts = (
            MerchantOrder.objects.filter(order_id__in=keys, merchant__isnull=False)
            .select_related("merchant")
            .prefetch_related(LINE_LINKS)
            .order_by("pk")
        )
        by_order = defaultdict(list)
        for part in parts:
            by_order[part.order_id].append(part)
        return [by_order[key] for key in keys]


class CheckoutLinesWithMerchantLoader(DataLoader):
    """Checkout lines with what pricing them and grouping them by shop reads."""

    context_key = "checkout_lines_with_merchant"

    def batch_load(self, keys):
        lines = (
            CheckoutLine.objects.filter(checkout_id__in=keys)
            .select_related(
                "variant__product__product_type", "variant__product__merchant_link__merchant"
            )
            .prefetch_related("variant__product__collections")
            .order_by("pk")
        )
        by_checkout = defaultdict(list)
        for line in lines:
            by_checkout[line.checkout_id].append(line)
        return [by_checkout[key] for key in keys]
