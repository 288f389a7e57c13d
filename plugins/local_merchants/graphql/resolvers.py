import graphene
from saleor.graphql.utils import get_user_or_app_from_context
from saleor.product.models import Product

from ..isolation import policy
from ..isolation.actors import actor_of_request
from ..isolation.querysets import scope_merchants, scope_products
from ..models import Merchant
from .dataloaders import MerchantByProductIdLoader, MerchantByUserIdLoader


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
    requestor = get_user_or_app_from_context(info.context)
    scope = policy.merchant_products_scope(
        actor_of_request(info.context),
        Product.objects.user_has_access_to_all(requestor),
        merchant.pk,
    )
    return scope_products(Product.objects.filter(merchant_link__merchant_id=merchant.pk), scope)


def resolve_product_merchant(root, info):
    return MerchantByProductIdLoader(info.context).load(root.pk)


def resolve_user_merchant(root, info):
    return MerchantByUserIdLoader(info.context).load(root.pk)
