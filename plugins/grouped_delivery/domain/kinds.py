"""Delivery kinds: one class per way a basket reaches its resident.

A kind answers everything the plugin, the API, the courier's round and the orders ask
about it: is it offered to this basket, what it costs, whether it rides a courier round
(and so needs a slot), where the round leaves the order, and its French words. The rest
of the plugin asks the kind of a method (`kind_of(method.kind)`) instead of testing codes.

Adding a kind: one class here, registered in KINDS under the code stored in
DeliveryMethod.kind, and its rows in tests/unit/grouped_delivery/test_kinds.py; a new
code also needs a migration of DeliveryMethod.kind's choices. Stored codes and the
public GraphQL values (`option_kind`) never change: clients and saved rows rely on them.

Pure Python: baskets and shops are read through their attributes only (see the
protocols), so the tests pass plain objects.
"""
from dataclasses import dataclass
from decimal import Decimal
from typing import AbstractSet, Optional, Protocol

from plugins.kernel.address import ZoneCheck

from ..routing.model import StopKind
from .config import DeliverySettings
from .errors import DeliveryErrorCode, Refusal
from .fees import DeliveryFeeError, DeliveryFeeRules, check_weight, grouped_delivery_fee


class ShopAddress(Protocol):
    street_address_1: str
    street_address_2: str
    postal_code: str
    city: str


class Shop(Protocol):
    pk: int
    name: str
    phone: object  # a phone number or ""
    click_and_collect: bool
    is_active: bool
    address: ShopAddress


class BasketFacts(Protocol):
    zone: Optional[ZoneCheck]  # None: no shipping address yet
    merchant_ids: AbstractSet[int]  # the basket's shops
    has_operator_items: bool  # products sold by the operator itself, from no shop
    weight_kg: Decimal
    subtotal_gross: object  # Money: its `amount` is the gross subtotal
    settings: DeliverySettings


@dataclass(frozen=True)
class DropPoint:
    """Where the round leaves an order its resident collects (not the resident's door)."""

    name: str
    address: str  # French, one line
    phone: str
    destination: str  # French, the round sheet's line for this order
    note: str  # French, what the courier does there
    shop_id: Optional[int] = None  # a shop of the basket; None: an address of its own


def street_line(address) -> str:
    """French, one line: "12 rue X, bâtiment B, 75016 Paris" ("" without an address)."""
    if address is None:
        return ""
    parts = [address.street_address_1, address.street_address_2, f"{address.postal_code} Paris"]
    return ", ".join(part for part in parts if part)


class DeliveryKind:
    """The answers every kind gives; subclasses override what differs."""

    code: str  # stored in DeliveryMethod.kind
    label: str  # French heading: order summary, e-mails, admin choices
    option_kind: str  # the contract's DeliveryKind: GROUPED_DELIVERY | CLICK_AND_COLLECT
    stop_kind: StopKind  # the round's last stop for an order of this kind
    per_shop = False  # one method per shop offering it (DeliveryMethod.merchant set)
    to_the_door = False  # handed to the resident: needs a shipping address in the zone
    collected_in_shop = False  # each shop hands its own part to the resident

    def offered(self, settings: DeliverySettings, shop: Optional[Shop] = None) -> bool:
        """Worth a method for a basket (per-shop kinds: for this shop of the basket)."""
        return True

    def refusal(self, basket: BasketFacts, shop: Optional[Shop] = None) -> Optional[Refusal]:
        """Why this basket cannot use the method (of this shop), or None when it can."""
        return None

    def price(self, rules: DeliveryFeeRules, subtotal_gross: Decimal, weight_kg: Decimal) -> Decimal:
        """The whole basket's fee, TTC."""
        return Decimal(0)

    def price_for(self, basket: BasketFacts) -> Decimal:
        return self.price(basket.settings.fee_rules, basket.subtotal_gross.amount, basket.weight_kg)

    def needs_slot(self, basket: BasketFacts, shop: Optional[Shop] = None) -> bool:
        """Does the order ride a courier round (then a slot is chosen and reserved)?"""
        return True

    def method_name(self, shop: Optional[Shop] = None) -> str:
        """The Saleor shipping method's name (what stock lists and the dashboard show)."""
        return self.label

    def option_label(self, basket: BasketFacts, shop: Optional[Shop], price: Decimal,
                     opening_hours: str = "") -> str:
        """French, what the resident chooses from."""
        raise NotImplementedError

    def place(self, settings: DeliverySettings, shop: Optional[Shop] = None) -> str:
        """French: where the resident collects the order; "" when it comes to the door."""
        return ""

    def drop_point(self, settings: DeliverySettings, shop: Optional[Shop] = None) -> Optional[DropPoint]:
        """Where the round leaves the order; None: at the resident's door."""
        return None


class GroupedDelivery(DeliveryKind):
    code = "GROUPED_DELIVERY"
    label = "Livraison groupée"
    option_kind = "GROUPED_DELIVERY"
    stop_kind = StopKind.DELIVERY
    to_the_door = True

    def refusal(self, basket, shop=None):
        if basket.zone is None:
            return Refusal(DeliveryErrorCode.ADDRESS_REQUIRED, field="shipping_address")
        if not basket.zone.in_zone:
            return Refusal(DeliveryErrorCode.OUTSIDE_ZONE, basket.zone.message)
        if check_weight(basket.settings.fee_rules, basket.weight_kg):
            return Refusal(DeliveryErrorCode.TOO_HEAVY)
        return None

    def price(self, rules, subtotal_gross, weight_kg):
        try:
            return grouped_delivery_fee(rules, subtotal_gross, weight_kg)
        except DeliveryFeeError:  # priced anyway: `refusal` keeps it from being chosen
            return rules.fee

    def method_name(self, shop=None):
        return "Livraison groupée dans le 16e"

    def option_label(self, basket, shop, price, opening_hours=""):
        return self.method_name() + (" (offerte)" if price == 0 else "")


class ShopPickup(DeliveryKind):
    """Click & collect in one shop of the basket. With other shops (or the operator's own
    products) in the basket, the round brings their parts to that shop: a slot is needed."""

    code = "SHOP_PICKUP"
    label = "Retrait en boutique"
    option_kind = "CLICK_AND_COLLECT"
    stop_kind = StopKind.DROP_OFF
    per_shop = True
    collected_in_shop = True

    def offered(self, settings, shop=None):
        return shop is not None and shop.click_and_collect

    def refusal(self, basket, shop=None):
        if shop is None or shop.pk not in basket.merchant_ids:
            return Refusal(DeliveryErrorCode.SHOP_NOT_IN_BASKET)
        if not (shop.click_and_collect and shop.is_active):
            return Refusal(DeliveryErrorCode.NO_CLICK_AND_COLLECT)
        return None

    def needs_slot(self, basket, shop=None):
        return basket.has_operator_items or set(basket.merchant_ids) != {shop.pk}

    def method_name(self, shop=None):
        return f"{self.label} — {shop.name}"

    def option_label(self, basket, shop, price, opening_hours=""):
        address = shop.address
        label = (f"Retrait gratuit chez {shop.name}, {address.street_address_1}, "
                 f"{address.postal_code} Paris ({opening_hours or 'horaires à confirmer'})")
        if self.needs_slot(basket, shop):
            label += " : les articles des autres boutiques y sont apportés par la tournée choisie"
        return label

    def place(self, settings, shop=None):
        address = shop.address
        return f"{shop.name}, {address.street_address_1}, {address.postal_code} {address.city.title()}"

    def drop_point(self, settings, shop=None):
        return DropPoint(
            name=shop.name, address=street_line(shop.address), phone=str(shop.phone or ""),
            destination=f"Déposer chez {shop.name}, {shop.address.street_address_1}",
            note="Déposer les sacs : le client les retire ici.", shop_id=shop.pk,
        )


class CentralPickup(DeliveryKind):
    """The operator's collection point (a setting): offered only when one is configured."""

    code = "CENTRAL_PICKUP"
    label = "Retrait au point central"
    option_kind = "CLICK_AND_COLLECT"
    stop_kind = StopKind.DROP_OFF

    def offered(self, settings, shop=None):
        return bool(settings.central_point)

    def refusal(self, basket, shop=None):
        if not basket.settings.central_point:
            return Refusal(DeliveryErrorCode.METHOD_NOT_OFFERED)
        return None

    def method_name(self, shop=None):
        return "Retrait au point central du 16e"

    def option_label(self, basket, shop, price, opening_hours=""):
        return f"Retrait gratuit de tout le panier au point central : {basket.settings.central_point}"

    def place(self, settings, shop=None):
        return settings.central_point

    def drop_point(self, settings, shop=None):
        where = settings.central_point
        return DropPoint(
            name="Point de retrait central", address=where, phone="",
            destination="Déposer au point de retrait central" + (f" : {where}" if where else ""),
            note="Déposer les sacs au point de retrait central.",
        )


KINDS = {kind.code: kind for kind in (GroupedDelivery(), ShopPickup(), CentralPickup())}


def kind_of(code: str) -> DeliveryKind:
    """The kind stored under this code (KeyError for a code no class answers)."""
    return KINDS[code]
