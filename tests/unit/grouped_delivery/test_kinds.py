"""Each delivery kind's answers, as tables: offered? refused why? price? slot? round stop?
French words. A new kind adds its rows here."""
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Optional

import pytest
from prices import Money

from plugins.kernel.address import check_address
from plugins.grouped_delivery.domain.config import parse_settings
from plugins.grouped_delivery.domain.errors import DeliveryErrorCode as E
from plugins.grouped_delivery.domain.kinds import KINDS, DeliveryKind, kind_of
from plugins.grouped_delivery.routing.model import StopKind

PASSY = dict(country="FR", city="Paris", postal_code="75016", street_address_1="12 rue de Passy")
IN_ZONE = check_address(**PASSY)
OUTSIDE = check_address(**{**PASSY, "postal_code": "75015"})
SETTINGS = parse_settings({})  # 5,90 €, free from 60 €, 25 kg at most, no central point
CENTRAL = parse_settings({"central_point": "Mairie du 16e, 71 avenue Henri-Martin, 75116 Paris"})


def shop(pk, name="Alpha", click_and_collect=True, is_active=True):
    address = SimpleNamespace(street_address_1=f"{pk} rue de l'Annonciation", street_address_2="",
                              postal_code="75016", city="PARIS")
    return SimpleNamespace(pk=pk, name=name, phone="+33145200000", address=address,
                           click_and_collect=click_and_collect, is_active=is_active)


A, B = shop(1, "Alpha"), shop(2, "Beta")
NO_PICKUP, CLOSED_DOWN = shop(3, "Gamma", click_and_collect=False), shop(4, "Delta", is_active=False)


@dataclass
class Basket:
    merchant_ids: set = field(default_factory=lambda: {A.pk})
    has_operator_items: bool = False
    zone: Optional[object] = IN_ZONE
    weight_kg: Decimal = Decimal("2")
    subtotal_gross: Money = field(default_factory=lambda: Money(Decimal("20.00"), "EUR"))
    settings: object = SETTINGS


GROUPED, SHOP, CENTRAL_KIND = KINDS["GROUPED_DELIVERY"], KINDS["SHOP_PICKUP"], KINDS["CENTRAL_PICKUP"]


def test_the_registry_is_keyed_by_the_stored_codes_and_keeps_the_public_values():
    assert list(KINDS) == ["GROUPED_DELIVERY", "SHOP_PICKUP", "CENTRAL_PICKUP"]
    assert all(kind_of(code).code == code for code in KINDS)
    # The contract's DeliveryKind has two values; every kind is one of them.
    assert {k.option_kind for k in KINDS.values()} == {"GROUPED_DELIVERY", "CLICK_AND_COLLECT"}
    with pytest.raises(KeyError):
        kind_of("DRONE")


@pytest.mark.parametrize("kind, label, option_kind, stop, per_shop, to_the_door, in_shop", [
    (GROUPED, "Livraison groupée", "GROUPED_DELIVERY", StopKind.DELIVERY, False, True, False),
    (SHOP, "Retrait en boutique", "CLICK_AND_COLLECT", StopKind.DROP_OFF, True, False, True),
    (CENTRAL_KIND, "Retrait au point central", "CLICK_AND_COLLECT", StopKind.DROP_OFF,
     False, False, False),
])
def test_what_each_kind_is(kind, label, option_kind, stop, per_shop, to_the_door, in_shop):
    assert (kind.label, kind.option_kind, kind.stop_kind) == (label, option_kind, stop)
    assert (kind.per_shop, kind.to_the_door, kind.collected_in_shop) == (per_shop, to_the_door, in_shop)


@pytest.mark.parametrize("kind, settings, the_shop, offered", [
    (GROUPED, SETTINGS, None, True),
    (SHOP, SETTINGS, A, True),
    (SHOP, SETTINGS, NO_PICKUP, False),
    (SHOP, SETTINGS, None, False),
    (CENTRAL_KIND, SETTINGS, None, False),  # no central point configured
    (CENTRAL_KIND, CENTRAL, None, True),
])
def test_offered(kind, settings, the_shop, offered):
    assert kind.offered(settings, the_shop) is offered


@pytest.mark.parametrize("kind, basket, the_shop, code, field", [
    (GROUPED, Basket(), None, None, ""),
    (GROUPED, Basket(zone=None), None, E.ADDRESS_REQUIRED, "shipping_address"),
    (GROUPED, Basket(zone=OUTSIDE), None, E.OUTSIDE_ZONE, ""),
    (GROUPED, Basket(weight_kg=Decimal("25")), None, None, ""),  # the limit itself is accepted
    (GROUPED, Basket(weight_kg=Decimal("25.01")), None, E.TOO_HEAVY, ""),
    (SHOP, Basket(zone=OUTSIDE), A, None, ""),  # collecting needs no address in the 16e
    (SHOP, Basket(zone=None), A, None, ""),
    (SHOP, Basket(weight_kg=Decimal("80")), A, None, ""),
    (SHOP, Basket(), B, E.SHOP_NOT_IN_BASKET, ""),
    (SHOP, Basket(merchant_ids={NO_PICKUP.pk}), NO_PICKUP, E.NO_CLICK_AND_COLLECT, ""),
    (SHOP, Basket(merchant_ids={CLOSED_DOWN.pk}), CLOSED_DOWN, E.NO_CLICK_AND_COLLECT, ""),
    (CENTRAL_KIND, Basket(), None, E.METHOD_NOT_OFFERED, ""),
    (CENTRAL_KIND, Basket(settings=CENTRAL, zone=OUTSIDE), None, None, ""),
])
def test_refusal(kind, basket, the_shop, code, field):
    refused = kind.refusal(basket, the_shop)
    assert (refused.code, refused.field) == (code, field) if code else refused is None


def test_outside_the_zone_the_resident_reads_why():
    refused = GROUPED.refusal(Basket(zone=OUTSIDE))
    assert refused.message == OUTSIDE.message and "16e" in refused.message


@pytest.mark.parametrize("kind, subtotal, weight, price", [
    (GROUPED, "20.00", "2", "5.90"),
    (GROUPED, "59.99", "2", "5.90"),
    (GROUPED, "60.00", "2", "0.00"),  # free from the threshold on
    (GROUPED, "20.00", "30", "5.90"),  # too heavy: priced anyway, the refusal keeps it out
    (SHOP, "20.00", "2", "0"),
    (CENTRAL_KIND, "20.00", "2", "0"),
])
def test_price(kind, subtotal, weight, price):
    basket = Basket(subtotal_gross=Money(Decimal(subtotal), "EUR"), weight_kg=Decimal(weight))
    assert kind.price_for(basket) == Decimal(price)


@pytest.mark.parametrize("kind, basket, the_shop, needs_slot", [
    (GROUPED, Basket(), None, True),
    (CENTRAL_KIND, Basket(settings=CENTRAL), None, True),
    (SHOP, Basket(merchant_ids={A.pk}), A, False),  # the whole basket is the shop's
    (SHOP, Basket(merchant_ids={A.pk, B.pk}), A, True),  # the round brings B's part to A
    # The operator's own products come from no shop: the round brings them (issue 14's bug).
    (SHOP, Basket(merchant_ids={A.pk}, has_operator_items=True), A, True),
])
def test_needs_slot(kind, basket, the_shop, needs_slot):
    assert kind.needs_slot(basket, the_shop) is needs_slot


def test_option_labels_are_french():
    assert GROUPED.option_label(Basket(), None, Decimal("5.90")) == "Livraison groupée dans le 16e"
    assert GROUPED.option_label(Basket(), None, Decimal(0)) == "Livraison groupée dans le 16e (offerte)"
    alone = SHOP.option_label(Basket(), A, Decimal(0), "lundi 09:00-19:00")
    assert alone == ("Retrait gratuit chez Alpha, 1 rue de l'Annonciation, 75016 Paris "
                     "(lundi 09:00-19:00)")
    with_operator = SHOP.option_label(Basket(has_operator_items=True), A, Decimal(0))
    assert with_operator.endswith("(horaires à confirmer) : les articles des autres boutiques "
                                  "y sont apportés par la tournée choisie")
    assert CENTRAL_KIND.option_label(Basket(settings=CENTRAL), None, Decimal(0)) == (
        "Retrait gratuit de tout le panier au point central : "
        "Mairie du 16e, 71 avenue Henri-Martin, 75116 Paris")


@pytest.mark.parametrize("kind, the_shop, name", [
    (GROUPED, None, "Livraison groupée dans le 16e"),
    (SHOP, A, "Retrait en boutique — Alpha"),
    (CENTRAL_KIND, None, "Retrait au point central du 16e"),
])
def test_method_names(kind, the_shop, name):
    assert kind.method_name(the_shop) == name


def test_where_the_resident_collects_and_where_the_round_leaves_the_order():
    assert GROUPED.place(CENTRAL) == "" and GROUPED.drop_point(CENTRAL) is None
    assert SHOP.place(SETTINGS, A) == "Alpha, 1 rue de l'Annonciation, 75016 Paris"
    at_shop = SHOP.drop_point(SETTINGS, A)
    assert (at_shop.shop_id, at_shop.name, at_shop.address, at_shop.phone) == (
        A.pk, "Alpha", "1 rue de l'Annonciation, 75016 Paris", "+33145200000")
    assert at_shop.destination == "Déposer chez Alpha, 1 rue de l'Annonciation"
    assert CENTRAL_KIND.place(CENTRAL) == "Mairie du 16e, 71 avenue Henri-Martin, 75116 Paris"
    central = CENTRAL_KIND.drop_point(CENTRAL)
    assert central.shop_id is None and central.address == CENTRAL.central_point
    assert central.destination == (
        "Déposer au point de retrait central : Mairie du 16e, 71 avenue Henri-Martin, 75116 Paris")


def test_a_new_kind_is_one_class():
    """What adding a kind takes: a class answering what differs (here, a hypothetical
    paid express delivery); the base class answers the rest."""

    class Express(DeliveryKind):
        code, label, option_kind, stop_kind = "EXPRESS", "Express", "GROUPED_DELIVERY", StopKind.DELIVERY
        to_the_door = True

        def price(self, rules, subtotal_gross, weight_kg):
            return rules.fee * 2

        def option_label(self, basket, shop, price, opening_hours=""):
            return f"Express ({price} €)"

    express = Express()
    assert express.refusal(Basket()) is None and express.needs_slot(Basket())
    assert express.price_for(Basket()) == Decimal("11.80")
    assert express.method_name() == "Express" and express.drop_point(SETTINGS) is None
