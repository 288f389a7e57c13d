"""Reads never write: the slots and shipping methods they show are written with what
they follow (migrations, a shop saved, the plugin's settings saved, the periodic task),
and a read that finds them missing answers without them, writing nothing."""
import json
import re
from copy import deepcopy
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from saleor.plugins.models import PluginConfiguration

from plugins.grouped_delivery.domain.config import CENTRAL_POINT, DAYS_AHEAD, FEE, ROUNDS
from plugins.grouped_delivery.models import DeliveryMethod, DeliverySlot
from plugins.grouped_delivery.plugin import GroupedDeliveryPlugin
from plugins.grouped_delivery.services.settings import PLUGIN_ID
from plugins.grouped_delivery.tasks import materialise_delivery
from storefront_theme import api as storefront_api
from storefront_theme import session

from .conftest import Api, basket, gid
from .test_delivery_options import OPTIONS
from .test_slots_and_complete import choose, first_slot, pick

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
SLOTS = "query($c: ID){ deliverySlots(checkoutId:$c){ id start isAvailable } }"
PLUGIN_UPDATE = """mutation($id: ID!, $input: PluginUpdateInput!){ pluginUpdate(id:$id, input:$input){
  plugin{ id } pluginsErrors{ field message code } } }"""


def writes(captured) -> list:
    return [q["sql"][:120] for q in captured.captured_queries if WRITE.match(q["sql"])]


def read(query, variables=None):
    with CaptureQueriesContext(connection) as captured:
        data = Api().data(query, variables)
    return data, writes(captured)


def test_a_fresh_database_has_the_grouped_method_and_the_coming_slots(db):
    # Written by the post_migrate receiver when the test database was migrated.
    assert DeliveryMethod.objects.filter(kind="GROUPED_DELIVERY").count() == 1
    assert DeliverySlot.objects.filter(start__gt=timezone.now()).exists()


def test_a_new_click_and_collect_shop_gets_its_method_when_saved(district):
    # Created with the shop (click & collect by default), before any read.
    assert DeliveryMethod.objects.filter(merchant=district.a, kind="SHOP_PICKUP").exists()
    DeliveryMethod.objects.filter(merchant=district.c).delete()
    district.c.click_and_collect = False
    district.c.save()
    assert not DeliveryMethod.objects.filter(merchant=district.c).exists()
    district.c.click_and_collect = True
    district.c.save()
    assert DeliveryMethod.objects.filter(merchant=district.c).exists()


def test_anonymous_reads_of_slots_options_and_methods_write_nothing(district):
    checkout = basket(district.a, district.b)
    data, written = read(SLOTS)
    assert data["deliverySlots"] and written == []
    data, written = read(SLOTS, {"c": gid(checkout)})
    assert data["deliverySlots"] and written == []
    data, written = read(OPTIONS, {"id": str(checkout.token)})
    kinds = [option["kind"] for option in data["checkout"]["deliveryOptions"]]
    assert kinds == ["GROUPED_DELIVERY", "CLICK_AND_COLLECT", "CLICK_AND_COLLECT"]
    assert len(data["checkout"]["availableShippingMethods"]) == 3
    assert written == []


def test_reads_answer_without_the_rows_when_nothing_wrote_them(district):
    checkout = basket(district.a)
    DeliverySlot.objects.all().delete()
    DeliveryMethod.objects.filter(merchant=district.a).delete()
    data, written = read(SLOTS, {"c": gid(checkout)})
    assert data["deliverySlots"] == [] and written == []
    data, written = read(OPTIONS, {"id": str(checkout.token)})
    assert [o["kind"] for o in data["checkout"]["deliveryOptions"]] == ["GROUPED_DELIVERY"]
    assert written == []


def test_the_periodic_task_writes_the_coming_slots_once(district):
    DeliverySlot.objects.all().delete()
    materialise_delivery.apply()  # as the worker runs it for beat
    slots = list(DeliverySlot.objects.all())
    # Monday to Saturday, two rounds: 7 days shown plus 2 written ahead hold at least 12.
    assert len(slots) >= 12
    assert max(s.start for s in slots) > timezone.now() + timedelta(days=7)
    DeliverySlot.objects.filter(pk=slots[0].pk).update(taken=3, capacity=5)
    call_command("materialise_delivery", verbosity=0)
    assert DeliverySlot.objects.count() == len(slots)
    kept = DeliverySlot.objects.get(pk=slots[0].pk)
    assert (kept.taken, kept.capacity) == (3, 5)


def test_saving_the_plugin_settings_writes_what_they_call_for(district):
    grouped = DeliveryMethod.objects.get(kind="GROUPED_DELIVERY")
    # Saved once already: without a row, Saleor 2.10 edits the plugin class's default
    # configuration in place, and later tests of this process would see it.
    PluginConfiguration.objects.create(
        identifier=PLUGIN_ID, name=GroupedDeliveryPlugin.PLUGIN_NAME,
        configuration=deepcopy(GroupedDeliveryPlugin.DEFAULT_CONFIGURATION),
    )
    configuration = [
        {"name": FEE, "value": "4.50"},
        {"name": ROUNDS, "value": "1-7 07:00-08:00 3"},
        {"name": DAYS_AHEAD, "value": "3"},
        {"name": CENTRAL_POINT, "value": "Mairie du 16e, 71 avenue Henri-Martin"},
    ]
    result = Api(district.operator).data(
        PLUGIN_UPDATE, {"id": PLUGIN_ID, "input": {"configuration": configuration}}
    )["pluginUpdate"]
    assert result["pluginsErrors"] == []
    grouped.shipping_method.refresh_from_db()
    assert grouped.shipping_method.price_amount == Decimal("4.50")
    assert DeliveryMethod.objects.filter(kind="CENTRAL_PICKUP").exists()
    assert DeliverySlot.objects.filter(start__gt=timezone.now(), capacity=3).exists()
    checkout = basket(district.a)
    data, written = read(OPTIONS, {"id": str(checkout.token)})
    assert written == []
    assert {o["price"]["amount"] for o in data["checkout"]["deliveryOptions"]
            if o["kind"] == "GROUPED_DELIVERY"} == {4.5}
    assert {m["price"]["amount"] for m in data["checkout"]["availableShippingMethods"]
            if m["name"] == grouped.shipping_method.name} == {4.5}
    assert PluginConfiguration.objects.filter(identifier=PLUGIN_ID).exists()


@pytest.fixture
def in_process_storefront(monkeypatch):
    """The storefront's API calls through Django's test client, so that their queries
    are captured with the page's (as bench/storefront_pages.py does)."""
    api_client = Client(HTTP_HOST="127.0.0.1")

    def transport(_url, body, headers):
        extra = {"HTTP_AUTHORIZATION": headers["Authorization"]} if "Authorization" in headers else {}
        return api_client.post("/graphql/", json.dumps(body), content_type="application/json",
                               **extra).json()

    monkeypatch.setattr(storefront_api, "transport", transport)
    cache.clear()
    return Client(HTTP_HOST="127.0.0.1")


def test_the_storefront_pages_write_nothing(district, in_process_storefront):
    checkout = basket(district.a, district.b)
    pick(checkout)
    choose(checkout, first_slot(checkout))
    DeliveryMethod.objects.filter(merchant=district.b).delete()  # as if never written
    in_process_storefront.cookies[session.BASKET_COOKIE] = str(checkout.token)
    for path in ("/", f"/boutiques/{district.a.slug}/", "/panier/", "/commande/"):
        with CaptureQueriesContext(connection) as captured:
            response = in_process_storefront.get(path)
        assert response.status_code == 200, path
        assert writes(captured) == [], path
