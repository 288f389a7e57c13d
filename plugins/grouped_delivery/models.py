"""Side tables of grouped delivery; Saleor's own tables are never altered."""
from django.db import models
from django.db.models import F, Q

from .domain.kinds import KINDS, DeliveryKind, kind_of


class DeliveryMethod(models.Model):
    """What a Saleor ShippingMethod means to us (stock methods have no row: never offered)."""

    shipping_method = models.OneToOneField(
        "shipping.ShippingMethod",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="grouped_delivery",
    )
    kind = models.CharField(max_length=16, choices=[(k.code, k.label) for k in KINDS.values()])
    merchant = models.OneToOneField(
        "local_merchants.Merchant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pickup_method",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                check=Q(kind="SHOP_PICKUP", merchant__isnull=False)
                | (~Q(kind="SHOP_PICKUP") & Q(merchant__isnull=True)),
                name="pickup_method_has_merchant",
            ),
            # One method of each kind that is not per shop: ensure_method relies on it.
            models.UniqueConstraint(
                fields=["kind"], condition=~Q(kind="SHOP_PICKUP"), name="one_method_per_kind"
            ),
        ]

    @property
    def delivery_kind(self) -> DeliveryKind:
        """What this method's kind answers (offered? price? slot? round? words)."""
        return kind_of(self.kind)

    def drop_point(self, settings):
        """Where the round leaves an order of this method; None: at the resident's door."""
        return self.delivery_kind.drop_point(settings, self.merchant)


class DeliverySlot(models.Model):
    """A round materialised from the operator's rules; `taken` only grows by reservation."""

    start = models.DateTimeField()
    end = models.DateTimeField()
    cutoff = models.DateTimeField()
    capacity = models.PositiveIntegerField()
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("start", "pk")
        constraints = [
            models.UniqueConstraint(fields=["start", "end"], name="one_slot_per_round"),
            models.CheckConstraint(check=Q(end__gt=F("start")), name="slot_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}"


class CheckoutDeliverySlot(models.Model):
    """The slot a basket chose; `reserved` once checkoutComplete took its capacity."""

    checkout = models.OneToOneField(
        "checkout.Checkout", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    slot = models.ForeignKey(DeliverySlot, on_delete=models.PROTECT, related_name="+")
    reserved = models.BooleanField(default=False)


class OrderDeliverySlot(models.Model):
    """The order's round; kept when the order is cancelled, with its place given back."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, primary_key=True, related_name="delivery_slot"
    )
    slot = models.ForeignKey(DeliverySlot, on_delete=models.PROTECT, related_name="orders")
    released = models.BooleanField(default=False)


# Models of the sub-packages, so that Django registers them with this app.
from .geo.models import AddressLocation, KnownAddress  # noqa: E402,F401
from .courier.models import PlannedRoute, PlannedStop, RoundPlan  # noqa: E402,F401
