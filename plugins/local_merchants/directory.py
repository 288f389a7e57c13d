"""Every shop of the district by id, with its address, opening hours and coming closures,
read once per worker (a few hundred shops that change a few times a day): a product card
names its shop and a basket knows when its shops open without a query of their own.

Saving a shop, its hours, a closure or the shop's address makes the next read fresh.
The shops are shared by every request of the worker: read them, never change them.
"""
from datetime import date

from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from saleor.account.models import Address

from plugins.cached_reads import CachedRead

from .models import Merchant, MerchantClosure, OpeningHours


def with_hours_and_address(queryset, today: date):
    return queryset.prefetch_related(
        "opening_hours",
        Prefetch("closures", queryset=MerchantClosure.objects.filter(date__gte=today)),
    ).select_related("address")


def _shops_by_id() -> dict:
    shops = with_hours_and_address(Merchant.objects.all(), timezone.localdate())
    return {shop.pk: shop for shop in shops}


shops_by_id = CachedRead("local_merchants.shops_by_id", _shops_by_id)


def _address_saved(instance, **kwargs):
    # Residents save addresses at every checkout: only a shop's own address counts.
    if any(shop.address_id == instance.pk for shop in shops_by_id.get().values()):
        shops_by_id.invalidate()


def connect_signals() -> None:
    for model in (Merchant, OpeningHours, MerchantClosure):
        post_save.connect(shops_by_id.invalidate, sender=model)
        post_delete.connect(shops_by_id.invalidate, sender=model)
    post_save.connect(_address_saved, sender=Address)
