"""Graphene middleware: every field of every GraphQL request asks the policy first.

Root fields: `policy.decide_root`. Fields below the root: `policy.decide_field`, and
for a field private to its shop, the owner of the object it is asked on (owners.py).
Registered first in GRAPHENE["MIDDLEWARE"], so it runs innermost, once Saleor's JWT
and app middlewares have authenticated the request.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from graphene.utils.str_converters import to_camel_case
from graphql import GraphQLList, GraphQLNonNull
from graphql_jwt.exceptions import PermissionDenied
from promise import Promise
from saleor.checkout.error_codes import CheckoutErrorCode
from saleor.graphql.api import Mutation as SaleorMutation
from saleor.graphql.api import Query as SaleorQuery

from plugins.kernel.global_ids import parse_global_id

from .. import directory
from ..plugin import refusals_switch
from ..models import ProductMerchant
from . import policy, refusals
from .actors import actor_of_request, owners
from .owners import owner_of

_OPERATIONS = {"Query": "query", "Mutation": "mutation"}
# Stock Saleor's own root fields (ours replacing one keep its name and its permissions).
_STOCK_ROOT_FIELDS = frozenset(
    (operation, to_camel_case(name))
    for operation, root in (("query", SaleorQuery), ("mutation", SaleorMutation))
    for name in root._meta.fields
)
_ACTOR_ATTR = "_local_merchants_isolation_actor"


def _actor(request) -> policy.Actor:
    # Asked for every field of the response: computed once per request.
    who = getattr(request, _ACTOR_ATTR, None)
    if who is None:
        who = actor_of_request(request)
        setattr(request, _ACTOR_ATTR, who)
    return who


def _as_anonymous(info):
    """What an anonymous visitor gets for a private field: empty, null, or refused."""
    return_type = info.return_type
    required = isinstance(return_type, GraphQLNonNull)
    if required:
        return_type = return_type.of_type
    if isinstance(return_type, GraphQLList):
        return []  # no private metadata, no stock rows: the rest of the page still shows
    if required:
        raise PermissionDenied()
    return None


class IsolationMiddleware:
    def resolve(self, next_, root, info, **args):
        operation = _OPERATIONS.get(info.parent_type.name)
        if operation is None:
            return _nested(next_, root, info, args)
        who = _actor(info.context)
        if operation == "mutation" and who.role is policy.Role.SHOPKEEPER:
            # The whole document is decided at its first mutation (refusals.py).
            decisions = refusals.document_decisions(info, lambda name, field_args: _decide(
                who, operation, name, field_args))
            if policy.Decision.DENY in decisions.values():
                return _refusal(info, decisions)
            decision = decisions[info.path[-1]]
        else:
            decision = _decide(who, operation, info.field_name, args)
        if decision is policy.Decision.DENY:
            raise PermissionDenied()
        if (operation == "mutation" and info.field_name in policy.PURCHASE_PATHS
                and refusals_switch.is_on()):
            refused = _refuse_closed_shops(info, args)
            if refused is not None:
                return refused
        if decision is policy.Decision.ALLOW_NEW_PRODUCT_IN_SHOP:
            return _create_product_in_shop(next_, root, info, who, args)
        return next_(root, info, **args)


def _decide(who, operation, field, args):
    stock = (operation, field) in _STOCK_ROOT_FIELDS
    return policy.decide_root(who, operation, field, args, owners, stock=stock)


def _refusal(info, decisions):
    """A shopkeeper's document with a refused mutation: each of its mutations answers
    the refusal in its payload (NOT_FOUND), none runs."""
    refused_here = decisions.get(info.path[-1]) is policy.Decision.DENY
    payload = refusals.payload(info, refused_here)
    if payload is None:
        raise PermissionDenied()
    return payload


def _nested(next_, root, info, args):
    if refusals.is_refusal(root):  # our own refusal payload: nothing but its errors
        return next_(root, info, **args)
    who = _actor(info.context)
    type_name = info.parent_type.name
    decision = policy.decide_field(who, type_name, info.field_name)
    if decision is policy.FieldDecision.ANSWER:
        return next_(root, info, **args)
    if decision is policy.FieldDecision.AS_ANONYMOUS:
        return _as_anonymous(info)
    owner = owner_of(type_name, root, info.context)
    if Promise.is_thenable(owner):
        return owner.then(lambda found: _if_own(who, found, next_, root, info, args))
    return _if_own(who, owner, next_, root, info, args)


def _if_own(who, owner, next_, root, info, args):
    if policy.owns(who, owner):
        return next_(root, info, **args)
    return _as_anonymous(info)


def _create_product_in_shop(next_, root, info, who, args):
    # One transaction: the product never exists without its shop.
    with transaction.atomic():
        payload = next_(root, info, **args)
        # graphql-core hands middlewares a promise of the resolver's result (already
        # settled: the executor is synchronous); unwrapped, or the link is never made.
        if Promise.is_thenable(payload):
            payload = Promise.resolve(payload).get()
        product = getattr(payload, "product", None)
        if product is not None and product.pk:
            ProductMerchant.objects.create(product=product, merchant_id=who.merchant_id)
    return payload


def _refuse_closed_shops(info, args):
    """The mutation's own error payload if the basket gets a deactivated shop's product."""
    refs = [parse_global_id(raw) for raw in policy.values_at(args, policy.PURCHASE_PATHS[info.field_name])]
    variant_pks = [int(ref.pk) for ref in refs if ref and ref.type_name == "ProductVariant" and ref.pk.isdigit()]
    if not variant_pks:
        return None
    message = policy.purchase_refusal(directory.closed_shops_selling(variant_pks))
    if message is None:
        return None
    mutation = info.return_type.graphene_type
    error = ValidationError(
        {"lines": ValidationError(message, code=CheckoutErrorCode.PRODUCT_NOT_PUBLISHED)}
    )
    return mutation.handle_errors(error)
