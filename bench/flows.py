"""A resident's checkout, step by step, over any transport.

`execute(step, query, variables) -> data` sends one GraphQL request (over HTTP for
latencies, through django.test.Client for query counts) and raises on GraphQL errors.
"""
import random

from . import queries
from .queries import Features


class FlowError(Exception):
    def __init__(self, step: str, detail):
        super().__init__(f"{step}: {detail}")
        self.step = step


def _payload(step: str, data: dict, field: str) -> dict:
    payload = data[field]
    for key in ("checkoutErrors", "paymentErrors", "errors"):
        if payload.get(key):
            raise FlowError(step, payload[key])
    return payload


def _shipping_method(checkout: dict, features: Features) -> str:
    if features.delivery_options:
        for option in checkout.get("deliveryOptions") or []:
            if option["kind"] == "GROUPED_DELIVERY":
                return option["shippingMethod"]["id"]
    methods = checkout.get("availableShippingMethods") or []
    if not methods:
        raise FlowError("shippingAddress", "no shipping method offered")
    return methods[0]["id"]


def checkout(execute, variant_ids: list, features: Features, email: str,
             rng: random.Random) -> str:
    """Basket → address → delivery → payment → order; returns the order id."""
    created = _payload("checkoutCreate", execute("checkoutCreate", queries.CHECKOUT_CREATE, {
        "input": {"email": email,
                  "lines": [{"variantId": v, "quantity": 1} for v in variant_ids]},
    }), "checkoutCreate")
    checkout_id = created["checkout"]["id"]
    address = {"c": checkout_id, "a": queries.RESIDENT_ADDRESS}
    addressed = _payload("shippingAddress", execute(
        "shippingAddress", queries.shipping_address_update(features), address
    ), "checkoutShippingAddressUpdate")
    _payload("billingAddress", execute(
        "billingAddress", queries.BILLING_ADDRESS_UPDATE, address
    ), "checkoutBillingAddressUpdate")
    _payload("shippingMethod", execute("shippingMethod", queries.SHIPPING_METHOD_UPDATE, {
        "c": checkout_id, "m": _shipping_method(addressed["checkout"], features),
    }), "checkoutShippingMethodUpdate")
    if features.delivery_slots:
        slots = execute("deliverySlots", queries.DELIVERY_SLOTS, {"c": checkout_id})
        open_slots = [s for s in slots["deliverySlots"] if s["isAvailable"] and s["remaining"]]
        if not open_slots:
            raise FlowError("deliverySlots", "no open slot")
        _payload("deliverySlot", execute("deliverySlot", queries.DELIVERY_SLOT_UPDATE, {
            "c": checkout_id, "s": rng.choice(open_slots)["id"],
        }), "checkoutDeliverySlotUpdate")
    _payload("payment", execute("payment", queries.PAYMENT_CREATE, {"c": checkout_id}),
             "checkoutPaymentCreate")
    completed = _payload("checkoutComplete", execute(
        "checkoutComplete", queries.CHECKOUT_COMPLETE, {"c": checkout_id}
    ), "checkoutComplete")
    return completed["order"]["id"]


def baskets(shops: list, shop_count: int, count: int, rng: random.Random) -> list:
    """`count` baskets of 5 lines from `shop_count` shops (5 lines always, so that the
    difference between a 1-shop and a 5-shop basket is the shops, not the lines)."""
    result = []
    for _ in range(count):
        chosen = rng.sample(shops, shop_count)
        lines = [chosen[i % shop_count][i // shop_count] for i in range(5)]
        result.append(lines)
    return result
