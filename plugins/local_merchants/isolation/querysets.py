"""Apply the policy's scopes to querysets.

Every stock Saleor path that lists or finds products goes through
`Product.objects.visible_to_user(user)` or `.published()` (root lists, node
lookups, category/collection/product-type lists, variants, dataloaders,
translations). `install()` routes both through the policy, so no path can show a
shopkeeper another shop's products or a resident a deactivated shop's products.

Why replace methods at runtime: Saleor 2.10 offers no hook to narrow which products a
request sees (plugins are not asked, and a custom manager would not reach the
`Product.objects` its own modules import). So `install()`, called once from
LocalMerchantsConfig.ready(), sets ProductsQueryset.visible_to_user and .published to
the functions below; no file of Saleor is edited, and `uninstall()` restores stock
behaviour (the cost test measures both side by side).
"""
from django.db.models import Q
from saleor.app.models import App
from saleor.core.models import PublishedQuerySet
from saleor.product.models import ProductsQueryset

from . import policy
from .actors import actor_for

_STOCK_VISIBLE_TO_USER = PublishedQuerySet.visible_to_user
_STOCK_PUBLISHED = PublishedQuerySet.published

# Products of a deactivated shop; operator-owned products have no link and stay.
_OF_CLOSED_SHOP = Q(merchant_link__merchant__is_active=False)


def public_products(qs):
    return _STOCK_PUBLISHED(qs).exclude(_OF_CLOSED_SHOP).select_related("merchant_link")


def scope_products(qs, scope: policy.Scope):
    # The shop link rides along (two integers, on a join the public scope makes anyway):
    # Product.merchant then needs no query of its own.
    qs = qs.select_related("merchant_link")
    if scope.kind is policy.ScopeKind.ALL:
        return qs.all()
    if scope.kind is policy.ScopeKind.SHOP:
        return qs.filter(merchant_link__merchant_id=scope.merchant_id)
    if scope.kind is policy.ScopeKind.PUBLIC:
        return public_products(qs)
    return qs.none()


def _actor(requestor) -> policy.Actor:
    if isinstance(requestor, App):
        return policy.actor(is_authenticated=False, is_app=True)
    return actor_for(requestor)


def _visible_to_user(self, user):
    sees_unpublished = self.user_has_access_to_all(user)
    return scope_products(self, policy.product_scope(_actor(user), sees_unpublished))


def scope_by_warehouse(qs, scope: policy.Scope, merchant_path: str):
    """Warehouses (merchant_path "merchant") or stocks ("warehouse__merchant") of the scope."""
    if scope.kind is policy.ScopeKind.ALL:
        return qs
    if scope.kind is policy.ScopeKind.SHOP:
        return qs.filter(**{f"{merchant_path}__id": scope.merchant_id})
    return qs.none()


def scope_merchants(qs, scope: policy.Scope):
    if scope.kind is policy.ScopeKind.ALL:
        return qs
    if scope.kind is policy.ScopeKind.SHOP:
        return qs.filter(Q(is_active=True) | Q(pk=scope.merchant_id))
    if scope.kind is policy.ScopeKind.PUBLIC:
        return qs.filter(is_active=True)
    return qs.none()


def install() -> None:
    ProductsQueryset.visible_to_user = _visible_to_user
    ProductsQueryset.published = public_products


def uninstall() -> None:
    """Back to stock Saleor (used to measure the layer's cost side by side)."""
    ProductsQueryset.visible_to_user = _STOCK_VISIBLE_TO_USER
    ProductsQueryset.published = _STOCK_PUBLISHED
