"""Courier rounds over real HTTP (gunicorn + Celery worker): planning a slot, twice at
once; the courier's buttons, the resident's e-mail; the courier's page; the PDF sheet."""
import io
import re
import threading

import pytest
import requests
from graphql_relay import from_global_id, to_global_id
from pypdf import PdfReader

from .test_grouped_delivery_concurrency import (
    CHOOSE, COMPLETE, CREATE, PAY, SET_METHOD, SLOTS, committed,  # noqa: F401 (fixture)
)
from .test_storefront_pages import csrf_session

pytestmark = [pytest.mark.live]

OPERATOR = "admin@paris16.example"
COURIER = "coursier-live@paris16.example"
HOMES = [("40 avenue Mozart", "75016"), ("20 rue de la Pompe", "75116"), ("8 rue Jasmin", "75016")]
PLAN = """mutation($s: ID!, $c: Int){ deliveryRoundPlan(slotId:$s, couriers:$c){
  deliveryRound{ distanceKm perShopDistanceKm routes{ courier stops{ id sequence kind
    merchant{ name } orders{ number } } } }
  errors{ field message code } } }"""
ROUNDS = """query($d: Date){ courierRounds(date:$d){ courier stops{ id kind status name orderNumbers } } }"""


def _variants(count):
    from plugins.local_merchants.models import Merchant, ProductMerchant
    from saleor.product.models import ProductVariant

    shops = Merchant.objects.filter(is_active=True, opening_hours__weekday__lt=5).distinct()
    shops = [s for s in shops.order_by("pk")[:40] if s.opening_hours.count() >= 5][:count]
    variants = []
    for shop in shops:
        link = ProductMerchant.objects.filter(merchant=shop).order_by("product_id").first()
        variant = ProductVariant.objects.filter(product=link.product).first()
        variants.append((shop.name, to_global_id("ProductVariant", variant.pk)))
    return variants


def _basket(api, variant_ids, street, postcode):
    address = {"firstName": "Habitant", "lastName": street.split()[0], "streetAddress1": street,
               "city": "Paris", "postalCode": postcode, "country": "FR"}
    created = api.data(CREATE, {"input": {
        "email": "habitant-tournee@exemple.fr",
        "lines": [{"variantId": v, "quantity": 1} for v in variant_ids],
        "shippingAddress": address, "billingAddress": address}})["checkoutCreate"]
    assert created["checkoutErrors"] == []
    checkout = created["checkout"]
    grouped = next(o for o in checkout["deliveryOptions"] if o["kind"] == "GROUPED_DELIVERY")
    result = api.data(SET_METHOD, {"c": checkout["id"], "m": grouped["shippingMethod"]["id"]})
    checkout["total"] = result["checkoutShippingMethodUpdate"]["checkout"]["totalPrice"]["gross"]["amount"]
    checkout["slots"] = [s["id"] for s in api.data(SLOTS, {"c": checkout["id"]})["deliverySlots"]]
    return checkout


@pytest.fixture
def planned_slot(site_server, committed):
    """Three paid orders of two shops each on one slot."""
    (_, v1), (_, v2), (_, v3) = _variants(3)
    api = site_server.client()
    baskets = [_basket(api, pair, *home) for pair, home in zip(((v1, v2), (v2, v3), (v1, v3)), HOMES)]
    from plugins.grouped_delivery.models import OrderDeliverySlot

    booked = {to_global_id("DeliverySlot", pk)
              for pk in OrderDeliverySlot.objects.values_list("slot_id", flat=True)}
    common = [s for s in baskets[0]["slots"] if all(s in b["slots"] for b in baskets)]
    # A slot of its own: no other test has booked orders on it.
    slot_id = next(s for s in common if s not in booked)
    orders = []
    for checkout in baskets:
        assert api.data(CHOOSE, {"c": checkout["id"], "s": slot_id})[
            "checkoutDeliverySlotUpdate"]["errors"] == []
        assert api.data(PAY, {"c": checkout["id"], "a": checkout["total"]})[
            "checkoutPaymentCreate"]["paymentErrors"] == []
        done = api.data(COMPLETE, {"c": checkout["id"]})["checkoutComplete"]
        assert done["checkoutErrors"] == []
        orders.append(int(from_global_id(done["order"]["id"])[1]))
    if site_server.celery:
        # The worker (one process) sends these orders' e-mails first: wait for the last
        # ones, so that the next tests' e-mails are not queued behind them.
        last = orders[-1]
        site_server.wait_for_mail(lambda m: f"Commande n° {last} à préparer" in m, timeout=180)
        site_server.wait_for_mail(lambda m: "habitant-tournee@exemple.fr" in m and str(last) in m,
                                  timeout=180)
    return slot_id, orders


def _courier_account():
    from saleor.account.models import User

    from plugins.grouped_delivery.courier.access import ensure_courier_group

    user, _ = User.objects.get_or_create(email=COURIER)
    user.set_password("velo-cargo-16")
    user.save()
    user.groups.add(ensure_courier_group())


def test_planning_twice_at_once_keeps_one_whole_plan(site_server, planned_slot):
    from plugins.grouped_delivery.courier.models import PlannedStop, RoundPlan

    slot_id, orders = planned_slot
    clients = [site_server.login(OPERATOR) for _ in range(3)]
    barrier, results = threading.Barrier(3), [None] * 3

    def plan(i):
        barrier.wait()
        results[i] = clients[i].data(PLAN, {"s": slot_id, "c": 2})["deliveryRoundPlan"]

    threads = [threading.Thread(target=plan, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    codes = [[e["code"] for e in r["errors"]] for r in results]
    assert [] in codes and all(c in ([], ["PLAN_IN_PROGRESS"]) for c in codes), codes
    assert ["PLAN_IN_PROGRESS"] in codes, codes  # the solver runs ~1 s: they overlapped
    refused = next(r for r in results if r["errors"])["errors"][0]
    assert refused["field"] == "slotId" and "en cours de planification" in refused["message"]
    slot_pk = int(from_global_id(slot_id)[1])
    plan = RoundPlan.objects.get(slot_id=slot_pk)
    stops = PlannedStop.objects.filter(route__plan=plan)
    delivered = sorted(o for s in stops.exclude(kind="PICKUP") for o in s.orders.values_list("pk", flat=True))
    assert delivered == sorted(orders) and plan.unrouted == []
    winner = next(r for r in results if not r["errors"])["deliveryRound"]
    assert winner["distanceKm"] < winner["perShopDistanceKm"]
    for route in winner["routes"]:
        seen = set()
        for stop in route["stops"]:
            numbers = {o["number"] for o in stop["orders"]}
            if stop["kind"] == "PICKUP":
                seen |= numbers
            else:
                assert numbers <= seen  # rule 8: its pickups came first, on this route


def test_the_courier_rides_the_round(site_server, planned_slot):
    from saleor.order import OrderStatus
    from saleor.order.models import Order

    from plugins.grouped_delivery.models import DeliverySlot
    from plugins.local_merchants.orders.models import MerchantOrder

    slot_id, orders = planned_slot
    operator = site_server.login(OPERATOR)
    assert operator.data(PLAN, {"s": slot_id, "c": 1})["deliveryRoundPlan"]["errors"] == []
    _courier_account()
    courier = site_server.login(COURIER, "velo-cargo-16")
    slot = DeliverySlot.objects.get(pk=int(from_global_id(slot_id)[1]))
    day = slot.start.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris")).date().isoformat()
    rounds = courier.data(ROUNDS, {"d": day})["courierRounds"]
    stops = [s for r in rounds for s in r["stops"] if set(s["orderNumbers"]) & set(orders)]
    pickup = next(s for s in stops if s["kind"] == "PICKUP")
    done = courier.data("""mutation($s: ID!){ courierStopCollected(stopId:$s){ stop{ status }
      errors{ code } } }""", {"s": pickup["id"]})["courierStopCollected"]
    assert done == {"stop": {"status": "DONE"}, "errors": []}
    merchant_name = pickup["name"]
    parts = MerchantOrder.objects.filter(order_id__in=pickup["orderNumbers"], merchant__name=merchant_name)
    assert {p.status for p in parts} == {"HANDED_OVER"}

    first, second = [s for s in stops if s["kind"] == "DELIVERY"][:2]
    delivered = courier.data("""mutation($s: ID!){ courierStopDelivered(stopId:$s){ stop{ status }
      errors{ code } } }""", {"s": first["id"]})["courierStopDelivered"]
    assert delivered["errors"] == []
    assert Order.objects.get(pk=first["orderNumbers"][0]).status == OrderStatus.FULFILLED
    if site_server.celery:
        number = first["orderNumbers"][0]
        site_server.wait_for_mail(lambda m: f"Votre commande n° {number} a été livrée" in m
                                  and "habitant-tournee@exemple.fr" in m)
    # The courier's page: the second delivery, not delivered, with a reason.
    session, token = csrf_session(f"{site_server.url}/coursier/connexion/")
    headers = {"Referer": site_server.url}
    session.post(f"{site_server.url}/coursier/connexion/", data={
        "csrfmiddlewaretoken": token, "email": COURIER, "password": "velo-cargo-16"},
        headers=headers, timeout=60)
    page = session.get(f"{site_server.url}/coursier/?jour={day}", timeout=60)
    assert page.status_code == 200 and "Tournées du jour" in page.text and "<svg" in page.text
    assert "Collecté" in page.text and "Non livré" in page.text
    answer = session.post(f"{site_server.url}/coursier/arret/", data={
        "csrfmiddlewaretoken": token, "stop": second["id"], "action": "not_delivered",
        "reason": "Absent, colis gardé", "jour": day}, headers=headers, timeout=60)
    assert answer.status_code == 200 and "Non livré : Absent, colis gardé" in answer.text
    again = session.post(f"{site_server.url}/coursier/arret/", data={
        "csrfmiddlewaretoken": token, "stop": second["id"], "action": "delivered", "jour": day},
        headers=headers, timeout=60)
    assert again.status_code == 400 and "déjà enregistré" in again.text
    # A resident's account is told the page is for couriers.
    resident = requests.Session()
    assert resident.get(f"{site_server.url}/coursier/", timeout=60, allow_redirects=False
                        ).status_code == 302

    # The printed sheet follows the plan's order and carries the map.
    sheet = operator.data("query($s: ID!){ deliveryRound(slotId:$s){ sheetUrl routes{ stops{ kind merchant{ name } } } } }",
                          {"s": slot_id})["deliveryRound"]
    pdf = requests.get(site_server.url + "/" + sheet["sheetUrl"].split("/", 3)[3],
                       headers={"Authorization": f"JWT {operator.token}"}, timeout=60)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Vélo 1" in text and "Absent, colis gardé" not in text
    flat = " ".join(text.split())
    route = flat[flat.find("Vélo 1"):]
    shops = [s["merchant"]["name"] for s in sheet["routes"][0]["stops"] if s["kind"] == "PICKUP"]
    positions = [route.find("Collecte — " + " ".join(name.split())[:12]) for name in shops]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), (shops, route[:800])
    assert "/XObject" in reader.pages[0]["/Resources"]  # the map, drawn as a vector image
    assert requests.get(site_server.url + "/" + sheet["sheetUrl"].split("/", 3)[3], timeout=60
                        ).status_code == 403
    assert re.search(r"\d+,\d km au total", text)
