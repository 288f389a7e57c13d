"""Graphene middleware: every root field of every GraphQL request asks the policy first.

Registered first in GRAPHENE["MIDDLEWARE"], so it runs innermost, once Saleor's JWT
and app middlewares have authenticated the request.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from graphql_jwt.exceptions import PermissionDenied
from promise import Promise
from saleor.checkout.error_codes import CheckoutErrorCode

from .. import directory
from ..models import ProductMerchant
from . import policy, refusals
from .actors import actor_of_request, owners

_OPERATIONS = {"Query": "query", "Mutation": "mutation"}


class IsolationMiddleware:
    def resolve(self, next_, root, info, **args):
        operation = _OPERATIONS.get(info.parent_type.name)
        if operation is None:
            return next_(root, info, **args)
        who = actor_of_request(info.context)
        if operation == "mutation" and who.role is policy.Role.SHOPKEEPER:
            # The whole document is decided at its first mutation (refusals.py).
            decisions = refusals.document_decisions(info, who, owners)
            if policy.Decision.DENY in decisions.values():
                return _refusal(info, decisions)
            decision = decisions[info.path[-1]]
        else:
            decision = policy.decide_root(who, operation, info.field_name, args, owners)
        if decision is policy.Decision.DENY:
            raise PermissionDenied()
        if operation == "mutation" and info.field_name in policy.PURCHASE_PATHS:
            refused = _refuse_closed_shops(info, args)
            if refused is not None:
                return refused
        if decision is policy.Decision.ALLOW_NEW_PRODUCT_IN_SHOP:
            return _create_product_in_shop(next_, root, info, who, args)
        return next_(root, info, **args)


def _refusal(info, decisions):
    """A shopkeeper's document with a refused mutation: each of its mutations answers
    the refusal in its payload (NOT_FOUND), none runs."""
    refused_here = decisions.get(info.path[-1]) is policy.Decision.DENY
    payload = refusals.payload(info, refused_here)
    if payload is None:
        raise PermissionDenied()
    return payload


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
    refs = [policy.decode_id(raw) for raw in policy.values_at(args, policy.PURCHASE_PATHS[info.field_name])]
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
