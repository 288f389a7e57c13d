"""Every shop of the district by id, read once per worker (a few hundred rows that change
a few times a day): a product card names its shop without a query of its own."""
from plugins.cached_reads import CachedRead

from .models import Merchant


def _shops_by_id() -> dict:
    return {merchant.pk: merchant for merchant in Merchant.objects.all()}


shops_by_id = CachedRead("local_merchants.shops_by_id", _shops_by_id)
