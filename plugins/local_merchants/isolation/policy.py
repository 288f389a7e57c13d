"""Who may touch what: the one place where merchant isolation is decided.

Pure Python (no Django, no Saleor). Adapters feed it plain facts (who asks, which
root field, which IDs the arguments name, which shop owns each) and apply its
answers: `middleware.py` at every field of every GraphQL request,
`querysets.py` wherever Saleor lists products, stocks and warehouses.

Deny by default: a shopkeeper may use only the root fields of SHOPKEEPER_RULES,
and on those only objects of their own shop; below the root, only the fields
`fields.py` classifies, and private ones only on their own shop's objects
(`decide_field`). Everyone else keeps stock Saleor permissions on stock root fields,
plus the rules of OUR_FIELDS for the others (operator only when unlisted).
"""
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Iterable, Mapping, Optional

from plugins.kernel.global_ids import NodeRef, parse_global_id

from . import fields


class Role(str, Enum):
    ANONYMOUS = "ANONYMOUS"
    CUSTOMER = "CUSTOMER"
    SHOPKEEPER = "SHOPKEEPER"
    OPERATOR = "OPERATOR"  # superuser or "manage merchants": full stock power
    COURIER = "COURIER"  # rides rounds: reads them, without the residents' personal data
    STAFF = "STAFF"  # staff or app without a shop: stock Saleor permissions


@dataclass(frozen=True)
class Actor:
    role: Role
    merchant_id: Optional[int] = None


def actor(
    *,
    is_authenticated: bool,
    is_superuser: bool = False,
    can_manage_merchants: bool = False,
    is_staff: bool = False,
    is_app: bool = False,
    merchant_id: Optional[int] = None,
    is_courier: bool = False,
) -> Actor:
    if is_authenticated and (is_superuser or can_manage_merchants):
        return Actor(Role.OPERATOR)
    if is_authenticated and merchant_id is not None:
        # A shop membership restricts even a non-staff account: never widen it. A shop
        # is never a courier either: a round shows residents' names and doors.
        return Actor(Role.SHOPKEEPER, merchant_id)
    if is_authenticated and is_courier:
        # The couriers' permission narrows what the account reads of a round's types
        # (fields.COURIER_TYPE_FIELDS); stock root fields keep Saleor's own permissions.
        return Actor(Role.COURIER)
    if is_app or (is_authenticated and is_staff):
        return Actor(Role.STAFF)
    return Actor(Role.CUSTOMER if is_authenticated else Role.ANONYMOUS)


# --- Scopes: which rows of a list an actor may see -------------------------------


class ScopeKind(str, Enum):
    ALL = "ALL"  # every row (stock permissions still apply)
    SHOP = "SHOP"  # rows of merchant_id only
    PUBLIC = "PUBLIC"  # what residents see: published, shop active
    NONE = "NONE"


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    merchant_id: Optional[int] = None


ALL = Scope(ScopeKind.ALL)
PUBLIC = Scope(ScopeKind.PUBLIC)
NOTHING = Scope(ScopeKind.NONE)


def product_scope(who: Actor, sees_unpublished: bool) -> Scope:
    """Products (and through them variants, images, stocks) an actor may see.

    `sees_unpublished`: stock Saleor's own answer (MANAGE_PRODUCTS), which a
    shop membership narrows to the shop, published or not.
    """
    if who.role is Role.SHOPKEEPER:
        return Scope(ScopeKind.SHOP, who.merchant_id)
    return ALL if sees_unpublished else PUBLIC


def merchant_products_scope(who: Actor, sees_unpublished: bool, merchant_id: int) -> Scope:
    """A shop page's products: its own shopkeeper sees all of them, others the public ones."""
    scope = product_scope(who, sees_unpublished)
    if scope.kind is ScopeKind.SHOP and scope.merchant_id != merchant_id:
        return PUBLIC
    return scope


def stock_scope(who: Actor) -> Scope:
    """Warehouses and stock rows: a shopkeeper sees only the shop's warehouse."""
    if who.role is Role.SHOPKEEPER:
        return Scope(ScopeKind.SHOP, who.merchant_id)
    return ALL


def merchant_scope(who: Actor) -> Scope:
    """Merchants listed: the operator sees deactivated shops, a shopkeeper also their own."""
    if who.role is Role.OPERATOR:
        return ALL
    if who.role is Role.SHOPKEEPER:
        return Scope(ScopeKind.SHOP, who.merchant_id)  # active shops + own shop
    return PUBLIC


def order_scope(who: Actor) -> Scope:
    """Shop parts of orders (merchantOrders, sales reports): operator all, shopkeeper own."""
    if who.role is Role.OPERATOR:
        return ALL
    if who.role is Role.SHOPKEEPER:
        return Scope(ScopeKind.SHOP, who.merchant_id)
    return NOTHING


def may_read_merchant_private(who: Actor, merchant_id: int) -> bool:
    """SIRET, contact details, commission: the operator and the shop's own shopkeepers."""
    return who.role is Role.OPERATOR or (
        who.role is Role.SHOPKEEPER and who.merchant_id == merchant_id
    )


def may_manage_merchants(who: Actor) -> bool:
    return who.role is Role.OPERATOR


def may_ride_rounds(who: Actor) -> bool:
    """Courier pages and buttons: the operator, and the couriers."""
    return who.role in (Role.OPERATOR, Role.COURIER)


# Fields of a shop only the operator may change.
OPERATOR_ONLY_MERCHANT_FIELDS = ("commission_rate", "is_active")


def merchant_update_refusal(who: Actor, merchant_id: int, fields: Iterable[str]) -> Optional[str]:
    """None if `who` may change these fields of that shop, else the field refused."""
    if who.role is Role.OPERATOR:
        return None
    if who.role is not Role.SHOPKEEPER or who.merchant_id != merchant_id:
        return "id"
    for field in fields:
        if field in OPERATOR_ONLY_MERCHANT_FIELDS:
            return field
    return None


# --- Arguments ---------------------------------------------------------------------


def values_at(args: Mapping, path: str) -> list:
    """Values of the argument at `path`: "id", "ids[]", "input.stocks[].warehouse"."""
    values = [args]
    for step in path.split("."):
        many = step.endswith("[]")
        key = step[:-2] if many else step
        found = []
        for value in values:
            item = value.get(key) if isinstance(value, Mapping) else None
            if item is None:
                continue
            if many and isinstance(item, (list, tuple)):
                found.extend(x for x in item if x is not None)
            elif not many:
                found.append(item)
        values = found
    return values


# --- Root fields --------------------------------------------------------------------


class Decision(str, Enum):
    STOCK = "STOCK"  # not our business: stock Saleor decides
    ALLOW = "ALLOW"
    ALLOW_NEW_PRODUCT_IN_SHOP = "ALLOW_NEW_PRODUCT_IN_SHOP"  # and link the new product to the shop
    DENY = "DENY"  # answered as stock Saleor's permission error


@dataclass(frozen=True)
class Rule:
    """A root field a shopkeeper may use; every ID at `targets` must be the shop's."""

    targets: tuple = ()
    creates_product: bool = False


OPEN = Rule()  # no shop data can come out, or lists scoped by querysets.py


def _own(*paths: str) -> Rule:
    return Rule(targets=paths)


_META_MUTATIONS = ("UpdateMetadata", "UpdatePrivateMetadata", "ClearMetadata", "ClearPrivateMetadata")

# The shopkeeper allow-list. Absent from it = denied (order changes but fulfilment,
# customers' accounts, staff, permission groups, apps, webhooks, plugins, settings,
# shipping, discounts, gift cards, menus, pages, translations, product types,
# attributes, categories, collections, warehouse creation/deletion, digital contents...).
SHOPKEEPER_RULES: Mapping[tuple, Rule] = {
    # Reads: shared catalogue structure the product screens need (public in stock Saleor).
    **{("query", name): OPEN for name in (
        "shop", "me", "categories", "category", "collections", "collection",
        "productTypes", "productType", "attributes", "attribute", "taxTypes",
        "addressValidationRules", "merchants", "merchant", "deliveryZoneCheck",
        "searchSuggestions",  # products and shops through the same scopes as the lists
    )},
    # Reads of shop data: rows narrowed to the shop by querysets.py, another shop's
    # object answers null like a missing one.
    **{("query", name): OPEN for name in (
        "products", "product", "productVariants", "productVariant",
        "warehouses", "warehouse", "stocks", "stock", "merchantOrders", "merchantSettlements",
    )},
    # The stock dashboard's order and home pages: answered with the shop's own part by
    # orders/dashboard/ (customers: always empty for a shop).
    **{("query", name): OPEN for name in (
        "orders", "order", "draftOrders", "ordersTotal", "homepageEvents",
        "reportProductSales", "customers",
    )},
    # Own account.
    **{("mutation", name): OPEN for name in (
        "tokenCreate", "tokenRefresh", "tokenVerify", "passwordChange",
        "requestPasswordReset", "setPassword", "accountUpdate",
        "userAvatarUpdate", "userAvatarDelete",
    )},
    ("mutation", "productCreate"): Rule(targets=("input.stocks[].warehouse",), creates_product=True),
    ("mutation", "productUpdate"): _own("id"),
    ("mutation", "productDelete"): _own("id"),
    ("mutation", "productBulkDelete"): _own("ids[]"),
    ("mutation", "productBulkPublish"): _own("ids[]"),
    **{("mutation", "product" + suffix): _own("id") for suffix in _META_MUTATIONS},
    ("mutation", "productImageCreate"): _own("input.product"),
    ("mutation", "productImageUpdate"): _own("id"),
    ("mutation", "productImageDelete"): _own("id"),
    ("mutation", "productImageBulkDelete"): _own("ids[]"),
    ("mutation", "productImageReorder"): _own("product_id", "images_ids[]"),
    ("mutation", "productVariantCreate"): _own("input.product", "input.stocks[].warehouse"),
    ("mutation", "productVariantUpdate"): _own("id"),
    ("mutation", "productVariantDelete"): _own("id"),
    ("mutation", "productVariantBulkCreate"): _own("product_id", "variants[].stocks[].warehouse"),
    ("mutation", "productVariantBulkDelete"): _own("ids[]"),
    **{("mutation", "productVariant" + suffix): _own("id") for suffix in _META_MUTATIONS},
    ("mutation", "productVariantStocksCreate"): _own("variant_id", "stocks[].warehouse"),
    ("mutation", "productVariantStocksUpdate"): _own("variant_id", "stocks[].warehouse"),
    ("mutation", "productVariantStocksDelete"): _own("variant_id", "warehouse_ids[]"),
    ("mutation", "variantImageAssign"): _own("image_id", "variant_id"),
    ("mutation", "variantImageUnassign"): _own("image_id", "variant_id"),
    **{("mutation", name): _own("id") for name in (
        "updateMetadata", "updatePrivateMetadata", "deleteMetadata", "deletePrivateMetadata",
    )},
    ("mutation", "updateWarehouse"): _own("id"),
    ("mutation", "merchantUpdate"): _own("id"),
    ("mutation", "merchantOrderMarkReady"): _own("id"),
    ("mutation", "merchantOrderMarkCollected"): _own("id"),
    # The dashboard's "Fulfill": own lines from the own warehouse (orders/dashboard/fulfil.py).
    ("mutation", "orderFulfill"): _own("input.lines[].order_line_id", "input.lines[].stocks[].warehouse"),
}

# Root fields this project adds (and the federation fields graphene-federation adds),
# for every role but the shopkeeper (whose rules are above). Deny by default: a root
# field that is neither stock Saleor's nor listed here is for the operator only.
_OPERATOR = frozenset({Role.OPERATOR})
_RIDERS = frozenset({Role.OPERATOR, Role.COURIER})
_EVERYONE = frozenset(Role)
OUR_FIELDS: Mapping[tuple, frozenset] = {
    **{("query", name): _EVERYONE for name in (
        "merchants", "merchant", "deliveryZoneCheck", "deliverySlots", "searchSuggestions",
        "_service",  # the schema's SDL, no data
    )},
    ("mutation", "checkoutDeliverySlotUpdate"): _EVERYONE,  # the basket's token decides
    # Federation's entry point resolved any Address or User for anyone: nothing of ours
    # needs federation, so it is closed to every caller, the operator included.
    ("query", "_entities"): frozenset(),
    ("mutation", "merchantCreate"): _OPERATOR,
    ("mutation", "merchantUpdate"): _OPERATOR,
    ("mutation", "merchantOrderMarkReady"): _OPERATOR,
    ("mutation", "merchantOrderMarkHandedOver"): _OPERATOR,
    ("mutation", "merchantOrderMarkCollected"): _OPERATOR,
    ("query", "merchantOrders"): _OPERATOR,
    ("query", "merchantSettlements"): _OPERATOR,
    # The round: couriers read it through the fields of fields.COURIER_TYPE_FIELDS only.
    ("query", "deliveryRound"): _RIDERS,
    ("mutation", "deliveryRoundPlan"): _OPERATOR,
    ("query", "roundFigures"): _OPERATOR,
    ("query", "addressesToCheck"): _OPERATOR,
    **{key: _RIDERS for key in (
        ("query", "courierRounds"), ("mutation", "courierStopCollected"),
        ("mutation", "courierStopDelivered"), ("mutation", "courierStopNotDelivered"))},
}

# Types whose owner is a shop: what a shopkeeper's target IDs may name.
OWNED_TYPES = fields.OWNED_TYPES

OwnerLookup = Callable[[list], Mapping[NodeRef, Optional[int]]]


def decide_root(who: Actor, operation: str, field: str, args: Mapping,
                owners: OwnerLookup, *, stock: bool) -> Decision:
    """Decide a root field ("query"/"mutation", camelCase name) for `who`.

    `owners(refs)` gives the shop id owning each NodeRef (None: operator-owned
    or missing); it is only called for a shopkeeper's targets. `stock`: the field
    is one of stock Saleor's own root fields (whose permissions then apply).
    """
    if field.startswith("__"):  # introspection (__schema, __type): the schema, no data
        return Decision.STOCK
    key = (operation, field)
    if who.role is not Role.SHOPKEEPER:
        allowed_roles = OUR_FIELDS.get(key)
        if allowed_roles is None:
            return Decision.STOCK if stock else _operator_only(who)
        return Decision.ALLOW if who.role in allowed_roles else Decision.DENY
    rule = SHOPKEEPER_RULES.get(key)
    if rule is None:
        return Decision.DENY
    raw_ids = [value for path in rule.targets for value in values_at(args, path)]
    refs = [parse_global_id(raw) for raw in raw_ids]
    # Forged, foreign-typed and missing IDs are refused alike: a foreign object
    # must be indistinguishable from one that does not exist.
    if any(ref is None or ref.type_name not in OWNED_TYPES for ref in refs):
        return Decision.DENY
    if refs:
        found = owners(refs)
        if any(found.get(ref) != who.merchant_id for ref in refs):
            return Decision.DENY
    return Decision.ALLOW_NEW_PRODUCT_IN_SHOP if rule.creates_product else Decision.ALLOW


def _operator_only(who: Actor) -> Decision:
    return Decision.ALLOW if who.role is Role.OPERATOR else Decision.DENY


# --- Nested fields ------------------------------------------------------------------


class FieldDecision(str, Enum):
    ANSWER = "ANSWER"  # resolved as usual (stock permissions apply)
    ANSWER_IF_OWN = "ANSWER_IF_OWN"  # resolved on the shop's own object, else as AS_ANONYMOUS
    AS_ANONYMOUS = "AS_ANONYMOUS"  # null, empty or refused, as for an anonymous visitor


_BY_ACCESS = {
    fields.Access.PUBLIC: FieldDecision.ANSWER,
    fields.Access.OWN: FieldDecision.ANSWER_IF_OWN,
    fields.Access.DENIED: FieldDecision.AS_ANONYMOUS,
}


def decide_field(who: Actor, type_name: str, field: str) -> FieldDecision:
    """Decide a field below the root (`type_name.field`, GraphQL names) for `who`.

    Runs for every field of every response: a role test, then one dict lookup.
    Root fields already keep anonymous visitors and customers to stock Saleor's
    permissions; only a shopkeeper's MANAGE_PRODUCTS / MANAGE_ORDERS, granted for
    their own shop, must not open other shops' objects reached below the root. A
    courier reads the types of a round only through the fields listed for couriers.
    """
    # "__": introspection types, and __typename on any type (Apollo clients such as the
    # stock dashboard add it to every selection).
    if type_name.startswith("__") or field.startswith("__"):
        return FieldDecision.ANSWER
    if who.role is Role.COURIER:
        return (FieldDecision.ANSWER if fields.courier_may_read(type_name, field)
                else FieldDecision.AS_ANONYMOUS)
    if who.role is not Role.SHOPKEEPER:
        return FieldDecision.ANSWER
    return _BY_ACCESS[fields.access(type_name, field)]


def owns(who: Actor, owner_merchant_id: Optional[int]) -> bool:
    """Whether an object owned by `owner_merchant_id` (None: the operator's) is `who`'s."""
    return who.role is Role.SHOPKEEPER and owner_merchant_id == who.merchant_id


# --- Buying ------------------------------------------------------------------------

# Where variant IDs being put in a basket sit, per mutation (snake_case arguments).
PURCHASE_PATHS: Mapping[str, str] = {
    "checkoutCreate": "input.lines[].variant_id",
    "checkoutLinesAdd": "lines[].variant_id",
    "checkoutLinesUpdate": "lines[].variant_id",
}


def purchase_refusal(closed_shop_names: Iterable[str]) -> Optional[str]:
    """French message refusing a basket holding products of deactivated shops."""
    names = sorted(set(closed_shop_names))
    if not names:
        return None
    shops = ", ".join(f"« {name} »" for name in names)
    return (
        f"Les produits de {shops} ne sont plus en vente sur Paris 16 Shopping : "
        "retirez-les de votre panier pour commander."
    )
