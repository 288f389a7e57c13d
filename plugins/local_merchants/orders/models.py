"""Each shop's part of an order: its lines, its preparation status, its pickup time."""
from django.db import models
from django.db.models import Q

from .domain.status import STATUS_LABELS, MerchantOrderStatus


class MerchantOrder(models.Model):
    """The part of a Saleor order one shop prepares (merchant null: the operator's own products)."""

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="merchant_parts")
    merchant = models.ForeignKey(
        "local_merchants.Merchant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="order_parts",
    )
    status = models.CharField(
        max_length=16,
        choices=[(status.value, label) for status, label in STATUS_LABELS.items()],
        default=MerchantOrderStatus.TO_PREPARE.value,
    )
    is_click_and_collect = models.BooleanField(default=False)
    # The shop's rate when the order was placed: a later change never rewrites past statements.
    commission_rate = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    # Set by grouped delivery: when the courier (or the resident) comes for the bag.
    pickup_at = models.DateTimeField(null=True, blank=True)
    # When the order was known fully paid: shops only see and prepare paid parts.
    paid_at = models.DateTimeField(null=True, blank=True, db_index=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)  # the shop's e-mail was queued
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(fields=["order", "merchant"], name="one_part_per_shop"),
            # NULLs are distinct for PostgreSQL: one operator part per order needs its own rule.
            models.UniqueConstraint(
                fields=["order"], condition=Q(merchant__isnull=True), name="one_operator_part"
            ),
        ]

    def __str__(self):
        return f"{self.order_id}/{self.merchant_id or 'operator'}"


class MerchantOrderLine(models.Model):
    """Which part an order line belongs to, fixed at order creation (products may change shop)."""

    part = models.ForeignKey(MerchantOrder, on_delete=models.CASCADE, related_name="line_links")
    order_line = models.OneToOneField(
        "order.OrderLine", on_delete=models.CASCADE, related_name="merchant_part_link"
    )
