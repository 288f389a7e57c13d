"""Apply the isolation policy's order scope to the per-shop parts (Django side)."""
from graphql_jwt.exceptions import PermissionDenied

from ..isolation import policy
from .domain.status import Actor
from .models import MerchantOrder

TRANSITION_ACTORS = {policy.Role.OPERATOR: Actor.OPERATOR, policy.Role.SHOPKEEPER: Actor.SHOPKEEPER}


def visible_parts(who: policy.Actor):
    """Parts `who` may see; PermissionDenied (like stock Saleor) for anyone without a scope.

    A shop sees its parts of paid orders only: unpaid ones are nothing to prepare.
    """
    scope = policy.order_scope(who)
    if scope.kind is policy.ScopeKind.ALL:
        return MerchantOrder.objects.all()
    if scope.kind is policy.ScopeKind.SHOP:
        return MerchantOrder.objects.filter(merchant_id=scope.merchant_id, paid_at__isnull=False)
    raise PermissionDenied()


def transition_actor(who: policy.Actor) -> Actor:
    """Who the status table sees; anyone with an order scope is an operator or a shopkeeper."""
    return TRANSITION_ACTORS[who.role]


def part_owners(pks: list) -> dict:
    """{pk: merchant id} of parts, for the policy's ownership checks on MerchantOrder IDs."""
    rows = MerchantOrder.objects.filter(pk__in=[int(pk) for pk in pks if pk.isdigit()])
    return {str(pk): merchant_id for pk, merchant_id in rows.values_list("pk", "merchant_id")}
