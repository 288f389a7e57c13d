"""Stock Order fields as a shopkeeper sees them: their part, nothing of the resident.

Each listed field of Saleor's Order, OrderEvent and Category types gets a resolver
that answers stock for everyone but a shopkeeper, and the shop's view for them.
Set on the types' fields before the schema is built (install()), like grouped
delivery's shipping methods; Saleor's files are untouched.
"""
from copy import copy
from functools import partial

from django.utils import timezone
from graphene import Dynamic
from graphene.types.resolver import get_default_resolver
from graphene_django import DjangoConnectionField
from promise import Promise
from saleor.account.models import Address
from saleor.core.taxes import zero_money, zero_taxed_money
from saleor.graphql.order.types import Order, OrderEvent
from saleor.graphql.product.types import Category
from saleor.product.models import Product

from ..domain.status import STATUS_LABELS, MerchantOrderStatus
from ..graphql.dataloaders import ShopPartsByOrderIdLoader
from .domain import dashboard_status
from .scope import (
    CustomerFirstNameByOrderIdLoader,
    FulfillmentsByOrderIdLoader,
    lines_total,
    own_part,
    part_lines,
    shop_of,
)


def _own_lines(root, info, **_):
    return own_part(info, root).then(part_lines)


def _own_total(root, info, **_):
    return own_part(info, root).then(lambda part: lines_total(part_lines(part), root.currency))


def _own_fulfillments(root, info, **_):
    """Saleor fulfilments made only of the shop's lines (its own preparation)."""

    def keep(results):
        part, fulfillments = results
        mine = {line.pk for line in part_lines(part)}
        return [f for f in fulfillments if all(l.order_line_id in mine for l in f.lines.all())]

    return Promise.all([own_part(info, root), FulfillmentsByOrderIdLoader(info.context).load(root.pk)]).then(keep)


def _own_status(root, info, **_):
    return own_part(info, root).then(lambda part: dashboard_status(part.status) if part else root.status)


def _own_status_display(root, info, **_):
    return own_part(info, root).then(
        lambda part: STATUS_LABELS[MerchantOrderStatus(part.status)] if part else None
    )


def _captured(root, info, **_):
    return _own_total(root, info).then(lambda total: total.gross)


def _billing_address(root, info, **_):
    """Click & collect: the resident's first name, to hand over the bag. Delivery: nothing."""

    def first_name_only(results):
        part, first_name = results
        if part is None or not part.is_click_and_collect or not first_name:
            return None
        return Address(pk=root.billing_address_id, first_name=first_name, country="FR")

    return Promise.all([
        own_part(info, root), CustomerFirstNameByOrderIdLoader(info.context).load(root.pk),
    ]).then(first_name_only)


def _shipping_method_name(root, info, **_):
    def label(part):
        if part is None:
            return None
        kind = "Retrait en boutique" if part.is_click_and_collect else "Livraison groupée"
        if part.pickup_at is None:
            return kind
        when = timezone.localtime(part.pickup_at).strftime("%d/%m/%Y à %H:%M")
        who = "le client" if part.is_click_and_collect else "le livreur"
        return f"{kind} — {who} passe le {when}"

    return own_part(info, root).then(label)


def _own_groups(root, info, **_):
    merchant_id = shop_of(info)
    return ShopPartsByOrderIdLoader(info.context).load(root.pk).then(
        lambda parts: [p for p in parts if p.merchant_id == merchant_id and p.paid_at]
    )


def _constant(value):
    return lambda *_args, **_kwargs: value() if callable(value) else value


def _zero_money(root, _info, **_):
    return zero_money(root.currency)


ORDER_FOR_SHOP = {
    "lines": _own_lines,
    "fulfillments": _own_fulfillments,
    "total": _own_total,
    "subtotal": _own_total,
    "shipping_price": lambda root, _info, **_: zero_taxed_money(root.currency),
    "total_captured": _captured,
    "total_authorized": _zero_money,
    "total_balance": _zero_money,
    "status": _own_status,
    "status_display": _own_status_display,
    "billing_address": _billing_address,
    "shipping_method_name": _shipping_method_name,
    "merchant_groups": _own_groups,
    # Never the resident's contact details, nor what the whole order holds.
    "shipping_address": _constant(None),
    "user": _constant(None),
    "user_email": _constant(None),
    "customer_note": _constant(""),
    "token": _constant(""),  # orderByToken is public: the token would open the whole order
    "tracking_client_id": _constant(""),
    "shipping_method": _constant(None),
    "voucher": _constant(None),
    "gift_cards": _constant(list),
    "discount": _constant(None),
    "discount_name": _constant(None),
    "translated_discount_name": _constant(None),
    "weight": _constant(None),
    "events": _constant(list),
    "payments": _constant(list),
    "actions": _constant(list),  # capture, refund, void: the operator's
    "available_shipping_methods": _constant(list),
    "can_finalize": _constant(False),
    "metadata": _constant(list),
    "private_metadata": _constant(list),
    "meta": _constant(list),
    "private_meta": _constant(list),
}

# Home page activity: which order and when, not who nor how much.
EVENT_FOR_SHOP = {
    name: _constant(None)
    for name in ("user", "message", "email", "email_type", "amount", "payment_id",
                 "payment_gateway", "quantity", "oversold_items", "lines",
                 "fulfilled_items", "warehouse")
}


def _category_products(root, info, **_):
    """The shop's products in the category tree, published or not (stock: all published)."""
    tree = root.get_descendants(include_self=True)
    return Product.objects.visible_to_user(info.context.user).filter(category__in=tree)


CATEGORY_FOR_SHOP = {"products": _category_products}


def _stock_resolver(graphene_type, name, field):
    return (
        field.resolver
        or getattr(graphene_type, f"resolve_{name}", None)
        or partial(get_default_resolver(), name, None)
    )


def _wrap(graphene_type, name, for_shop) -> None:
    field = graphene_type._meta.fields[name]
    if isinstance(field, Dynamic):  # model relations: the field exists once the schema builds
        def build(schema=None, dynamic=field):
            inner = dynamic.get_type(schema)
            if inner is not None:
                inner = copy(inner)
                inner.resolver = _scoped(_stock_resolver(graphene_type, name, inner), for_shop)
            return inner

        graphene_type._meta.fields[name] = Dynamic(build, with_schema=field.with_schema)
        return
    resolver = _scoped(_stock_resolver(graphene_type, name, field), for_shop)
    if isinstance(field, DjangoConnectionField):
        # Connection fields call the type's resolve_<name>, never field.resolver.
        setattr(graphene_type, f"resolve_{name}", staticmethod(resolver))
    else:
        # A copy: fields of an interface (metadata...) are shared by every type using it.
        field = copy(field)
        field.resolver = resolver
        graphene_type._meta.fields[name] = field


def _scoped(stock, for_shop):
    def resolve(root, info, **kwargs):
        if shop_of(info) is None:
            return stock(root, info, **kwargs)
        return for_shop(root, info, **kwargs)

    return resolve


def install() -> None:
    for graphene_type, table in ((Order, ORDER_FOR_SHOP), (OrderEvent, EVENT_FOR_SHOP),
                                 (Category, CATEGORY_FOR_SHOP)):
        for name, for_shop in table.items():
            _wrap(graphene_type, name, for_shop)
