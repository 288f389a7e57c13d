import graphene
from saleor.product.models import Product

from .. import directory
from ..isolation import policy
from ..isolation.actors import actor_of_request
from ..isolation.querysets import scope_merchants
from ..models import Merchant
from .dataloaders import (
    MerchantByProductIdLoader,
    MerchantByUserIdLoader,
    ProductsByMerchantIdLoader,
)


def resolve_merchants(info, **_kwargs):
    scope = policy.merchant_scope(actor_of_request(info.context))
    return scope_merchants(Merchant.objects.all(), scope)


def resolve_merchant(info, id=None, slug=None):
    from .types import Merchant as MerchantType

    if id:
        return graphene.Node.get_node_from_global_id(info, id, MerchantType)
    if slug:
        return resolve_merchants(info).filter(slug=slug).first()
    return None


def resolve_merchant_products(info, merchant):
    return ProductsByMerchantIdLoader(info.context).load(merchant.pk)


def resolve_product_merchant(root, info):
    # Products found through the isolation scope carry their shop link: the shop comes
    # from the worker's directory, with no query and no batch to wait for.
    if Product.merchant_link.is_cached(root):
        link = getattr(root, "merchant_link", None)  # None: an operator's own product
        return directory.shop(link.merchant_id) if link else None
    return MerchantByProductIdLoader(info.context).load(root.pk)


def resolve_user_merchant(root, info):
    return MerchantByUserIdLoader(info.context).load(root.pk)
