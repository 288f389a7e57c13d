"""Stock warehouse and stock queries, narrowed by the policy's stock scope.

Products need no such override: querysets.install() scopes them at the source.
Saleor lists warehouses and stocks with `objects.all()`, so their root resolvers
are wrapped here (mixed into saleor_config.schema.Query before Saleor's).
"""
import graphene
from saleor.graphql.warehouse.schema import StockQueries, WarehouseQueries
from saleor.warehouse.models import Stock, Warehouse

from . import policy
from .actors import actor_of_request
from .querysets import scope_by_warehouse


def _scope(info) -> policy.Scope:
    return policy.stock_scope(actor_of_request(info.context))


def _single(info, found, model, merchant_path):
    if found is None:
        return None
    scope = _scope(info)
    if scope.kind is policy.ScopeKind.ALL:
        return found
    # Another shop's object answers null, exactly like a missing one.
    return scope_by_warehouse(model.objects.filter(pk=found.pk), scope, merchant_path).first()


class ScopedStockQueries(graphene.ObjectType):
    def resolve_warehouses(self, info, **kwargs):
        qs = WarehouseQueries.resolve_warehouses(self, info, **kwargs)
        return scope_by_warehouse(qs, _scope(info), "merchant")

    def resolve_warehouse(self, info, **kwargs):
        found = WarehouseQueries.resolve_warehouse(self, info, **kwargs)
        return _single(info, found, Warehouse, "merchant")

    def resolve_stocks(self, info, **kwargs):
        qs = StockQueries.resolve_stocks(self, info, **kwargs)
        return scope_by_warehouse(qs, _scope(info), "warehouse__merchant")

    def resolve_stock(self, info, **kwargs):
        found = StockQueries.resolve_stock(self, info, **kwargs)
        return _single(info, found, Stock, "warehouse__merchant")
