"""Contracts on the Saleor internals our runtime changes rely on (ARCHITECTURE.md, « Coutures »).

We never edit Saleor's files, but some of our code changes Saleor's objects when the
server starts: a queryset's methods replaced, fields added to or rewired on its GraphQL
types, stock mutations and queries shadowed by ours under the same name, its GraphQL
view subclassed. Each test here names one seam and fails, saying which one to review,
if the Saleor (or graphene, Django) internal it relies on is not what it was written
for: a method's parameters, an attribute, a field's kind, the resolver the schema uses.
saleor_config/compat.py has its own contracts (tests/unit/foundation/test_compat.py,
tests/integration/test_compat_django_internals.py).
"""
import ast
import functools
import inspect
import textwrap

import pytest
from django.db import connection, transaction
from graphene import Dynamic
from graphene.utils.str_converters import to_camel_case
from saleor.graphql.api import Mutation as SaleorMutation
from saleor.graphql.api import Query as SaleorQuery
from saleor.graphql.checkout import mutations as stock_checkout
from saleor.graphql.checkout.types import Checkout
from saleor.graphql.core.connection import CountableConnection, connection_from_queryset_slice
from saleor.graphql.core.fields import FilterInputConnectionField
from saleor.graphql.core.mutations import BaseMutation, validation_error_to_error_type
from saleor.graphql.order.filters import OrderFilter
from saleor.graphql.order.schema import OrderQueries
from saleor.graphql.order.types import Order, OrderEvent
from saleor.graphql.product.schema import ProductQueries
from saleor.graphql.product.types import Category
from saleor.graphql.views import GraphQLView
from saleor.graphql.warehouse.schema import StockQueries, WarehouseQueries
from saleor.plugins.base_plugin import BasePlugin
from saleor.plugins.manager import PluginsManager
from saleor.product.models import Product, ProductsQueryset

from plugins.api_guard.graphql.schema import AccountGuardMutations
from plugins.grouped_delivery.graphql import resolvers as delivery_resolvers
from plugins.grouped_delivery.graphql.schema import GroupedDeliveryMutations
from plugins.local_merchants.catalogue import CatalogueQueries
from plugins.local_merchants.isolation import querysets
from plugins.local_merchants.isolation.queries import ScopedStockQueries
from plugins.local_merchants.orders.dashboard import fields as shop_fields
from plugins.local_merchants.orders.dashboard.filters import ShopOrderFilter
from plugins.local_merchants.orders.dashboard.schema import DashboardOrderMutations
from plugins.search.graphql.fields import RankedConnectionField
from plugins.search.graphql.schema import SearchQueries
from saleor_config.graphql_view import GuardedGraphQLView
from saleor_config.schema import Mutation, Query, schema


def parameters(function) -> list:
    """Parameter names after the receiver (self, cls, root): what callers pass."""
    names = list(inspect.signature(function).parameters)
    return names[1:] if names and names[0] in ("self", "cls") else names


def calls_in(function) -> set:
    """Names called in a function's source: `f(...)`, `x.f(...)`."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    called = (node.func for node in ast.walk(tree) if isinstance(node, ast.Call))
    return {f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "") for f in called}


def reaches(resolver, target, _seen=None) -> bool:
    """Whether `target` is `resolver` or reached through partials, bound methods,
    `__wrapped__` and closures (how graphene and our wrappers hold resolvers)."""
    seen = _seen if _seen is not None else set()
    if resolver is target:
        return True
    if id(resolver) in seen:
        return False
    seen.add(id(resolver))
    inner = []
    if isinstance(resolver, functools.partial):
        inner += [resolver.func, *resolver.args, *resolver.keywords.values()]
    inner += [getattr(resolver, name, None) for name in ("__func__", "__wrapped__")]
    inner += [cell.cell_contents for cell in getattr(resolver, "__closure__", None) or ()]
    return any(reaches(item, target, seen) for item in inner if callable(item))


def graphql_field(type_name: str, field_name: str):
    return schema.get_type(type_name).fields[field_name]


# --- Stock mutations shadowed by ours (class order in saleor_config.schema.Mutation) ---

# (our mixin, field name, the stock class Saleor serves it with, the parameters of the
# stock perform_mutation our override receives and passes on)
SHADOWED_MUTATIONS = [
    (GroupedDeliveryMutations, "checkout_shipping_address_update", "CheckoutShippingAddressUpdate",
     ["_root", "info", "checkout_id", "shipping_address"]),
    (GroupedDeliveryMutations, "checkout_shipping_method_update", "CheckoutShippingMethodUpdate",
     ["_root", "info", "checkout_id", "shipping_method_id"]),
    (GroupedDeliveryMutations, "checkout_complete", "CheckoutComplete",
     ["_root", "info", "checkout_id", "store_source", "data"]),
    (GroupedDeliveryMutations, "draft_order_complete", "DraftOrderComplete", ["_root", "info", "id"]),
    (DashboardOrderMutations, "order_fulfill", "OrderFulfill", ["_root", "info", "order", "data"]),
    (AccountGuardMutations, "request_password_reset", "RequestPasswordReset", ["_root", "info", "data"]),
    (AccountGuardMutations, "request_email_change", "RequestEmailChange", ["_root", "info", "data"]),
    (AccountGuardMutations, "confirm_email_change", "ConfirmEmailChange", ["_root", "info", "data"]),
    (AccountGuardMutations, "confirm_account", "ConfirmAccount", ["_root", "info", "data"]),
]


@pytest.mark.parametrize("mixin, name, stock_name, stock_parameters", SHADOWED_MUTATIONS,
                         ids=[case[1] for case in SHADOWED_MUTATIONS])
def test_seam_stock_mutation_shadowed_by_ours(mixin, name, stock_name, stock_parameters):
    ours = mixin._meta.fields[name].type
    stock_field = SaleorMutation._meta.fields.get(name)
    assert stock_field is not None, f"Saleor no longer has Mutation.{name}: review {ours.__module__}"
    stock = stock_field.type
    # Ours subclasses the very class Saleor serves, under its GraphQL name.
    assert issubclass(ours, stock) and stock.__name__ == stock_name == ours.__name__
    # The one schema serves ours (our mixin comes before Saleor's).
    served = graphql_field("Mutation", to_camel_case(name))
    assert served.type.graphene_type is ours and served.resolver.__self__ is ours
    assert Mutation.__mro__.index(mixin) < Mutation.__mro__.index(SaleorMutation)
    # Our perform_mutation receives and passes on what the stock one takes.
    assert parameters(stock.perform_mutation) == stock_parameters, (
        f"{stock.__module__}.{stock_name}.perform_mutation changed: review {ours.__module__}"
    )


def test_seam_base_mutation_errors_go_through_handle_errors():
    # KeepOurErrorCodes (plugins/kernel/graphql.py) and the isolation refusals
    # (isolation/refusals.py) override or call handle_errors / handle_typed_errors.
    assert {"perform_mutation", "handle_errors"} <= calls_in(BaseMutation.mutate)
    assert calls_in(BaseMutation.handle_errors) >= {"validation_error_to_error_type", "handle_typed_errors"}
    assert parameters(BaseMutation.handle_typed_errors) == ["errors", "extra"]
    assert {"error_type_class", "error_type_field"} <= set(vars(stock_checkout.CheckoutComplete._meta))
    from django.core.exceptions import ValidationError

    triples = validation_error_to_error_type(ValidationError({"slot_id": ValidationError("m", code="SLOT_FULL")}))
    (error, code, params), = triples
    assert (error.field, error.message, params) == ("slotId", "m", None)


def test_seam_order_fulfill_input_read_by_the_shop_version():
    # orders/dashboard/fulfil.py reads input.lines[].orderLineId and sets notifyCustomer.
    from saleor.graphql.order.mutations.fulfillments import OrderFulfillInput, OrderFulfillLineInput

    assert {"lines", "notify_customer"} <= set(OrderFulfillInput._meta.fields)
    assert "order_line_id" in OrderFulfillLineInput._meta.fields


# --- Stock queries shadowed by ours (resolvers first in saleor_config.schema.Query) ---

@pytest.mark.parametrize("ours, stock, name", [
    (ScopedStockQueries, WarehouseQueries, "warehouses"),
    (ScopedStockQueries, WarehouseQueries, "warehouse"),
    (ScopedStockQueries, StockQueries, "stocks"),
    (ScopedStockQueries, StockQueries, "stock"),
    (CatalogueQueries, ProductQueries, "products"),
])
def test_seam_stock_query_resolver_wrapped_by_ours(ours, stock, name):
    resolver = f"resolve_{name}"
    assert name in SaleorQuery._meta.fields and resolver in vars(stock), (
        f"Saleor's {stock.__name__}.{resolver} is gone: review {ours.__module__}"
    )
    # Ours is the one the schema calls, and it calls the stock one with self, info, **kwargs.
    assert reaches(graphql_field("Query", to_camel_case(name)).resolver, vars(ours)[resolver])
    assert parameters(vars(stock)[resolver])[:1] == ["info"]


def test_seam_products_without_distinct_is_stocks_query_less_distinct():
    # catalogue.py answers `products` without filters as stock does, without DISTINCT.
    from types import SimpleNamespace

    from django.contrib.auth.models import AnonymousUser

    info = SimpleNamespace(context=SimpleNamespace(user=AnonymousUser(), app=None))
    stock = ProductQueries.resolve_products(None, info).query
    ours = CatalogueQueries.resolve_products(None, info).query
    assert stock.distinct and not ours.distinct, "review plugins/local_merchants/catalogue.py"
    assert str(stock).replace("SELECT DISTINCT ", "SELECT ", 1) == str(ours)


def test_seam_search_products_field_keeps_stocks_arguments():
    # SearchQueries.products replaces stock's field: same arguments, same connection.
    stock = SaleorQuery._meta.fields["products"]
    ours = SearchQueries._meta.fields["products"]
    assert set(ours.args) == set(stock.args) and ours.type == stock.type
    assert isinstance(ours, FilterInputConnectionField) and issubclass(RankedConnectionField, FilterInputConnectionField)


def test_seam_ranked_connection_overrides_of_filter_input_connection_field():
    # plugins/search/graphql/fields.py overrides both classmethods and feeds
    # connection_from_queryset_slice a sort_by of plain field names; totalCount counts
    # the connection's `iterable`.
    assert parameters(FilterInputConnectionField.resolve_connection) == ["connection", "args", "iterable"]
    assert "connection_resolver" in vars(FilterInputConnectionField)
    assert parameters(connection_from_queryset_slice) == [
        "qs", "args", "connection_type", "edge_type", "pageinfo_type"]
    assert {"_get_sorting_fields", "_get_sorting_direction"} <= calls_in(connection_from_queryset_slice)
    assert "iterable" in inspect.getsource(CountableConnection.resolve_total_count)
    # _without_distinct unsets Django's Query.distinct.
    assert Product.objects.distinct().query.distinct is True


# --- Fields added to or rewired on Saleor's GraphQL types --------------------------

@pytest.mark.parametrize("type_name, field", [
    ("Product", "merchant"), ("User", "merchant"), ("Checkout", "deliveryOptions"),
    ("Checkout", "deliverySlot"), ("Checkout", "merchantGroups"), ("Order", "deliverySlot"),
    ("Order", "merchantGroups"),
])
def test_seam_extend_type_adds_fields_to_saleors_types(type_name, field):
    # kernel.graphql.extend_type writes into `_meta.fields`, which graphene 2 reads when
    # the schema is built.
    assert isinstance(getattr(Checkout._meta, "fields", None), dict)
    assert field in schema.get_type(type_name).fields


def test_seam_available_shipping_methods_resolver_wrapped():
    # grouped_delivery/graphql/schema.py sets the stock field's resolver to a wrapper of
    # Checkout.resolve_available_shipping_methods, which must return a promise (.then).
    stock = Checkout.resolve_available_shipping_methods
    assert parameters(stock) == ["root", "info"]
    assert "then" in calls_in(stock), "review grouped_delivery.graphql.resolvers.wrap_available_shipping_methods"
    resolver = graphql_field("Checkout", "availableShippingMethods").resolver
    assert resolver.__qualname__.startswith(delivery_resolvers.wrap_available_shipping_methods.__name__)
    assert reaches(resolver, stock)


def test_seam_applicable_shipping_methods_narrowed_to_the_baskets_shops():
    # grouped_delivery/seams.py replaces the queryset method through which Saleor's
    # checkout steps list a basket's methods and test the chosen one (`method in list`).
    from saleor.checkout import utils as checkout_utils
    from saleor.shipping.models import ShippingMethod, ShippingMethodQueryset

    from plugins.grouped_delivery import seams

    assert parameters(seams._stock_for_instance) == ["instance", "price", "country_code"]
    assert "applicable_shipping_methods_for_instance" in calls_in(
        checkout_utils.get_valid_shipping_methods_for_checkout)
    assert "get_valid_shipping_methods_for_checkout" in calls_in(
        checkout_utils.is_valid_shipping_method)
    assert ShippingMethodQueryset.applicable_shipping_methods_for_instance is seams._for_instance
    assert isinstance(ShippingMethod.objects.all(), ShippingMethodQueryset)


SHOP_FIELDS = [
    (graphene_type, name, for_shop)
    for graphene_type, table in ((Order, shop_fields.ORDER_FOR_SHOP),
                                 (OrderEvent, shop_fields.EVENT_FOR_SHOP),
                                 (Category, shop_fields.CATEGORY_FOR_SHOP))
    for name, for_shop in table.items()
]


@pytest.mark.parametrize("graphene_type, name, for_shop", SHOP_FIELDS,
                         ids=[f"{t.__name__}.{n}" for t, n, _ in SHOP_FIELDS])
def test_seam_order_fields_scoped_for_a_shop(graphene_type, name, for_shop):
    # orders/dashboard/fields.py handles three kinds of field (plain, Dynamic relation,
    # connection calling the type's resolve_<name>): whatever Saleor made of this one,
    # the schema's resolver must reach our shop's version.
    field = graphene_type._meta.fields[name]
    assert isinstance(field, Dynamic) or hasattr(field, "resolver")
    resolver = graphql_field(graphene_type.__name__, to_camel_case(name)).resolver
    assert reaches(resolver, for_shop), f"{graphene_type.__name__}.{name}: review {shop_fields.__name__}"


def test_seam_order_filter_swapped_on_the_stock_orders_field():
    # orders/dashboard/filters.py sets the filterset of the field Saleor's Query serves,
    # and calls the stock filter functions with (queryset, name, value).
    from saleor.graphql.order import filters as stock_filters

    assert SaleorQuery._meta.fields["orders"] is OrderQueries._meta.fields["orders"]
    assert "filterset_class" in inspect.getsource(FilterInputConnectionField)
    served = graphql_field("Query", "orders").resolver
    assert any(isinstance(a, type) and issubclass(a, ShopOrderFilter) for a in served.args)
    assert {"status", "customer", "search"} <= set(OrderFilter.base_filters)
    for function in (stock_filters.filter_status, stock_filters.filter_customer,
                     stock_filters.filter_order_search):
        assert len(parameters(function)) == 3, f"{function.__name__}: review {ShopOrderFilter.__module__}"


# --- Queryset methods replaced (isolation/querysets.py) -----------------------------

def test_seam_product_queryset_visibility_methods_replaced():
    from saleor.core.models import PublishedQuerySet

    # Stock's two methods are PublishedQuerySet's, and ProductsQueryset (whose source
    # is unchanged) does not define its own: ours replace exactly what Product.objects
    # answers with, and uninstall() puts back the real stock ones.
    source = inspect.getsource(ProductsQueryset)
    assert "def visible_to_user" not in source and "def published" not in source
    assert ProductsQueryset.__mro__[1] is PublishedQuerySet
    assert vars(PublishedQuerySet)["visible_to_user"] is querysets._STOCK_VISIBLE_TO_USER
    assert vars(PublishedQuerySet)["published"] is querysets._STOCK_PUBLISHED
    assert parameters(querysets._STOCK_VISIBLE_TO_USER) == ["user"]
    assert parameters(querysets._STOCK_PUBLISHED) == []
    assert callable(PublishedQuerySet.user_has_access_to_all)
    assert isinstance(Product.objects.all(), ProductsQueryset)
    assert Product.objects.all().visible_to_user.__func__ is querysets._visible_to_user


# --- Saleor's plugin hooks and plugins manager -------------------------------------

def our_plugins():
    from django.conf import settings
    from django.utils.module_loading import import_string

    return [import_string(path) for path in settings.PLUGINS if path.startswith("plugins.")]


def test_seam_our_plugin_hooks_are_saleors():
    # The manager calls hooks by name: a renamed hook would silently never run.
    for plugin in our_plugins():
        for name, method in vars(plugin).items():
            if name.startswith("_") or not inspect.isfunction(method):
                continue
            stock = getattr(BasePlugin, name, None)
            assert stock is not None, f"{plugin.__name__}.{name} is no Saleor hook"
            assert parameters(method) == parameters(stock), f"{plugin.__name__}.{name}"


def test_seam_plugin_active_flag_read_like_the_plugins_manager():
    # cached_reads.PluginSwitch reads PluginConfiguration.active by identifier, else the
    # class's default: what Saleor's manager gives the plugins it builds.
    from saleor.plugins.models import PluginConfiguration

    assert {"identifier", "active"} <= {f.name for f in PluginConfiguration._meta.fields}
    source = inspect.getsource(PluginsManager.__init__)
    assert "existing_config.active" in source and "get_default_active()" in source
    assert "PLUGIN_ID in all_configs" in source


# --- Saleor's GraphQL view, subclassed (saleor_config/graphql_view.py) --------------

def test_seam_graphql_view_methods_overridden():
    overridden = {"_handle_query": ["request"], "parse_body": ["request"],
                  "execute_graphql_request": ["request", "data"], "parse_query": ["query"],
                  "format_error": ["error"]}
    assert set(overridden) <= set(vars(GuardedGraphQLView))
    for name, expected in {**overridden, "get_graphql_params": ["request", "data"]}.items():
        assert parameters(getattr(GraphQLView, name)) == expected, f"GraphQLView.{name}"
    # Ours check the body, then the parsed document, on stock's own path.
    assert "parse_body" in calls_in(GraphQLView._handle_query)
    assert {"get_graphql_params", "parse_query"} <= calls_in(GraphQLView.execute_graphql_request)
    assert isinstance(GraphQLView.HANDLED_EXCEPTIONS, tuple)
    assert "self.middleware" in inspect.getsource(GraphQLView.execute_graphql_request)


# --- A Django internal read by cached_reads ----------------------------------------

@pytest.mark.django_db
def test_seam_run_on_commit_entries_hold_the_callback_second():
    # plugins/cached_reads/reads.py looks for its callback in connection.run_on_commit.
    def committed():
        pass

    with transaction.atomic():
        transaction.on_commit(committed)
        assert connection.run_on_commit[-1][1] is committed
