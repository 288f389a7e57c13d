"""Every product type's VAT code, read once for all workers and all plugins managers
(Saleor builds many managers per request: a checkoutComplete would read them ~13 times)."""
from saleor.product.models import ProductType

from plugins.cached_reads import CachedRead

META_CODE_KEY = "french_vat.code"


def _codes() -> dict:
    return {
        pk: (metadata or {}).get(META_CODE_KEY, "")
        for pk, metadata in ProductType.objects.values_list("pk", "metadata")
    }


product_type_codes = CachedRead("french_vat.product_type_codes", _codes)
