"""The plan kept for a slot: one route per bike, its stops in order, and what happened."""
from django.conf import settings
from django.db import models

from ..routing.model import StopKind


class RoundPlan(models.Model):
    slot = models.OneToOneField(
        "grouped_delivery.DeliverySlot", on_delete=models.CASCADE, related_name="plan"
    )
    couriers = models.PositiveSmallIntegerField()
    planned_at = models.DateTimeField(auto_now=True)
    metres = models.PositiveIntegerField()
    per_shop_metres = models.PositiveIntegerField()
    # [{"order_id", "code", "message"}]: orders the plan could not place, and why (French).
    unrouted = models.JSONField(default=list)

    class Meta:
        permissions = (("ride_rounds", "Faire les tournées de livraison (coursier)."),)

    @property
    def km(self) -> float:
        return self.metres / 1000

    @property
    def per_shop_km(self) -> float:
        return self.per_shop_metres / 1000


class PlannedRoute(models.Model):
    plan = models.ForeignKey(RoundPlan, on_delete=models.CASCADE, related_name="routes")
    courier = models.PositiveSmallIntegerField()  # 1, 2...
    metres = models.PositiveIntegerField()
    duration_minutes = models.PositiveIntegerField()

    class Meta:
        ordering = ("courier",)
        constraints = [models.UniqueConstraint(fields=["plan", "courier"], name="one_route_per_bike")]

    @property
    def km(self) -> float:
        return self.metres / 1000


class StopStatus(models.TextChoices):
    PLANNED = "PLANNED", "À faire"
    DONE = "DONE", "Fait"
    FAILED = "FAILED", "Non livré"


class PlannedStop(models.Model):
    route = models.ForeignKey(PlannedRoute, on_delete=models.CASCADE, related_name="stops")
    sequence = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=[(k.value, k.value) for k in StopKind])
    merchant = models.ForeignKey(
        "local_merchants.Merchant", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    orders = models.ManyToManyField("order.Order", related_name="+")
    latitude = models.FloatField()
    longitude = models.FloatField()
    arrival = models.DateTimeField()
    load_kg = models.DecimalField(max_digits=7, decimal_places=3)
    status = models.CharField(max_length=8, choices=StopStatus.choices, default=StopStatus.PLANNED)
    reason = models.CharField(max_length=300, blank=True, default="")  # not delivered: why
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("route__courier", "sequence")
        constraints = [
            models.UniqueConstraint(fields=["route", "sequence"], name="one_stop_per_sequence")
        ]
