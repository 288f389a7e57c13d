"""The isolation policy, decided on plain facts (no database)."""
import base64

import pytest

from plugins.kernel.global_ids import NodeRef
from plugins.local_merchants.isolation import policy
from plugins.local_merchants.isolation.policy import Decision, Role, ScopeKind

A, B = 1, 2
SHOPKEEPER_A = policy.actor(is_authenticated=True, is_staff=True, merchant_id=A)
OPERATOR = policy.actor(is_authenticated=True, is_staff=True, can_manage_merchants=True)
SUPERUSER_IN_SHOP = policy.actor(is_authenticated=True, is_superuser=True, merchant_id=A)
STAFF = policy.actor(is_authenticated=True, is_staff=True)
CUSTOMER = policy.actor(is_authenticated=True)
ANONYMOUS = policy.actor(is_authenticated=False)
APP = policy.actor(is_authenticated=False, is_app=True)


def gid(type_name, pk):
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


# Who owns what in these tables.
OWNERS = {
    NodeRef("Product", "10"): A, NodeRef("Product", "20"): B, NodeRef("Product", "30"): None,
    NodeRef("ProductVariant", "11"): A, NodeRef("ProductVariant", "21"): B,
    NodeRef("Warehouse", "wa"): A, NodeRef("Warehouse", "wb"): B,
    NodeRef("OrderLine", "40"): A, NodeRef("OrderLine", "50"): B,
    NodeRef("ProductImage", "12"): A, NodeRef("ProductImage", "22"): B,
    NodeRef("Merchant", "1"): A, NodeRef("Merchant", "2"): B,
}


def lookup(refs):
    return {ref: OWNERS.get(ref) for ref in refs}


@pytest.mark.parametrize("who, role", [
    (SHOPKEEPER_A, Role.SHOPKEEPER), (OPERATOR, Role.OPERATOR), (SUPERUSER_IN_SHOP, Role.OPERATOR),
    (STAFF, Role.STAFF), (CUSTOMER, Role.CUSTOMER), (ANONYMOUS, Role.ANONYMOUS), (APP, Role.STAFF),
    # A membership narrows even an account that is not (or no longer) staff.
    (policy.actor(is_authenticated=True, merchant_id=B), Role.SHOPKEEPER),
])
def test_roles(who, role):
    assert who.role is role


CASES = [
    # (actor, operation, field, args, decision)
    (SHOPKEEPER_A, "mutation", "productUpdate", {"id": gid("Product", 10)}, Decision.ALLOW),
    (SHOPKEEPER_A, "mutation", "productUpdate", {"id": gid("Product", 20)}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productUpdate", {"id": gid("Product", 30)}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productUpdate", {"id": gid("Product", 999)}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productUpdate", {"id": "not base64!"}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productUpdate", {"id": gid("Order", 1)}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productUpdate", {"id": "UHJvZHVjdA=="}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productBulkDelete",
     {"ids": [gid("Product", 10), gid("Product", 10)]}, Decision.ALLOW),
    # One foreign target in a bulk is enough to refuse it all.
    (SHOPKEEPER_A, "mutation", "productBulkDelete",
     {"ids": [gid("Product", 10), gid("Product", 20)]}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productCreate",
     {"input": {"product_type": gid("ProductType", 1)}}, Decision.ALLOW_NEW_PRODUCT_IN_SHOP),
    (SHOPKEEPER_A, "mutation", "productCreate",
     {"input": {"stocks": [{"warehouse": gid("Warehouse", "wa")}]}}, Decision.ALLOW_NEW_PRODUCT_IN_SHOP),
    (SHOPKEEPER_A, "mutation", "productCreate",
     {"input": {"stocks": [{"warehouse": gid("Warehouse", "wb")}]}}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productVariantCreate",
     {"input": {"product": gid("Product", 10), "stocks": [{"warehouse": gid("Warehouse", "wb")}]}},
     Decision.DENY),
    (SHOPKEEPER_A, "mutation", "productVariantBulkCreate",
     {"product_id": gid("Product", 10), "variants": [{"stocks": [{"warehouse": gid("Warehouse", "wa")}]}]},
     Decision.ALLOW),
    (SHOPKEEPER_A, "mutation", "productVariantStocksDelete",
     {"variant_id": gid("ProductVariant", 11), "warehouse_ids": [gid("Warehouse", "wb")]}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "variantImageAssign",
     {"image_id": gid("ProductImage", 22), "variant_id": gid("ProductVariant", 11)}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "updateMetadata", {"id": gid("Order", 5)}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "updateWarehouse", {"id": gid("Warehouse", "wa")}, Decision.ALLOW),
    (SHOPKEEPER_A, "mutation", "createWarehouse", {"input": {}}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "categoryCreate", {"input": {}}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "staffUpdate", {"id": gid("User", 1)}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "merchantUpdate", {"id": gid("Merchant", 1)}, Decision.ALLOW),
    (SHOPKEEPER_A, "mutation", "merchantUpdate", {"id": gid("Merchant", 2)}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "merchantCreate", {"input": {}}, Decision.DENY),
    (SHOPKEEPER_A, "query", "products", {}, Decision.ALLOW),
    # The dashboard's order and home pages: allowed, answered with the shop's part.
    (SHOPKEEPER_A, "query", "orders", {}, Decision.ALLOW),
    (SHOPKEEPER_A, "query", "reportProductSales", {}, Decision.ALLOW),
    (SHOPKEEPER_A, "mutation", "orderFulfill",
     {"input": {"lines": [{"order_line_id": gid("OrderLine", 40),
                           "stocks": [{"warehouse": gid("Warehouse", "wa")}]}]}}, Decision.ALLOW),
    (SHOPKEEPER_A, "mutation", "orderFulfill",
     {"input": {"lines": [{"order_line_id": gid("OrderLine", 50),
                           "stocks": [{"warehouse": gid("Warehouse", "wa")}]}]}}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "orderFulfill",
     {"input": {"lines": [{"order_line_id": gid("OrderLine", 40),
                           "stocks": [{"warehouse": gid("Warehouse", "wb")}]}]}}, Decision.DENY),
    (SHOPKEEPER_A, "mutation", "orderCancel", {"id": gid("Order", 5)}, Decision.DENY),
    (SHOPKEEPER_A, "query", "aFieldAddedTomorrow", {}, Decision.DENY),
    (OPERATOR, "mutation", "productUpdate", {"id": gid("Product", 20)}, Decision.STOCK),
    (OPERATOR, "mutation", "merchantCreate", {"input": {}}, Decision.ALLOW),
    (STAFF, "mutation", "merchantCreate", {"input": {}}, Decision.DENY),
    (CUSTOMER, "mutation", "merchantUpdate", {"id": gid("Merchant", 1)}, Decision.DENY),
    (ANONYMOUS, "query", "merchantOrders", {}, Decision.DENY),
    (ANONYMOUS, "query", "products", {}, Decision.STOCK),
    (ANONYMOUS, "mutation", "productCreate", {"input": {}}, Decision.STOCK),
]


@pytest.mark.parametrize("who, operation, field, args, decision", CASES)
def test_decide_root(who, operation, field, args, decision):
    assert policy.decide_root(who, operation, field, args, lookup, stock=True) is decision


def test_owners_are_not_asked_for_malformed_ids():
    def forbidden(_refs):
        raise AssertionError("no lookup expected")

    args = {"ids": [gid("Product", 10), "%%%"]}
    decision = policy.decide_root(SHOPKEEPER_A, "mutation", "productBulkDelete", args, forbidden, stock=True)
    assert decision is Decision.DENY


@pytest.mark.parametrize("who, sees_unpublished, kind", [
    (SHOPKEEPER_A, True, ScopeKind.SHOP),
    (OPERATOR, True, ScopeKind.ALL),
    (STAFF, True, ScopeKind.ALL),
    (STAFF, False, ScopeKind.PUBLIC),
    (CUSTOMER, False, ScopeKind.PUBLIC),
    (ANONYMOUS, False, ScopeKind.PUBLIC),
])
def test_product_scope(who, sees_unpublished, kind):
    assert policy.product_scope(who, sees_unpublished).kind is kind


@pytest.mark.parametrize("who, stock, merchants, orders", [
    (SHOPKEEPER_A, ScopeKind.SHOP, ScopeKind.SHOP, ScopeKind.SHOP),
    (OPERATOR, ScopeKind.ALL, ScopeKind.ALL, ScopeKind.ALL),
    (CUSTOMER, ScopeKind.ALL, ScopeKind.PUBLIC, ScopeKind.NONE),
    (ANONYMOUS, ScopeKind.ALL, ScopeKind.PUBLIC, ScopeKind.NONE),
])
def test_other_scopes(who, stock, merchants, orders):
    assert policy.stock_scope(who).kind is stock
    assert policy.merchant_scope(who).kind is merchants
    assert policy.order_scope(who).kind is orders
    assert policy.order_scope(SHOPKEEPER_A).merchant_id == A


@pytest.mark.parametrize("who, merchant_id, fields, refused", [
    (OPERATOR, B, ["commission_rate", "is_active"], None),
    (SHOPKEEPER_A, A, ["name", "description", "opening_hours"], None),
    (SHOPKEEPER_A, A, ["name", "commission_rate"], "commission_rate"),
    (SHOPKEEPER_A, A, ["is_active"], "is_active"),
    (SHOPKEEPER_A, B, ["name"], "id"),
    (CUSTOMER, A, ["name"], "id"),
])
def test_merchant_update_refusal(who, merchant_id, fields, refused):
    assert policy.merchant_update_refusal(who, merchant_id, fields) == refused


def test_values_at_walks_lists_and_skips_missing():
    args = {"variants": [{"stocks": [{"warehouse": "w1"}, {"warehouse": "w2"}]}, {"stocks": None}, {}]}
    assert policy.values_at(args, "variants[].stocks[].warehouse") == ["w1", "w2"]
    assert policy.values_at({}, "input.product") == []


def test_purchase_refusal_names_each_closed_shop_once_in_french():
    assert policy.purchase_refusal([]) is None
    message = policy.purchase_refusal(["Boulangerie Passy", "Boulangerie Passy", "Cave Auteuil"])
    assert message.count("Boulangerie Passy") == 1 and "Cave Auteuil" in message
    assert "retirez-les de votre panier" in message


@pytest.mark.parametrize("facts, role", [
    (dict(is_authenticated=True, is_courier=True), Role.COURIER),  # need not be staff
    (dict(is_authenticated=True, is_staff=True, is_courier=True), Role.COURIER),
    # A shop is never a courier, whatever its permissions: a round shows residents' doors.
    (dict(is_authenticated=True, is_courier=True, merchant_id=7), Role.SHOPKEEPER),
    (dict(is_authenticated=True, can_manage_merchants=True, is_courier=True), Role.OPERATOR),
    (dict(is_authenticated=False, is_courier=True), Role.ANONYMOUS),
])
def test_who_is_a_courier(facts, role):
    assert policy.actor(**facts).role is role


@pytest.mark.parametrize("who, allowed", [
    (OPERATOR, True),
    (policy.Actor(Role.COURIER), True),
    (STAFF, False),
    (CUSTOMER, False),
    (ANONYMOUS, False),
    (APP, False),
    (SHOPKEEPER_A, False),
])
def test_who_may_ride_rounds(who, allowed):
    assert policy.may_ride_rounds(who) is allowed
