"""Every shop of the district with its address, opening hours and coming closures, read
once per worker (a few hundred shops that change a few times a day): a product card
names its shop and a basket knows when its shops open without a query of their own.

Saving a shop, its hours or a closure makes the next read fresh. A shop's address changes
with merchantUpdate, which saves the shop in the same transaction (residents' addresses,
saved at every checkout, leave the directory alone).
The shops are shared by every request of the worker: read them, never change them.
Hours and closures are kept as plain tuples: the garbage collector does not walk those
(as model instances, the ten-times district's 10,500 hours made long collector pauses).
"""
from collections import defaultdict
from typing import NamedTuple, Optional

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from plugins.cached_reads import CachedRead

from .models import Merchant, MerchantClosure, OpeningHours

NO_HOURS = ((), ())


class Directory(NamedTuple):
    shops: dict  # id -> Merchant, its address selected
    hours: dict  # id -> (((weekday, opens, closes), ...), (closure date, ...))


def _read_directory() -> Directory:
    by_id = {known.pk: known for known in Merchant.objects.select_related("address")}
    periods, closures = defaultdict(list), defaultdict(list)
    for merchant_id, *period in OpeningHours.objects.values_list(
        "merchant_id", "weekday", "opens", "closes"
    ):
        periods[merchant_id].append(tuple(period))
    coming = MerchantClosure.objects.filter(date__gte=timezone.localdate())
    for merchant_id, day in coming.values_list("merchant_id", "date"):
        closures[merchant_id].append(day)
    return Directory(by_id, {pk: (tuple(periods[pk]), tuple(closures[pk])) for pk in by_id})


directory = CachedRead("local_merchants.directory", _read_directory)


def shop(merchant_id) -> Optional[Merchant]:
    return directory.get().shops.get(merchant_id)


def shops(merchant_ids) -> list:
    known = directory.get().shops
    return [known[pk] for pk in merchant_ids if pk in known]


def closed_shops_selling(variants) -> list:
    """Names of the deactivated shops selling any of these variants (pks or a subquery).

    Usually no shop is closed: then no query at all."""
    closed = [pk for pk, known in directory.get().shops.items() if not known.is_active]
    if not closed:
        return []
    return list(Merchant.objects.filter(
        pk__in=closed, product_links__product__variants__pk__in=variants
    ).values_list("name", flat=True))


def hours_of(merchant_id) -> tuple:
    """((weekday, opens, closes), ...) in week order, and the coming closure dates."""
    return directory.get().hours.get(merchant_id, NO_HOURS)


def connect_signals() -> None:
    for model in (Merchant, OpeningHours, MerchantClosure):
        post_save.connect(directory.invalidate, sender=model)
        post_delete.connect(directory.invalidate, sender=model)
