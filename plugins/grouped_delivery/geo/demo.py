"""The demo district's address table (fixtures.street_coordinates), loaded by load_district."""
from saleor.account.models import Address

from fixtures.street_coordinates import demo_address_points

from .domain import street_key
from .models import KnownAddress
from .services import relocate


def load_demo_addresses() -> int:
    """Add the demo streets' points that are missing (idempotent); returns how many."""
    before = KnownAddress.objects.count()
    KnownAddress.objects.bulk_create((
        KnownAddress(postcode=postcode, street_key=street_key(street), street=street,
                     number=number, suffix=suffix, latitude=lat, longitude=lon,
                     source=KnownAddress.Source.DEMO)
        for postcode, street, number, suffix, lat, lon in demo_address_points()
    ), ignore_conflicts=True, batch_size=1000)
    return KnownAddress.objects.count() - before


def locate_unlocated() -> int:
    """Addresses saved before the table knew them (or before locations existed)."""
    return relocate(Address.objects.filter(location__isnull=True).iterator())
