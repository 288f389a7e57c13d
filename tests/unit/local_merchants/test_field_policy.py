"""Nested fields and our root fields, decided on plain facts (no database)."""
import pytest

from plugins.local_merchants.isolation import fields, policy
from plugins.local_merchants.isolation.policy import Decision, FieldDecision

A, B = 1, 2
SHOPKEEPER_A = policy.actor(is_authenticated=True, is_staff=True, merchant_id=A)
OPERATOR = policy.actor(is_authenticated=True, is_superuser=True)
STAFF = policy.actor(is_authenticated=True, is_staff=True)
CUSTOMER = policy.actor(is_authenticated=True)
ANONYMOUS = policy.actor(is_authenticated=False)
APP = policy.actor(is_authenticated=False, is_app=True)
COURIER = policy.actor(is_authenticated=True, is_courier=True)
EVERYONE = (SHOPKEEPER_A, OPERATOR, STAFF, CUSTOMER, ANONYMOUS, APP, COURIER)


def _no_owner(_refs):
    raise AssertionError("no owner lookup expected")


@pytest.mark.parametrize("who", EVERYONE)
def test_federation_entities_are_closed_to_everyone(who):
    # _entities resolved any Address or User by id or e-mail, for anyone.
    assert policy.decide_root(who, "query", "_entities", {"representations": []}, _no_owner,
                              stock=False) is Decision.DENY


@pytest.mark.parametrize("who, operation, field, stock, decision", [
    (ANONYMOUS, "query", "merchants", False, Decision.ALLOW),
    (CUSTOMER, "query", "deliverySlots", False, Decision.ALLOW),
    (ANONYMOUS, "mutation", "checkoutDeliverySlotUpdate", False, Decision.ALLOW),
    (ANONYMOUS, "query", "_service", False, Decision.ALLOW),
    # A root field of ours nobody listed: the operator's only.
    (ANONYMOUS, "query", "aFieldOfOursAddedTomorrow", False, Decision.DENY),
    (CUSTOMER, "query", "aFieldOfOursAddedTomorrow", False, Decision.DENY),
    (STAFF, "mutation", "aFieldOfOursAddedTomorrow", False, Decision.DENY),
    (APP, "mutation", "aFieldOfOursAddedTomorrow", False, Decision.DENY),
    (OPERATOR, "query", "aFieldOfOursAddedTomorrow", False, Decision.ALLOW),
    (SHOPKEEPER_A, "query", "aFieldOfOursAddedTomorrow", False, Decision.DENY),
    # Stock Saleor's fields keep stock permissions.
    (CUSTOMER, "query", "orders", True, Decision.STOCK),
    (ANONYMOUS, "query", "deliveryRound", False, Decision.DENY),
    # A round: the operator and the couriers; never a shop, a customer or other staff.
    (COURIER, "query", "deliveryRound", False, Decision.ALLOW),
    (OPERATOR, "query", "deliveryRound", False, Decision.ALLOW),
    (CUSTOMER, "query", "deliveryRound", False, Decision.DENY),
    (STAFF, "query", "deliveryRound", False, Decision.DENY),
    (SHOPKEEPER_A, "query", "deliveryRound", False, Decision.DENY),
    (COURIER, "query", "courierRounds", False, Decision.ALLOW),
    (CUSTOMER, "query", "courierRounds", False, Decision.DENY),
    (COURIER, "mutation", "deliveryRoundPlan", False, Decision.DENY),
    # Stock fields keep stock permissions (a courier has none to read orders).
    (COURIER, "query", "orders", True, Decision.STOCK),
    # Introspection describes the schema to anyone, as in stock Saleor.
    (ANONYMOUS, "query", "__schema", False, Decision.STOCK),
    (CUSTOMER, "query", "__type", False, Decision.STOCK),
    (SHOPKEEPER_A, "query", "__type", False, Decision.STOCK),
])
def test_our_root_fields(who, operation, field, stock, decision):
    assert policy.decide_root(who, operation, field, {}, _no_owner, stock=stock) is decision


@pytest.mark.parametrize("type_name, field, decision", [
    ("Product", "name", FieldDecision.ANSWER),
    ("Product", "pricing", FieldDecision.ANSWER),
    ("Product", "isAvailable", FieldDecision.ANSWER),
    ("Product", "thumbnail", FieldDecision.ANSWER),
    ("Product", "privateMetadata", FieldDecision.ANSWER_IF_OWN),
    ("Product", "purchaseCost", FieldDecision.ANSWER_IF_OWN),
    ("ProductVariant", "quantityAvailable", FieldDecision.ANSWER),
    ("ProductVariant", "costPrice", FieldDecision.ANSWER_IF_OWN),
    ("ProductVariant", "revenue", FieldDecision.ANSWER_IF_OWN),
    ("ProductVariant", "stocks", FieldDecision.ANSWER_IF_OWN),
    ("Stock", "quantity", FieldDecision.ANSWER_IF_OWN),
    ("Warehouse", "email", FieldDecision.ANSWER_IF_OWN),
    ("Warehouse", "id", FieldDecision.ANSWER),
    ("Merchant", "siret", FieldDecision.ANSWER_IF_OWN),
    ("Merchant", "products", FieldDecision.ANSWER),
    ("Category", "privateMetadata", FieldDecision.AS_ANONYMOUS),
    ("Voucher", "products", FieldDecision.AS_ANONYMOUS),
    ("Shop", "authorizationKeys", FieldDecision.AS_ANONYMOUS),
    ("App", "tokens", FieldDecision.AS_ANONYMOUS),
    # Deny by default: a field nobody classified.
    ("Product", "aFieldAddedTomorrow", FieldDecision.AS_ANONYMOUS),
    ("ATypeAddedTomorrow", "id", FieldDecision.AS_ANONYMOUS),
    # Introspection describes the schema, not anybody's data.
    ("__Type", "fields", FieldDecision.ANSWER),
])
def test_shopkeeper_nested_fields(type_name, field, decision):
    assert policy.decide_field(SHOPKEEPER_A, type_name, field) is decision


@pytest.mark.parametrize("who", [OPERATOR, STAFF, CUSTOMER, ANONYMOUS, APP])
def test_other_roles_keep_stock_permissions_below_the_root(who):
    for type_name, field in (("Product", "purchaseCost"), ("Warehouse", "email"), ("Nope", "nope")):
        assert policy.decide_field(who, type_name, field) is FieldDecision.ANSWER


@pytest.mark.parametrize("type_name, field, decision", [
    ("RouteStop", "orders", FieldDecision.ANSWER),
    ("Order", "number", FieldDecision.ANSWER),
    ("Order", "shippingAddress", FieldDecision.ANSWER),  # the door the order goes to
    ("Address", "streetAddress1", FieldDecision.ANSWER),
    ("Address", "phone", FieldDecision.AS_ANONYMOUS),
    ("Order", "userEmail", FieldDecision.AS_ANONYMOUS),
    ("Order", "user", FieldDecision.AS_ANONYMOUS),
    ("Order", "billingAddress", FieldDecision.AS_ANONYMOUS),
    ("Order", "payments", FieldDecision.AS_ANONYMOUS),
    ("Order", "total", FieldDecision.AS_ANONYMOUS),
    ("Order", "aFieldAddedTomorrow", FieldDecision.AS_ANONYMOUS),
    ("OrderLine", "unitPrice", FieldDecision.AS_ANONYMOUS),
    ("DeliveryRound", "sheetUrl", FieldDecision.AS_ANONYMOUS),  # the operator's PDF
    ("Merchant", "name", FieldDecision.ANSWER),  # public types: answered as to anyone
    ("Product", "name", FieldDecision.ANSWER),
])
def test_courier_nested_fields(type_name, field, decision):
    assert policy.decide_field(COURIER, type_name, field) is decision


@pytest.mark.parametrize("who, owner, owned", [
    (SHOPKEEPER_A, A, True),
    (SHOPKEEPER_A, B, False),
    (SHOPKEEPER_A, None, False),  # the operator's own products are not the shop's
    (OPERATOR, None, False),
    (CUSTOMER, A, False),
])
def test_owns(who, owner, owned):
    assert policy.owns(who, owner) is owned


def test_table_marks():
    assert fields.access("Warehouse", "email") is fields.Access.OWN
    assert fields.access("Shop", "staffNotificationRecipients") is fields.Access.DENIED
    assert fields.access("Shop", "name") is fields.Access.PUBLIC
    assert fields.OWNED_TYPES == policy.OWNED_TYPES
