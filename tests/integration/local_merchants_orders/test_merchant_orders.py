"""Orders split by shop: parts, what each shopkeeper sees and may do, what the resident sees."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from plugins.local_merchants.orders.models import MerchantOrder
from saleor.checkout.models import Checkout
from plugins.local_merchants.orders.tasks import send_merchant_order_paid

from .conftest import OPERATOR, make_shop, money, place_order, shopkeeper_email

pytestmark = pytest.mark.django_db

MERCHANT_ORDERS = """
query($first: Int, $filter: MerchantOrderFilterInput) {
  merchantOrders(first: $first, filter: $filter) {
    totalCount
    edges { node { id number status isClickAndCollect pickupAt customerFirstName deliverySlot { id }
      merchant { slug } lines { productSku quantity } } }
  }
}
"""
MARK_READY = """
mutation($id: ID!) { merchantOrderMarkReady(id: $id) {
  merchantOrder { id status readyAt } merchantOrderErrors { field message code } } }
"""
ORDER_GROUPS = """
query($token: UUID!) { orderByToken(token: $token) {
  merchantGroups { merchant { slug } status lines { productSku quantity } } } }
"""


@pytest.fixture
def three_shop_order(shops):
    order = place_order([(variant, index + 1) for index, (_, variant) in enumerate(shops)])
    return {"number": str(order.pk), "token": str(order.token), "id": to_global_id("Order", order.pk)}, shops


def part_of(order, merchant):
    return MerchantOrder.objects.get(order_id=int(order["number"]), merchant=merchant)


def test_a_paid_order_is_split_into_one_part_per_shop(three_shop_order):
    order, shops = three_shop_order
    parts = MerchantOrder.objects.filter(order_id=int(order["number"])).order_by("pk")
    assert [p.merchant_id for p in parts] == [m.pk for m, _ in shops]
    for (merchant, variant), part in zip(shops, parts):
        assert [link.order_line.product_sku for link in part.line_links.all()] == [variant.sku]
        assert part.status == "TO_PREPARE" and part.paid_at is not None
        assert part.commission_rate == merchant.commission_rate


def test_a_shopkeeper_sees_only_their_part_without_the_address(api, three_shop_order):
    order, shops = three_shop_order
    (shop_a, variant_a), (shop_b, _), _ = shops
    keeper = api.login(shopkeeper_email(shop_a))
    edges = keeper.data(MERCHANT_ORDERS, {"first": 50})["merchantOrders"]["edges"]
    assert {edge["node"]["merchant"]["slug"] for edge in edges} == {shop_a.slug}
    mine = [e["node"] for e in edges if e["node"]["number"] == order["number"]]
    assert len(mine) == 1
    assert mine[0]["lines"] == [{"productSku": variant_a.sku, "quantity": 1}]
    assert mine[0]["status"] == "TO_PREPARE"
    assert mine[0]["customerFirstName"] is None  # home delivery: the shop needs no name
    # The part type offers no way to the order, the customer or an address.
    for field in ("order", "shippingAddress", "billingAddress", "userEmail", "user"):
        body = keeper.execute("{ merchantOrders(first: 1) { edges { node { %s } } } }" % field)
        assert body.get("errors"), field


def test_the_operator_sees_every_part_and_filters_them(api, three_shop_order):
    order, shops = three_shop_order
    operator = api.login(OPERATOR)
    data = operator.data(MERCHANT_ORDERS, {"first": 100})["merchantOrders"]
    numbers = [e["node"]["number"] for e in data["edges"]]
    assert numbers.count(order["number"]) == 3
    only_b = operator.data(MERCHANT_ORDERS, {
        "first": 100, "filter": {"merchant": to_global_id("Merchant", shops[1][0].pk)},
    })["merchantOrders"]["edges"]
    assert {e["node"]["merchant"]["slug"] for e in only_b} == {shops[1][0].slug}
    ready = operator.data(MERCHANT_ORDERS, {"first": 100, "filter": {"status": ["READY"]}})
    assert ready["merchantOrders"]["totalCount"] == 0


@pytest.mark.parametrize("who", ["anonymous", "customer"])
def test_anonymous_and_customers_are_denied(api, three_shop_order, who):
    from saleor.account.models import User

    client = api
    if who == "customer":
        User.objects.create_user("resident@exemple.fr", "paris16-test")
        client = api.login("resident@exemple.fr")
    body = client.execute(MERCHANT_ORDERS, {"first": 10})
    assert body["data"] is None  # merchantOrders is non-null: the denial nulls the answer
    assert "permission" in body["errors"][0]["message"].lower()
    part = MerchantOrder.objects.first()
    body = client.execute(MARK_READY, {"id": to_global_id("MerchantOrder", part.pk)})
    assert body["errors"] and body["data"]["merchantOrderMarkReady"] is None
    part.refresh_from_db()
    assert part.status == "TO_PREPARE"


def test_mark_ready_own_part_only_and_the_resident_sees_it(api, three_shop_order):
    order, shops = three_shop_order
    (shop_a, _), (shop_b, _), _ = shops
    keeper_a = api.login(shopkeeper_email(shop_a))
    part_a, part_b = part_of(order, shop_a), part_of(order, shop_b)

    # Another shop's part: refused, as for an ID that does not exist, and nothing changes.
    foreign = keeper_a.execute(MARK_READY, {"id": to_global_id("MerchantOrder", part_b.pk)})
    missing = keeper_a.execute(MARK_READY, {"id": to_global_id("MerchantOrder", 987654321)})
    assert foreign == missing
    part_b.refresh_from_db()
    assert part_b.status == "TO_PREPARE" and part_b.ready_at is None

    done = keeper_a.data(MARK_READY, {"id": to_global_id("MerchantOrder", part_a.pk)})
    assert done["merchantOrderMarkReady"]["merchantOrderErrors"] == []
    assert done["merchantOrderMarkReady"]["merchantOrder"]["status"] == "READY"
    first_ready_at = done["merchantOrderMarkReady"]["merchantOrder"]["readyAt"]
    # A second click changes nothing and is not an error.
    again = keeper_a.data(MARK_READY, {"id": to_global_id("MerchantOrder", part_a.pk)})
    assert again["merchantOrderMarkReady"]["merchantOrderErrors"] == []
    assert again["merchantOrderMarkReady"]["merchantOrder"]["readyAt"] == first_ready_at

    groups = api.data(ORDER_GROUPS, {"token": order["token"]})["orderByToken"]["merchantGroups"]
    assert [(g["merchant"]["slug"], g["status"]) for g in groups] == [
        (shop_a.slug, "READY"), (shop_b.slug, "TO_PREPARE"), (shops[2][0].slug, "TO_PREPARE"),
    ]
    assert [line["quantity"] for g in groups for line in g["lines"]] == [1, 2, 3]


def test_mark_ready_of_a_cancelled_order_is_refused_in_french(api, three_shop_order):
    order, shops = three_shop_order
    operator = api.login(OPERATOR)
    cancelled = operator.data(
        "mutation($id: ID!){ orderCancel(id: $id){ orderErrors { code } } }", {"id": order["id"]}
    )
    assert cancelled["orderCancel"]["orderErrors"] == []
    part = part_of(order, shops[0][0])
    assert part.status == "CANCELLED"
    keeper = api.login(shopkeeper_email(shops[0][0]))
    result = keeper.data(MARK_READY, {"id": to_global_id("MerchantOrder", part.pk)})["merchantOrderMarkReady"]
    assert result["merchantOrder"] is None
    assert result["merchantOrderErrors"] == [{
        "field": "id", "code": "INVALID_STATUS",
        "message": "Cette commande est « Annulée » : cette action n'est plus possible ; "
                   "rechargez la liste des commandes.",
    }]
    part.refresh_from_db()
    assert part.status == "CANCELLED" and part.ready_at is None


@pytest.mark.parametrize("bad_id", ["", "not-base64!", to_global_id("Order", 1), to_global_id("MerchantOrder", "x")])
def test_malformed_ids_are_refused_for_the_operator_with_a_code(api, three_shop_order, bad_id):
    operator = api.login(OPERATOR)
    result = operator.data(MARK_READY, {"id": bad_id})["merchantOrderMarkReady"]
    assert result["merchantOrderErrors"][0]["code"] == "NOT_FOUND"
    assert "introuvable" in result["merchantOrderErrors"][0]["message"]
    assert not MerchantOrder.objects.filter(status="READY").exists()


def test_each_shop_gets_a_french_email_listing_what_to_prepare(api, three_shop_order, mailoutbox):
    order, shops = three_shop_order
    for merchant, variant in shops:
        part = part_of(order, merchant)
        assert part.notified_at is not None
        send_merchant_order_paid(part.pk)  # what the worker runs (the live test runs the worker)
        mail = mailoutbox[-1]
        assert mail.to == [merchant.email]
        assert mail.subject == f"Commande n° {order['number']} à préparer"
        assert variant.product.name in mail.body and "Livraison groupée" in mail.body
        assert "rue de Passy" not in mail.body  # never the home address


def test_the_shop_email_says_by_when_once_grouped_delivery_set_the_pickup_time(
    three_shop_order, mailoutbox
):
    from datetime import datetime, timezone

    order, shops = three_shop_order
    part = part_of(order, shops[0][0])
    part.pickup_at = datetime(2030, 3, 5, 9, 30, tzinfo=timezone.utc)  # 10 h 30 in Paris
    part.save(update_fields=["pickup_at"])
    send_merchant_order_paid(part.pk)
    mail = mailoutbox[-1]
    assert mail.subject == f"Commande n° {order['number']} à préparer avant le mardi 5 mars à 10h30"
    assert "À préparer avant le mardi 5 mars à 10h30." in mail.body


def test_listing_costs_the_same_queries_for_one_or_many_orders(api, three_shop_order):
    _, shops = three_shop_order
    for _ in range(3):
        place_order([(variant, 1) for _, variant in shops])
    operator = api.login(OPERATOR)
    operator.data(MERCHANT_ORDERS, {"first": 1})  # warm the per-user caches

    def count(first):
        with CaptureQueriesContext(connection) as queries:
            data = operator.data(MERCHANT_ORDERS, {"first": first})
        assert len(data["merchantOrders"]["edges"]) == first
        return len(queries)

    assert count(1) == count(12)

    def groups_count(first):
        query = "query($n:Int){ orders(first:$n){ edges { node { merchantGroups { status merchant { slug } lines { quantity } } } } } }"
        with CaptureQueriesContext(connection) as queries:
            edges = operator.data(query, {"n": first})["orders"]["edges"]
        assert len(edges) == first
        return len(queries)

    assert groups_count(1) == groups_count(4)


def test_checkout_groups_by_shop_with_subtotals_at_constant_cost(api, shops):
    groups_query = """query($t: UUID!){ checkout(token: $t){
      merchantGroups { merchant { slug } lines { quantity } subtotal { gross { amount } net { amount } } } } }"""

    def groups(count):
        checkout = Checkout.objects.create(email="camille.martin@exemple.fr")
        for _, variant in shops[:count]:
            checkout.lines.create(variant=variant, quantity=2)
        with CaptureQueriesContext(connection) as queries:
            data = api.data(groups_query, {"t": str(checkout.token)})["checkout"]
        subtotal = api.data("query($t: UUID!){ checkout(token: $t){ subtotalPrice { gross { amount } } } }",
                            {"t": str(checkout.token)})["checkout"]["subtotalPrice"]
        return data["merchantGroups"], subtotal, len(queries)

    _, _, one_queries = groups(1)
    three, subtotal, three_queries = groups(3)
    assert [(g["merchant"]["slug"], g["lines"]) for g in three] == [
        (merchant.slug, [{"quantity": 2}]) for merchant, _ in shops
    ]
    assert [money(g["subtotal"]["gross"]["amount"]) for g in three] == [money("20.00")] * 3
    assert sum(money(g["subtotal"]["gross"]["amount"]) for g in three) == money(subtotal["gross"]["amount"])
    # French VAT: HT = TTC / 1.055 for the reduced rate of the test products.
    assert [money(g["subtotal"]["net"]["amount"]) for g in three] == [money("18.96")] * 3
    assert three_queries == one_queries


HAND_OVER = """
mutation($id: ID!) { merchantOrderMarkHandedOver(id: $id) {
  merchantOrder { status } merchantOrderErrors { field code } } }
"""
COLLECTED = """
mutation($id: ID!) { merchantOrderMarkCollected(id: $id) {
  merchantOrder { status } merchantOrderErrors { field code } } }
"""


def test_a_ready_delivery_part_is_handed_over_by_the_operator_only(api, three_shop_order):
    order, shops = three_shop_order
    keeper = api.login(shopkeeper_email(shops[0][0]))
    part = part_of(order, shops[0][0])
    gid = to_global_id("MerchantOrder", part.pk)
    keeper.data(MARK_READY, {"id": gid})

    # The courier's pick-up is the operator's to record: refused in the payload, as not found.
    denied = keeper.data(HAND_OVER, {"id": gid})["merchantOrderMarkHandedOver"]
    assert denied["merchantOrder"] is None
    assert denied["merchantOrderErrors"] == [{"field": "id", "code": "NOT_FOUND"}]
    # A delivery part is handed to the courier, never "collected" by the resident.
    wrong = keeper.data(COLLECTED, {"id": gid})["merchantOrderMarkCollected"]
    assert wrong["merchantOrderErrors"] == [{"field": "id", "code": "NOT_CLICK_AND_COLLECT"}]
    part.refresh_from_db()
    assert part.status == "READY"

    operator = api.login(OPERATOR)
    done = operator.data(HAND_OVER, {"id": gid})["merchantOrderMarkHandedOver"]
    assert done == {"merchantOrder": {"status": "HANDED_OVER"}, "merchantOrderErrors": []}
    groups = api.data(ORDER_GROUPS, {"token": order["token"]})["orderByToken"]["merchantGroups"]
    assert groups[0]["status"] == "HANDED_OVER"


def test_a_click_and_collect_part_is_collected_in_its_own_shop(api, three_shop_order):
    order, shops = three_shop_order
    (shop_a, _), (shop_b, _), _ = shops
    part_a, part_b = part_of(order, shop_a), part_of(order, shop_b)
    MerchantOrder.objects.filter(pk__in=[part_a.pk, part_b.pk]).update(is_click_and_collect=True)
    keeper_a = api.login(shopkeeper_email(shop_a))
    gid_a = to_global_id("MerchantOrder", part_a.pk)

    # Not ready yet: the resident cannot have collected it.
    early = keeper_a.data(COLLECTED, {"id": gid_a})["merchantOrderMarkCollected"]
    assert early["merchantOrderErrors"] == [{"field": "id", "code": "INVALID_STATUS"}]
    # Another shop's part answers like a missing one, and stays as it was.
    foreign = keeper_a.execute(COLLECTED, {"id": to_global_id("MerchantOrder", part_b.pk)})
    missing = keeper_a.execute(COLLECTED, {"id": to_global_id("MerchantOrder", 987654321)})
    assert foreign == missing

    keeper_a.data(MARK_READY, {"id": gid_a})
    done = keeper_a.data(COLLECTED, {"id": gid_a})["merchantOrderMarkCollected"]
    assert done == {"merchantOrder": {"status": "COLLECTED"}, "merchantOrderErrors": []}
    part_b.refresh_from_db()
    assert part_b.status == "TO_PREPARE"
