"""Every field a shopkeeper can reach is classified by the isolation policy.

Walks the served GraphQL schema from every root field of Query and Mutation. A root
field the policy denies to a shopkeeper closes its subtree (that denial is its
classification); through the others, every object type reached (interfaces and unions
through each of their possible types) must have each of its fields in
`isolation/fields.py`, as public, own-shop only, or denied. A field added by a Saleor
upgrade or by one of our plugins fails here until someone decides who may read it.
"""
from graphql import GraphQLInterfaceType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLUnionType

from plugins.local_merchants.isolation import fields, policy
from plugins.local_merchants.isolation.middleware import _STOCK_ROOT_FIELDS

SHOPKEEPER = policy.actor(is_authenticated=True, is_staff=True, merchant_id=1)
ROLES_BUT_SHOPKEEPER = [
    policy.actor(is_authenticated=False),
    policy.actor(is_authenticated=True),
    policy.actor(is_authenticated=True, is_staff=True),
    policy.actor(is_authenticated=False, is_app=True),
]


def _schema():
    from saleor_config.schema import schema

    return schema


def _named(graphql_type):
    while isinstance(graphql_type, (GraphQLNonNull, GraphQLList)):
        graphql_type = graphql_type.of_type
    return graphql_type


def _roots(schema):
    for operation, root in (("query", schema.get_query_type()), ("mutation", schema.get_mutation_type())):
        for name, field in root.fields.items():
            yield operation, name, field


def _open_to_shopkeeper(operation, name):
    # Only the rule's presence matters here: its targets are checked per request.
    return (operation, name) in policy.SHOPKEEPER_RULES


def reachable_object_types(schema):
    """Object types reachable by a shopkeeper, with one path to each (for the message)."""
    found, todo = {}, []
    for operation, name, field in _roots(schema):
        if _open_to_shopkeeper(operation, name):
            todo.append((_named(field.type), f"{operation}.{name}"))
    while todo:
        graphql_type, path = todo.pop()
        if isinstance(graphql_type, (GraphQLInterfaceType, GraphQLUnionType)):
            todo.extend((possible, path) for possible in schema.get_possible_types(graphql_type))
            continue
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name in found:
            continue
        found[graphql_type.name] = path
        for name, field in graphql_type.fields.items():
            todo.append((_named(field.type), f"{path}.{name}"))
    return found


def test_every_reachable_field_is_classified_for_the_shopkeeper():
    schema = _schema()
    reachable = reachable_object_types(schema)
    assert {"Product", "ProductVariant", "Stock", "Warehouse", "Merchant", "User", "Order"} <= set(reachable)
    unclassified = [
        f"{type_name}.{name} (via {path})"
        for type_name, path in sorted(reachable.items())
        for name in schema.get_type(type_name).fields
        if (type_name, name) not in fields.FIELDS
    ]
    assert unclassified == [], "classify in isolation/fields.py:\n" + "\n".join(unclassified)


def test_classification_has_no_stale_rows():
    """A row for a type or field that no longer exists would hide a renamed field."""
    schema = _schema()
    reachable = reachable_object_types(schema)
    stale = [f"{t}.{f}" for t, f in fields.FIELDS if t not in reachable or f not in schema.get_type(t).fields]
    assert stale == []


def test_every_private_field_of_a_shop_object_is_own_only():
    """What the issue names as private never stays public on a shop's objects."""
    private = {
        ("Product", "privateMetadata"), ("Product", "privateMeta"), ("Product", "purchaseCost"),
        ("Product", "margin"), ("Product", "basePrice"),
        ("ProductVariant", "costPrice"), ("ProductVariant", "margin"), ("ProductVariant", "revenue"),
        ("ProductVariant", "stocks"), ("ProductVariant", "quantity"),
        ("ProductVariant", "quantityAllocated"), ("ProductVariant", "privateMetadata"),
        ("Stock", "quantity"), ("Stock", "quantityAllocated"), ("Stock", "warehouse"),
        ("Warehouse", "email"), ("Warehouse", "address"), ("Merchant", "siret"),
        ("Merchant", "commissionRate"),
    }
    assert {key: fields.access(*key) for key in private} == {key: fields.Access.OWN for key in private}
    # Private metadata of shared objects is the operator's; the shopkeeper gets none.
    for type_name in ("Category", "Collection", "ProductType", "Attribute"):
        assert fields.access(type_name, "privateMetadata") is fields.Access.DENIED


def test_our_root_fields_are_operator_only_unless_listed():
    """Deny by default for every role: a root field that is not stock Saleor's must be
    listed in OUR_FIELDS, or only the operator gets it."""
    schema = _schema()
    ours = [(op, name) for op, name, _ in _roots(schema) if (op, name) not in _STOCK_ROOT_FIELDS]
    assert ("query", "merchants") in ours and ("query", "_entities") in ours
    unlisted = [key for key in ours if key not in policy.OUR_FIELDS]
    operator = policy.actor(is_authenticated=True, is_superuser=True)
    for operation, name in unlisted:
        assert policy.decide_root(operator, operation, name, {}, dict, stock=False) is policy.Decision.ALLOW
        for who in ROLES_BUT_SHOPKEEPER:
            assert policy.decide_root(who, operation, name, {}, dict, stock=False) is policy.Decision.DENY


def test_what_a_courier_reaches_in_a_round_is_classified():
    """From deliveryRound, through the fields a courier may read, every object type is
    narrowed for couriers (COURIER_TYPE_FIELDS) or public; no row names a missing field."""
    schema = _schema()
    todo, seen, unclassified = [_named(schema.get_query_type().fields["deliveryRound"].type)], set(), []
    while todo:
        graphql_type = todo.pop()
        if isinstance(graphql_type, (GraphQLInterfaceType, GraphQLUnionType)):
            todo.extend(schema.get_possible_types(graphql_type))
            continue
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name in seen:
            continue
        seen.add(graphql_type.name)
        if graphql_type.name in fields.COURIER_PUBLIC_TYPES:
            continue
        if graphql_type.name not in fields.COURIER_TYPE_FIELDS:
            unclassified.append(graphql_type.name)
            continue
        for name in fields.COURIER_TYPE_FIELDS[graphql_type.name].split():
            todo.append(_named(graphql_type.fields[name].type))
    assert unclassified == [], "classify in isolation/fields.py (couriers): " + ", ".join(unclassified)
    assert set(fields.COURIER_TYPE_FIELDS) | fields.COURIER_PUBLIC_TYPES <= seen
