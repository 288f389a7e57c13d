"""Locating Saleor addresses over the KnownAddress table, when they are saved."""
from typing import Iterable

from django.db.models import Avg

from .domain import GeoPoint, KnownNumber, Located, Precision, locate, postcode_key
from .models import AddressLocation, KnownAddress


class DatabaseTable:
    """geo.domain.AddressTable over KnownAddress (one query per question)."""

    def numbers(self, postcode, street_key):
        return [
            KnownNumber(number, suffix, GeoPoint(lat, lon))
            for number, suffix, lat, lon in KnownAddress.objects.filter(
                postcode=postcode, street_key=street_key
            ).values_list("number", "suffix", "latitude", "longitude")
        ]

    def postcode_centre(self, postcode):
        found = KnownAddress.objects.filter(postcode=postcode).aggregate(
            lat=Avg("latitude"), lon=Avg("longitude"))
        if found["lat"] is None:
            return None
        return GeoPoint(round(found["lat"], 6), round(found["lon"], 6))


def locate_address(address) -> Located:
    if (address.country.code if address.country else "") != "FR":
        return Located(None, Precision.UNKNOWN)
    return locate(address.street_address_1, postcode_key(address.postal_code), DatabaseTable())


def save_location(address) -> AddressLocation:
    found = locate_address(address)
    point = found.point
    location, _ = AddressLocation.objects.update_or_create(address_id=address.pk, defaults={
        "latitude": point.latitude if point else None,
        "longitude": point.longitude if point else None,
        "precision": found.precision.value,
    })
    return location


def relocate(addresses: Iterable) -> int:
    """Locate these addresses again (after an import of the table); returns how many."""
    count = 0
    for address in addresses:
        save_location(address)
        count += 1
    return count


def on_address_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures loaded raw are located by the command that loads them
        save_location(instance)
