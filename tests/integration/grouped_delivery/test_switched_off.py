"""Grouped delivery switched off in the dashboard (PluginConfiguration.active = False):
Saleor's checkout answers as stock (no refusal, no fee, every shipping method), our own
additions offer nothing; switched on again, our rules are back."""
from decimal import Decimal

import pytest
from saleor.plugins.models import PluginConfiguration

from plugins.grouped_delivery.domain.kinds import KINDS
from plugins.grouped_delivery.models import DeliveryMethod
from plugins.grouped_delivery.plugin import GroupedDeliveryPlugin
from plugins.grouped_delivery.services.methods import ensure_method

from .conftest import OUTSIDE, Api, basket, gid
from .test_delivery_options import OPTIONS, SET_ADDRESS, SET_METHOD

SLOTS = "{ deliverySlots{ id } }"
CHOOSE_SLOT = """mutation($c: ID!, $s: ID!){ checkoutDeliverySlotUpdate(checkoutId:$c, slotId:$s){
  errors{ field code message } } }"""


def switch(active: bool) -> None:
    # What the dashboard's plugin page saves.
    PluginConfiguration.objects.update_or_create(
        identifier=GroupedDeliveryPlugin.PLUGIN_ID,
        defaults={"name": GroupedDeliveryPlugin.PLUGIN_NAME, "active": active,
                  "configuration": GroupedDeliveryPlugin.DEFAULT_CONFIGURATION},
    )


def set_method(checkout, shipping_method):
    return Api().data(SET_METHOD, {"c": gid(checkout), "m": gid(shipping_method)})[
        "checkoutShippingMethodUpdate"]


def grouped_method():
    return DeliveryMethod.objects.get(kind="GROUPED_DELIVERY").shipping_method


@pytest.mark.parametrize("active", [True, False])
def test_shipping_methods_listed_and_offered(district, active):
    checkout = basket(district.a)
    Api().data(OPTIONS, {"id": str(checkout.token)})  # the methods exist once seen
    gamma = ensure_method(KINDS["SHOP_PICKUP"], Decimal(0), district.c).shipping_method.name
    switch(active)
    data = Api().data(OPTIONS, {"id": str(checkout.token)})["checkout"]
    listed = {m["name"] for m in data["availableShippingMethods"]}
    # On: never the pickup at a shop outside the basket. Off: stock lists every method.
    assert (gamma in listed) is not active
    assert bool(data["deliveryOptions"]) is active
    assert bool(Api().data(SLOTS)["deliverySlots"]) is active


@pytest.mark.parametrize("active, codes", [
    (True, ["SHIPPING_METHOD_NOT_APPLICABLE"]),
    (False, []),
])
def test_grouped_delivery_outside_the_zone(district, active, codes):
    checkout = basket(district.a, address=OUTSIDE)
    Api().data(OPTIONS, {"id": str(checkout.token)})
    switch(active)
    assert [e["code"] for e in set_method(checkout, grouped_method())["checkoutErrors"]] == codes


@pytest.mark.parametrize("active, codes", [(True, ["SHIPPING_METHOD_NOT_APPLICABLE"]), (False, [])])
def test_moving_out_of_the_zone_with_grouped_delivery(district, active, codes):
    checkout = basket(district.a)
    Api().data(OPTIONS, {"id": str(checkout.token)})
    assert set_method(checkout, grouped_method())["checkoutErrors"] == []
    switch(active)
    result = Api().data(SET_ADDRESS, {"c": gid(checkout), "a": OUTSIDE})
    assert [e["code"] for e in result["checkoutShippingAddressUpdate"]["checkoutErrors"]] == codes


@pytest.mark.parametrize("active, fee", [(True, 0), (False, 5.9)])
def test_free_delivery_threshold_is_ours_only_while_on(district, active, fee):
    checkout = basket(district.a, district.b, quantity=4)  # 70 EUR: over the threshold
    Api().data(OPTIONS, {"id": str(checkout.token)})
    switch(active)
    result = set_method(checkout, grouped_method())
    assert result["checkoutErrors"] == []
    # Off: the shipping method's own price, as stock Saleor charges it.
    assert result["checkout"]["shippingPrice"]["gross"]["amount"] == fee


def test_no_slot_can_be_chosen_while_off(district):
    checkout = basket(district.a)
    slot = Api().data(SLOTS)["deliverySlots"][0]["id"]
    switch(False)
    errors = Api().data(CHOOSE_SLOT, {"c": gid(checkout), "s": slot})[
        "checkoutDeliverySlotUpdate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("slotId", "METHOD_NOT_OFFERED")]
    assert "suspendue" in errors[0]["message"]
    switch(True)
    ok = Api().data(CHOOSE_SLOT, {"c": gid(checkout), "s": slot})["checkoutDeliverySlotUpdate"]
    assert ok["errors"] == []
