"""The table of known addresses, and where each saved Saleor address is."""
from django.db import models

from .domain import Precision


class KnownAddress(models.Model):
    """One address point: from the Base Adresse Nationale, or the demo district's table."""

    class Source(models.TextChoices):
        BAN = "BAN", "Base Adresse Nationale"
        DEMO = "DEMO", "Quartier de démonstration"

    postcode = models.CharField(max_length=5)
    street_key = models.CharField(max_length=200)  # geo.domain.street_key of the name
    street = models.CharField(max_length=200)  # as published
    number = models.PositiveIntegerField()
    suffix = models.CharField(max_length=10, blank=True, default="")
    latitude = models.FloatField()
    longitude = models.FloatField()
    source = models.CharField(max_length=4, choices=Source.choices)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["postcode", "street_key", "number", "suffix"], name="one_known_address")]
        indexes = [models.Index(fields=["postcode", "street_key"])]


class AddressLocation(models.Model):
    """Where a Saleor address is, computed when it is saved (the address row is Saleor's)."""

    address = models.OneToOneField(
        "account.Address", on_delete=models.CASCADE, primary_key=True, related_name="location"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    precision = models.CharField(
        max_length=11, choices=[(p.value, p.value) for p in Precision], db_index=True
    )
    located_at = models.DateTimeField(auto_now=True)

    @property
    def point(self):
        from .domain import GeoPoint

        return None if self.latitude is None else GeoPoint(self.latitude, self.longitude)
