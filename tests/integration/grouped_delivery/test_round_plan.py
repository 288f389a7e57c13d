"""Courier rounds on the real database: locations on save, the BAN import, planning a slot
(and refusing bad requests, writing nothing), the courier's buttons, the town hall figures."""
import io
from datetime import timedelta

import pytest
from django.contrib.sites.models import Site
from django.core.management import call_command
from graphql_relay import to_global_id
from saleor.account.models import Address, User
from saleor.order import OrderStatus
from saleor.order.models import Order

from plugins.grouped_delivery.courier.access import ensure_courier_group
from plugins.grouped_delivery.courier.models import PlannedStop, RoundPlan
from plugins.grouped_delivery.geo.demo import load_demo_addresses
from plugins.grouped_delivery.geo.models import AddressLocation, KnownAddress
from plugins.grouped_delivery.tasks import send_order_delivered
from plugins.local_merchants.models import MerchantStaff
from plugins.local_merchants.orders.models import MerchantOrder

from .conftest import IN_ZONE, Api, basket
from .test_slots_and_complete import choose, first_slot, pay_and_complete, pick

PLAN = """mutation($s: ID!, $c: Int){ deliveryRoundPlan(slotId:$s, couriers:$c){
  deliveryRound{ distanceKm perShopDistanceKm couriers unrouted{ id }
    unroutedReasons{ code message order{ id } }
    routes{ courier distanceKm durationMinutes stops{ id sequence kind arrival status
      merchant{ name location{ latitude longitude } } orders{ number } location{ latitude } } } }
  errors{ field message code } } }"""
ROUNDS = """query($d: Date){ courierRounds(date:$d){ courier distanceKm mapSvg
  stops{ id sequence kind status name address phone orderNumbers bags
    items{ orderNumber productName quantity } } } }"""
COLLECTED = """mutation($s: ID!){ courierStopCollected(stopId:$s){ stop{ status }
  errors{ field message code } } }"""
DELIVERED = """mutation($s: ID!){ courierStopDelivered(stopId:$s){ stop{ status }
  errors{ field message code } } }"""
NOT_DELIVERED = """mutation($s: ID!, $r: String!){ courierStopNotDelivered(stopId:$s, reason:$r){
  stop{ status reason } errors{ field message code } } }"""
STREETS = {"shop-a": "10 rue de Passy", "shop-b": "30 avenue Mozart", "shop-c": "5 rue Jasmin"}


def _move(merchant, line, postcode="75016"):
    address = merchant.address
    address.street_address_1, address.postal_code = line, postcode
    address.save()


@pytest.fixture
def streets(district):
    """The demo street table, the three shops on real streets, the hub at the town hall."""
    load_demo_addresses()
    for merchant in (district.a, district.b, district.c):
        _move(merchant, STREETS[merchant.slug])
    settings = Site.objects.get_current().settings
    settings.company_address = Address.objects.create(
        street_address_1="71 avenue Henri-Martin", postal_code="75116", city="PARIS", country="FR")
    settings.save()
    return district


def ordered(district, *merchants, address=IN_ZONE):
    checkout = basket(*merchants, address=address)
    total = pick(checkout)
    slot_id = first_slot(checkout)
    choose(checkout, slot_id)
    order = pay_and_complete(checkout, total)["order"]
    return slot_id, Order.objects.get(pk=int(order["number"]))


def test_addresses_are_located_when_saved_and_say_how_precisely(streets):
    located = AddressLocation.objects.get(address=streets.a.address)
    assert located.precision == "HOUSENUMBER" and located.latitude
    _move(streets.a, "999 rue de Passy")
    assert AddressLocation.objects.get(address=streets.a.address).precision == "STREET"
    _move(streets.a, "1 impasse Imaginaire")
    assert AddressLocation.objects.get(address=streets.a.address).precision == "POSTCODE"
    _move(streets.a, "1 rue de Rivoli", "75001")
    unknown = AddressLocation.objects.get(address=streets.a.address)
    assert (unknown.precision, unknown.latitude) == ("UNKNOWN", None)
    merchant = Api().data("query($s: String){ merchant(slug:$s){ location{ latitude } } }",
                          {"s": streets.a.slug})["merchant"]
    assert merchant == {"location": None}


def test_import_ban_keeps_the_16th_and_relocates(streets, tmp_path):
    from tests.unit.grouped_delivery.test_geo import BAN

    path = tmp_path / "adresses-75.csv"
    path.write_text(BAN, encoding="utf-8")
    _move(streets.a, "3 avenue Kléber", "75116")
    out = io.StringIO()
    call_command("import_ban", str(path), stdout=out)
    assert "4 adresses du 16e gardées (3 distinctes)" in out.getvalue()
    assert KnownAddress.objects.filter(source="BAN").count() == 3
    kleber = KnownAddress.objects.get(source="BAN", street="Avenue Kléber")
    located = AddressLocation.objects.get(address=streets.a.address)
    assert (located.latitude, located.longitude, located.precision) == (
        kleber.latitude, kleber.longitude, "HOUSENUMBER")
    path.write_text("id;nom\n1;x\n", encoding="utf-8")
    with pytest.raises(Exception, match="colonnes absentes"):
        call_command("import_ban", str(path), stdout=io.StringIO())


def test_the_operator_plans_a_slot_pickups_first(streets):
    slot_id, order = ordered(streets, streets.a, streets.b)
    result = Api(streets.operator).data(PLAN, {"s": slot_id, "c": 2})["deliveryRoundPlan"]
    assert result["errors"] == []
    plan = result["deliveryRound"]
    assert plan["couriers"] == 2 and plan["unrouted"] == []
    [route] = plan["routes"]  # one order: one bike is enough
    kinds = [(s["kind"], (s["merchant"] or {}).get("name")) for s in route["stops"]]
    assert sorted(kinds[:2]) == [("PICKUP", "Alpha"), ("PICKUP", "Beta")]
    assert kinds[2] == ("DELIVERY", None)
    assert [s["sequence"] for s in route["stops"]] == [1, 2, 3]
    assert route["stops"][2]["orders"] == [{"number": str(order.pk)}]
    assert plan["distanceKm"] == route["distanceKm"] > 0 and plan["perShopDistanceKm"] > 0
    assert route["stops"][0]["merchant"]["location"]["latitude"] > 48.8
    # Shops learn when the courier comes.
    pickup_at = {p.merchant_id: p.pickup_at for p in MerchantOrder.objects.filter(order=order)}
    assert pickup_at[streets.a.pk] is not None
    # Planned again (e.g. a new order): the plan is replaced, not added to.
    Api(streets.operator).data(PLAN, {"s": slot_id, "c": None})
    assert RoundPlan.objects.count() == 1 and PlannedStop.objects.count() == 3
    assert RoundPlan.objects.get().couriers == 2


def test_unplaceable_orders_are_listed_with_their_reason(streets):
    far = {**IN_ZONE, "streetAddress1": "1 impasse Inconnue"}
    slot_id, placed = ordered(streets, streets.a)
    Address.objects.filter(pk=placed.shipping_address_id).update(street_address_1="x")
    AddressLocation.objects.filter(address_id=placed.shipping_address_id).update(
        latitude=None, longitude=None, precision="UNKNOWN")
    _, other = ordered(streets, streets.b, address=far)  # placed at the postcode's centre
    plan = Api(streets.operator).data(PLAN, {"s": slot_id})["deliveryRoundPlan"]["deliveryRound"]
    [reason] = plan["unroutedReasons"]
    assert reason["code"] == "NO_LOCATION" and "inconnue de la carte" in reason["message"]
    assert plan["unrouted"] == [{"id": to_global_id("Order", placed.pk)}]
    assert [s["orders"] for s in plan["routes"][0]["stops"]][-1] == [{"number": str(other.pk)}]


@pytest.mark.parametrize("variables, code", [
    ({"c": 0}, "INVALID_COURIERS"), ({"c": 11}, "INVALID_COURIERS"), ({"c": -1}, "INVALID_COURIERS"),
])
def test_bad_plan_requests_change_nothing(streets, variables, code):
    slot_id, _ = ordered(streets, streets.a)
    result = Api(streets.operator).data(PLAN, {"s": slot_id, **variables})["deliveryRoundPlan"]
    assert [e["code"] for e in result["errors"]] == [code]
    assert result["errors"][0]["field"] == "couriers" and result["errors"][0]["message"]
    assert RoundPlan.objects.count() == 0


def test_a_slot_without_orders_or_unknown_is_refused(streets):
    from plugins.grouped_delivery.models import DeliverySlot
    from plugins.grouped_delivery.services.slots import upcoming_slots
    from plugins.grouped_delivery.services.settings import delivery_settings
    from django.utils import timezone

    slot = upcoming_slots(delivery_settings(), timezone.now())[0]
    empty = to_global_id("DeliverySlot", slot.pk)
    for slot_id, code in ((empty, "NO_ORDERS"), (to_global_id("DeliverySlot", 99999), "NOT_FOUND"),
                          ("not-an-id", "NOT_FOUND"), (to_global_id("Order", slot.pk), "NOT_FOUND")):
        result = Api(streets.operator).data(PLAN, {"s": slot_id})["deliveryRoundPlan"]
        assert [e["code"] for e in result["errors"]] == [code], slot_id
    assert RoundPlan.objects.count() == 0 and DeliverySlot.objects.exists()


def test_only_the_operator_plans(streets):
    slot_id, _ = ordered(streets, streets.a)
    shopkeeper = User.objects.create_user("alpha@paris16.example", "secret-pass-16", is_staff=True)
    MerchantStaff.objects.create(user=shopkeeper, merchant=streets.a)
    courier = _courier()
    for user in (None, streets.customer, shopkeeper, courier):
        body = Api(user).execute(PLAN, {"s": slot_id})
        assert body.get("errors") and not (body.get("data") or {}).get("deliveryRoundPlan")
    assert RoundPlan.objects.count() == 0


def _courier():
    user = User.objects.create_user("velo@paris16.example", "secret-pass-16")
    user.groups.add(ensure_courier_group())
    return User.objects.get(pk=user.pk)


def test_the_courier_buttons(streets, mailoutbox):
    slot_id, order = ordered(streets, streets.a, streets.b)
    _, other = ordered(streets, streets.c)
    Api(streets.operator).data(PLAN, {"s": slot_id, "c": 1})
    courier = Api(_courier())
    day = RoundPlan.objects.get().slot.start.astimezone(
        __import__("zoneinfo").ZoneInfo("Europe/Paris")).date().isoformat()
    [round_] = courier.data(ROUNDS, {"d": day})["courierRounds"]
    assert round_["mapSvg"].startswith("<svg") and "Plan de la tourn" in round_["mapSvg"]
    stops = round_["stops"]
    pickup = next(s for s in stops if s["kind"] == "PICKUP" and s["name"] == "Alpha")
    assert pickup["items"] == [{"orderNumber": order.pk, "productName": "Produit Alpha", "quantity": 1}]
    assert pickup["address"] == "10 rue de Passy, 75016 Paris"
    home = next(s for s in stops if s["kind"] == "DELIVERY" and s["orderNumbers"] == [order.pk])
    assert home["name"] == "Camille Martin" and home["bags"] == 2 and "12 rue de Passy" in home["address"]

    assert courier.data(DELIVERED, {"s": pickup["id"]})["courierStopDelivered"]["errors"][0][
        "code"] == "NOT_A_DELIVERY"
    assert courier.data(COLLECTED, {"s": pickup["id"]})["courierStopCollected"] == {
        "stop": {"status": "DONE"}, "errors": []}
    assert MerchantOrder.objects.get(order=order, merchant=streets.a).status == "HANDED_OVER"
    assert MerchantOrder.objects.get(order=order, merchant=streets.b).status == "TO_PREPARE"
    again = courier.data(COLLECTED, {"s": pickup["id"]})["courierStopCollected"]
    assert again["errors"][0]["code"] == "ALREADY_DONE"

    assert courier.data(DELIVERED, {"s": home["id"]})["courierStopDelivered"]["errors"] == []
    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
    send_order_delivered(order.pk)  # what the worker runs after the commit (see the live test)
    assert mailoutbox[-1].subject == f"Votre commande n° {order.pk} a été livrée"
    assert mailoutbox[-1].to == ["camille@exemple.fr"] and "12 rue de Passy" in mailoutbox[-1].body

    other_home = next(s for s in stops if s["kind"] == "DELIVERY" and s["orderNumbers"] == [other.pk])
    blank = courier.data(NOT_DELIVERED, {"s": other_home["id"], "r": "   "})
    assert blank["courierStopNotDelivered"]["errors"][0]["code"] == "REASON_REQUIRED"
    failed = courier.data(NOT_DELIVERED, {"s": other_home["id"], "r": "Absent, pas de gardien"})
    assert failed["courierStopNotDelivered"]["stop"] == {"status": "FAILED",
                                                         "reason": "Absent, pas de gardien"}
    other.refresh_from_db()
    assert other.status != OrderStatus.FULFILLED
    seen = Api(streets.operator).data(
        "query($s: ID!){ deliveryRound(slotId:$s){ routes{ stops{ status reason } } } }",
        {"s": slot_id})["deliveryRound"]["routes"][0]["stops"]
    assert {"status": "FAILED", "reason": "Absent, pas de gardien"} in seen
    # Re-planning a started round is refused, and nothing changes.
    refused = Api(streets.operator).data(PLAN, {"s": slot_id})["deliveryRoundPlan"]["errors"]
    assert [e["code"] for e in refused] == ["ROUND_STARTED"]
    assert PlannedStop.objects.filter(status="DONE").count() == 2


def test_others_cannot_press_the_buttons_or_read_rounds(streets):
    slot_id, order = ordered(streets, streets.a)
    Api(streets.operator).data(PLAN, {"s": slot_id})
    stop = PlannedStop.objects.filter(kind="PICKUP").first()
    stop_id = to_global_id("RouteStop", stop.pk)
    shopkeeper = User.objects.create_user("alpha@paris16.example", "secret-pass-16", is_staff=True)
    MerchantStaff.objects.create(user=shopkeeper, merchant=streets.a)
    shopkeeper.groups.add(ensure_courier_group())  # even in the group: a shop is not a courier
    for user in (None, streets.customer, shopkeeper):
        for query, variables in ((COLLECTED, {"s": stop_id}), (ROUNDS, {})):
            body = Api(user).execute(query, variables)
            assert body.get("errors"), (user, query)
    stop.refresh_from_db()
    assert stop.status == "PLANNED"
    assert MerchantOrder.objects.get(order=order).status == "TO_PREPARE"
    for bad in ("bad", to_global_id("Order", stop.pk), to_global_id("RouteStop", 10 ** 9)):
        errors = Api(_courier() if bad == "bad" else User.objects.get(email="velo@paris16.example")
                     ).data(COLLECTED, {"s": bad})["courierStopCollected"]["errors"]
        assert [e["code"] for e in errors] == ["NOT_FOUND"]


def test_town_hall_figures(streets):
    slot_id, _ = ordered(streets, streets.a, streets.b)
    ordered(streets, streets.b, streets.c)
    assert Api(streets.operator).data(PLAN, {"s": slot_id})["deliveryRoundPlan"]["errors"] == []
    plan = RoundPlan.objects.get()
    month = plan.slot.start.strftime("%Y-%m")
    query = """query($m: String!){ roundFigures(month:$m){
      month{ period slots orders shopsServed distanceKm perShopDistanceKm savedKm }
      slots{ orders shopsServed } } }"""
    figures = Api(streets.operator).data(query, {"m": month})["roundFigures"]
    total = figures["month"]
    assert (total["slots"], total["orders"], total["shopsServed"]) == (1, 2, 3)
    assert total["savedKm"] == round(total["perShopDistanceKm"] - total["distanceKm"], 1)
    assert figures["slots"] == [{"orders": 2, "shopsServed": 3}]
    assert Api(streets.customer).execute(query, {"m": month}).get("errors")
    assert Api(streets.operator).execute(query, {"m": "décembre"}).get("errors")


def test_the_operator_sees_the_addresses_the_map_places_only_roughly(streets):
    _move(streets.c, "1 impasse Imaginaire")  # postcode only
    slot_id, order = ordered(streets, streets.a, address={**IN_ZONE, "streetAddress1": "200 rue de Passy"})
    query = """{ addressesToCheck{ precision address message merchant{ name } order{ id } } }"""
    found = Api(streets.operator).data(query)["addressesToCheck"]
    assert {"precision": "POSTCODE", "address": "1 impasse Imaginaire, 75016 PARIS",
            "message": "1 impasse Imaginaire, 75016 PARIS : au code postal près (rue inconnue).",
            "merchant": {"name": "Gamma"}, "order": None} in found
    [street_only] = [f for f in found if f["order"]]
    assert (street_only["precision"], street_only["order"]["id"]) == (
        "STREET", to_global_id("Order", order.pk))
    assert "Alpha" not in {(f["merchant"] or {}).get("name") for f in found}
    location = Api().data("query($s: String){ merchant(slug:$s){ location{ precision } } }",
                          {"s": streets.c.slug})["merchant"]["location"]
    assert location == {"precision": "POSTCODE"}
    assert Api(streets.customer).execute(query).get("errors")


CENTRAL = "Mairie du 16e, 71 avenue Henri-Martin, 75116 Paris"
DELIVERIES = """query($s: ID!){ deliveryRound(slotId:$s){ deliveries{ kind destination } } }"""


def test_a_central_pickup_rides_the_round_to_the_central_point(streets):
    """The central collection point, once the operator sets it: offered with a slot, left
    there by the round (a located DROP_OFF), named on the sheet and the courier's page."""
    from saleor.plugins.models import PluginConfiguration

    from plugins.grouped_delivery.services.settings import PLUGIN_ID

    PluginConfiguration.objects.create(identifier=PLUGIN_ID, name="Livraison groupée du 16e",
                                       active=True, configuration=[
                                           {"name": "central_point", "value": CENTRAL}])
    checkout = basket(streets.a)
    total = pick(checkout, "CLICK_AND_COLLECT", None)  # the central point: no shop
    slot_id = first_slot(checkout)
    assert choose(checkout, slot_id)["errors"] == []
    order = pay_and_complete(checkout, total)["order"]

    result = Api(streets.operator).data(PLAN, {"s": slot_id, "c": 1})["deliveryRoundPlan"]
    assert result["errors"] == [] and result["deliveryRound"]["unrouted"] == []
    [route] = result["deliveryRound"]["routes"]
    assert [(s["kind"], (s["merchant"] or {}).get("name")) for s in route["stops"]] == [
        ("PICKUP", "Alpha"), ("DROP_OFF", None)]
    assert route["stops"][1]["location"]["latitude"] > 48.8  # the town hall, located
    sheet = Api(streets.operator).data(DELIVERIES, {"s": slot_id})["deliveryRound"]
    assert sheet["deliveries"] == [{"kind": "CLICK_AND_COLLECT",
                                    "destination": f"Déposer au point de retrait central : {CENTRAL}"}]
    day = RoundPlan.objects.get().slot.start.astimezone(
        __import__("zoneinfo").ZoneInfo("Europe/Paris")).date().isoformat()
    [round_] = Api(_courier()).data(ROUNDS, {"d": day})["courierRounds"]
    drop = next(s for s in round_["stops"] if s["kind"] == "DROP_OFF")
    assert (drop["name"], drop["address"], drop["orderNumbers"]) == (
        "Point de retrait central", CENTRAL, [int(order["number"])])
