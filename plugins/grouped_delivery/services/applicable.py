"""The shipping methods Saleor lists as applicable to a basket, narrowed to its shops.

Saleor 2.10 reads every method of the zone into Python at each checkout step that
checks the chosen method (`is_valid_shipping_method` tests `method in queryset`) or
lists them. With one click & collect method per shop that is 1,500 rows and objects
at ×10 (100 ms a step), all but the basket's own shops' dropped afterwards by our
refusals anyway. Narrowed in SQL, the query count stays, the rows are a handful.
"""
from django.db.models import Q

from plugins.local_merchants.public import ProductMerchant


def for_shops_of(methods, instance):
    """`methods` without the per-shop methods of shops that sell nothing in `instance`
    (a checkout or an order: both have `lines` with a variant)."""
    shops = ProductMerchant.objects.filter(
        product_id__in=instance.lines.values("variant__product_id")
    ).values("merchant_id")
    return methods.filter(
        Q(grouped_delivery__merchant__isnull=True) | Q(grouped_delivery__merchant__in=shops)
    )
