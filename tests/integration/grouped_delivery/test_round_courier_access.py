"""deliveryRound for couriers: the round, the door each order goes to, and nothing else of
the residents' (no e-mail, phone, account, payment), by every path; others are refused."""
import pytest
from saleor.account.models import Address, User

from plugins.grouped_delivery.courier.access import ensure_courier_group
from plugins.grouped_delivery.geo.models import AddressLocation
from plugins.local_merchants.models import MerchantStaff

from .conftest import Api
from .test_round_plan import PLAN, _courier, ordered, streets  # noqa: F401 (a fixture)

# Each path to an order a round has, with aliases and a fragment: the policy decides on
# the field, whatever name the client gives it.
ROUND = """query($s: ID!){ r: deliveryRound(slotId:$s){
  couriers distanceKm
  routes{ stops{ kind orders{ number mail: userEmail user{ email }
      shippingAddress{ streetAddress1 postalCode firstName phone }
      billingAddress{ streetAddress1 phone } total{ gross{ amount } }
      lines{ productName quantity unitPrice{ gross{ amount } } variant{ id } } } } }
  deliveries{ destination order{ number ...Private } }
  stops{ merchant{ name } lines{ orderNumber productName quantity } }
  unrouted{ number userEmail shippingAddress{ phone } }
  unroutedReasons{ code order{ number userEmail user{ email } } } } }
fragment Private on Order { userEmail shippingAddress{ phone streetAddress1 } }"""
PRIVATE = ("mail", "userEmail", "user", "phone", "billingAddress", "total", "unitPrice",
           "variant")


def _values(tree, key):
    """Every value under `key` in a response, however deep."""
    if isinstance(tree, dict):
        for name, value in tree.items():
            if name == key:
                yield value
            yield from _values(value, key)
    elif isinstance(tree, list):
        for item in tree:
            yield from _values(item, key)


@pytest.fixture
def planned_round(streets):  # noqa: F811 (the imported fixture)
    """A slot with one order routed and one unrouted (its address unknown to the map)."""
    slot_id, routed = ordered(streets, streets.a, streets.b)
    _, lost = ordered(streets, streets.c)
    Address.objects.filter(pk=lost.shipping_address_id).update(street_address_1="x")
    AddressLocation.objects.filter(address_id=lost.shipping_address_id).update(
        latitude=None, longitude=None, precision="UNKNOWN")
    assert Api(streets.operator).data(PLAN, {"s": slot_id})["deliveryRoundPlan"]["errors"] == []
    return slot_id, routed, lost


def test_the_operator_reads_everything(streets, planned_round):  # noqa: F811
    slot_id, routed, lost = planned_round
    body = Api(streets.operator).execute(ROUND, {"s": slot_id})
    assert "errors" not in body
    round_ = body["data"]["r"]
    assert "camille@exemple.fr" in _values(round_, "mail")
    assert "camille@exemple.fr" in _values(round_, "userEmail")
    assert "+33145200000" in _values(round_, "phone")
    assert [o["number"] for o in round_["unrouted"]] == [str(lost.pk)]


def test_a_courier_reads_the_round_without_personal_data(streets, planned_round):  # noqa: F811
    slot_id, routed, lost = planned_round
    round_ = Api(_courier()).execute(ROUND, {"s": slot_id})["data"]["r"]
    # What the ride needs: the stops, the orders' numbers, what to collect, the door.
    assert round_["couriers"] == 1 and round_["distanceKm"] > 0
    stops = round_["routes"][0]["stops"]
    home = next(s for s in stops if s["kind"] == "DELIVERY")
    [order] = home["orders"]
    assert order["number"] == str(routed.pk)
    assert order["shippingAddress"]["streetAddress1"] == "12 rue de Passy"
    assert order["shippingAddress"]["postalCode"] == "75016"
    assert order["lines"] and all(line["quantity"] == 1 for line in order["lines"])
    assert "12 rue de Passy" in round_["deliveries"][0]["destination"]
    assert {s["merchant"]["name"] for s in round_["stops"]} == {"Alpha", "Beta", "Gamma"}
    assert [o["number"] for o in round_["unrouted"]] == [str(lost.pk)]
    assert round_["unroutedReasons"][0]["code"] == "NO_LOCATION"
    # Nothing else of the residents', by any path, alias or fragment.
    for key in PRIVATE:
        leaked = [v for v in _values(round_, key) if v not in (None, [])]
        assert leaked == [], key


def test_a_courier_is_refused_required_private_fields(streets, planned_round):  # noqa: F811
    """A denied field that cannot be null is refused, and takes the round with it."""
    slot_id, _, _ = planned_round
    courier = Api(_courier())
    for fields in ("sheetUrl", "routes{ stops{ orders{ customerNote } } }"):
        body = courier.execute("query($s: ID!){ deliveryRound(slotId:$s){ %s } }" % fields,
                               {"s": slot_id})
        assert body["errors"] and body["data"]["deliveryRound"] is None, fields
    body = courier.execute(PLAN, {"s": slot_id})
    assert body["errors"] and not body["data"]["deliveryRoundPlan"]


def test_a_courier_reads_no_order_by_id(streets, planned_round):  # noqa: F811
    from graphql_relay import to_global_id

    _, routed, _ = planned_round
    body = Api(_courier()).execute(
        "query($id: ID!){ order(id:$id){ userEmail } node(id:$id){ ... on Order { userEmail } } }",
        {"id": to_global_id("Order", routed.pk)})
    assert not [v for v in _values(body.get("data"), "userEmail") if v]


def test_others_cannot_read_a_round(streets, planned_round):  # noqa: F811
    slot_id, _, _ = planned_round
    shopkeeper = User.objects.create_user("alpha@paris16.example", "secret-pass-16", is_staff=True)
    MerchantStaff.objects.create(user=shopkeeper, merchant=streets.a)
    shopkeeper.groups.add(ensure_courier_group())  # even in the group: a shop is not a courier
    staff = User.objects.create_user("equipe@paris16.example", "secret-pass-16", is_staff=True)
    for user in (None, streets.customer, shopkeeper, staff):
        body = Api(user).execute(ROUND, {"s": slot_id})
        assert body.get("errors") and not (body.get("data") or {}).get("r"), user
