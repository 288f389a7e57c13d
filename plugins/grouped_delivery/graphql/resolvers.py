from typing import Optional
from uuid import UUID

from django.urls import reverse
from django.utils import timezone
from graphql import GraphQLError
from promise import Promise
from saleor.checkout.models import Checkout
from saleor.graphql.discount.dataloaders import DiscountsByDateTimeLoader

from plugins.kernel.global_ids import int_pk_of, pk_of

from .. import models
from .dataloaders import DeliverySlotByOrderIdLoader
from ..services.basket import load_basket
from ..services.options import delivery_options, filter_stock_methods
from ..services.rounds import round_sheet
from ..services.settings import delivery_settings
from ..services.slots import chosen_slot, upcoming_slots, usable_for
from ..services.zone import check_input
from .switch import switched_on


def checkout_pk(global_id: str) -> Optional[UUID]:
    """The checkout's token inside its global ID, or None (malformed, other type)."""
    try:
        return UUID(pk_of(global_id, "Checkout") or "")
    except ValueError:
        return None


def checkout_by_id(global_id: str) -> Optional[Checkout]:
    pk = checkout_pk(global_id)
    if pk is None:
        return None
    return Checkout.objects.select_related("shipping_address").filter(pk=pk).first()


def slot_by_id(global_id: str) -> Optional[models.DeliverySlot]:
    pk = int_pk_of(global_id, "DeliverySlot")
    if pk is None:
        return None
    return models.DeliverySlot.objects.filter(pk=pk).first()


def request_basket(checkout: Checkout, info):
    """For a mutation: the basket with the request's discounts (Saleor's mutations read
    them too) and the cached settings (no plugins manager built for them)."""
    return load_basket(checkout, None, info.context.discounts, delivery_settings())


def response_basket(checkout: Checkout, info) -> Promise:
    """For the fields of a response: the checkout's basket, computed once for all of them
    (deliveryOptions, availableShippingMethods), with the discounts Saleor's own fields load."""
    basket = getattr(checkout, "_grouped_delivery_basket", None)
    if basket is None:
        discounts = DiscountsByDateTimeLoader(info.context).load(info.context.request_time)
        basket = discounts.then(
            lambda loaded: load_basket(checkout, None, loaded, delivery_settings())
        )
        checkout._grouped_delivery_basket = basket
    return basket


def resolve_delivery_zone_check(address):
    return check_input(address)


def resolve_delivery_slots(info, checkout_id=None):
    if not switched_on():
        return []
    now = timezone.now()
    slots = upcoming_slots(delivery_settings(), now)
    if checkout_id is None:
        return slots
    checkout = checkout_by_id(checkout_id)
    if checkout is None:
        raise GraphQLError("Ce panier n'existe pas ou a déjà été commandé.")
    return response_basket(checkout, info).then(lambda basket: usable_for(basket, slots, now))


def resolve_checkout_delivery_options(root: Checkout, info):
    if not switched_on():
        return []
    return response_basket(root, info).then(delivery_options)


def resolve_checkout_delivery_slot(root: Checkout, _info):
    return chosen_slot(root)


def resolve_order_delivery_slot(root, info):
    return DeliverySlotByOrderIdLoader(info.context).load(root.pk)


def resolve_merchant_order_delivery_slot(root, info):
    return DeliverySlotByOrderIdLoader(info.context).load(root.order_id)


def resolve_delivery_round(info, slot_id):
    slot = slot_by_id(slot_id)
    if slot is None:
        return None
    sheet = round_sheet(slot, delivery_settings(info.context.plugins))
    sheet.sheet_url = info.context.build_absolute_uri(
        reverse("grouped-delivery-round-sheet", kwargs={"slot_id": slot.pk})
    )
    return sheet


def wrap_available_shipping_methods(stock_resolver):
    """Stock Checkout.availableShippingMethods, minus what this basket may not use."""

    def resolve(root: Checkout, info, **kwargs):
        if not switched_on():
            return stock_resolver(root, info, **kwargs)
        return Promise.all([response_basket(root, info), stock_resolver(root, info, **kwargs)]).then(
            lambda loaded: filter_stock_methods(loaded[0], list(loaded[1] or []))
        )

    return resolve
