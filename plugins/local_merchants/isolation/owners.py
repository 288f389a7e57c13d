"""Which shop owns the object a nested field is asked on, without a query per object.

The object itself answers when it carries its shop (a shop, a shop's order part, a
product found through the isolation scope, which selects its shop link); otherwise one
batched query per type and request, through a dataloader over actors.OWNER_LOOKUPS.
"""
from functools import lru_cache

from saleor.graphql.core.dataloaders import DataLoader
from saleor.product.models import Product

from .actors import OWNER_LOOKUPS

_UNKNOWN = object()


def _product(root):
    if not Product.merchant_link.is_cached(root):
        return _UNKNOWN
    link = getattr(root, "merchant_link", None)  # None: the operator's own product
    return link.merchant_id if link else None


# type name -> function(object) -> shop id, None (operator's), or _UNKNOWN
_CARRIED = {
    "Merchant": lambda root: root.pk,
    "MerchantOrder": lambda root: root.merchant_id,
    "Product": _product,
}


class _OwnerLoader(DataLoader):
    type_name = ""

    def batch_load(self, keys):
        found = OWNER_LOOKUPS[self.type_name](keys)
        return [found.get(key) for key in keys]


@lru_cache(maxsize=None)
def _loader_class(type_name: str):
    return type(f"{type_name}OwnerLoader", (_OwnerLoader,), {
        "context_key": f"local_merchants.isolation.owner.{type_name}", "type_name": type_name,
    })


def owner_of(type_name: str, root, context):
    """Shop id owning `root` (None: the operator's or unknown), or a promise of it."""
    carried = _CARRIED.get(type_name)
    owner = carried(root) if carried else _UNKNOWN
    if owner is not _UNKNOWN:
        return owner
    pk = getattr(root, "pk", None)
    if pk is None or type_name not in OWNER_LOOKUPS:
        return None  # not a stored object of an owned type: nobody's
    return _loader_class(type_name)(context).load(str(pk))
