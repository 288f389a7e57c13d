from saleor.graphql.core.dataloaders import DataLoader

from ...geo.models import AddressLocation
from .types import GeoPoint


class LocationByAddressIdLoader(DataLoader):
    context_key = "location_by_address_id"

    def batch_load(self, keys):
        found = {loc.address_id: loc for loc in AddressLocation.objects.filter(
            address_id__in=keys, latitude__isnull=False)}
        return [GeoPoint(latitude=found[k].latitude, longitude=found[k].longitude,
                         precision=found[k].precision)
                if k in found else None for k in keys]
