"""Django side of the policy: who is asking, and which shop owns an object."""
import uuid
from collections import defaultdict
from typing import Callable, Dict, Iterable, Mapping, Optional

from django.contrib.auth.models import AnonymousUser

from plugins.kernel.global_ids import NodeRef

from ..hooks import hooks
from ..models import Merchant, MerchantStaff, ProductMerchant
from . import policy

MANAGE_MERCHANTS = "local_merchants.manage_merchants"
_CACHE_ATTR = "_local_merchants_actor"


def actor_for(user, app=None) -> policy.Actor:
    """The policy's view of a request's user (or app), computed once per user object."""
    user = user or AnonymousUser()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None and app is None:
        return cached
    authenticated = bool(user.is_authenticated)
    merchant_id = None
    if authenticated:
        merchant_id = (
            MerchantStaff.objects.filter(user_id=user.pk).values_list("merchant_id", flat=True).first()
        )
    active = authenticated and user.is_active
    who = policy.actor(
        is_authenticated=authenticated,
        is_superuser=authenticated and user.is_superuser,
        can_manage_merchants=active and user.has_perm(MANAGE_MERCHANTS),
        is_staff=authenticated and user.is_staff,
        is_app=app is not None,
        merchant_id=merchant_id,
        # has_perm above loaded the account's permissions: no further query.
        is_courier=active and hooks.is_courier(user),
    )
    if app is None and authenticated:
        setattr(user, _CACHE_ATTR, who)
    return who


def actor_of_request(request) -> policy.Actor:
    app = getattr(request, "app", None)
    user = getattr(request, "user", None)
    if app is not None and not (user and user.is_authenticated):
        return actor_for(None, app=app)
    return actor_for(user)


def _int_pks(pks: Iterable[str]) -> list:
    return [int(pk) for pk in pks if pk.isdigit()]


def _uuid_pks(pks: Iterable[str]) -> list:
    valid = []
    for pk in pks:
        try:
            valid.append(str(uuid.UUID(pk)))
        except ValueError:
            continue
    return valid


def _rows(model_path: str, owner_field: str, parse=_int_pks):
    def lookup(pks):
        from django.apps import apps

        model = apps.get_model(model_path)
        rows = model.objects.filter(pk__in=parse(pks)).values_list("pk", owner_field)
        return {str(pk): owner for pk, owner in rows}

    return lookup


# type name -> function(pks as strings) -> {pk: merchant id or None}
OWNER_LOOKUPS: Dict[str, Callable[[list], Mapping[str, Optional[int]]]] = {
    "Product": lambda pks: {
        str(pk): merchant_id
        for pk, merchant_id in ProductMerchant.objects.filter(product_id__in=_int_pks(pks))
        .values_list("product_id", "merchant_id")
    },
    "ProductVariant": _rows("product.ProductVariant", "product__merchant_link__merchant_id"),
    "ProductImage": _rows("product.ProductImage", "product__merchant_link__merchant_id"),
    "Stock": _rows("warehouse.Stock", "warehouse__merchant__id"),
    "Warehouse": _rows("warehouse.Warehouse", "merchant__id", parse=_uuid_pks),
    "Merchant": lambda pks: {str(pk): pk for pk in Merchant.objects.filter(
        pk__in=_int_pks(pks)).values_list("pk", flat=True)},
}


def register_owner_lookup(type_name: str, lookup) -> None:
    """Let another module (orders) tell the policy who owns its node type."""
    if type_name not in policy.OWNED_TYPES:
        raise ValueError(f"{type_name} is not an owned type of the policy")
    OWNER_LOOKUPS[type_name] = lookup


def owners(refs: list) -> Dict[NodeRef, Optional[int]]:
    """Shop id owning each ref (None when operator-owned or missing), one query per type."""
    by_type = defaultdict(set)
    for ref in refs:
        by_type[ref.type_name].add(ref.pk)
    found: Dict[NodeRef, Optional[int]] = {}
    for type_name, pks in by_type.items():
        lookup = OWNER_LOOKUPS.get(type_name)
        owned = lookup(sorted(pks)) if lookup else {}
        for pk in pks:
            found[NodeRef(type_name, pk)] = owned.get(pk)
    return found
