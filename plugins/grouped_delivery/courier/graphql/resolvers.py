from datetime import datetime, timedelta

from graphql import GraphQLError
from graphql_jwt.exceptions import PermissionDenied
from saleor.order.models import Order

from plugins.kernel.global_ids import int_pk_of
from plugins.kernel.paris import PARIS
from plugins.local_merchants.public import actor_of_request, policy

from ..access import may_ride_rounds
from ..errors import RoundErrorCode, RoundRefused
from ..figures import figures_of_month
from ..models import PlannedRoute, PlannedStop, RoundPlan
from ..sheet import route_sheets


def require_courier(info):
    if not may_ride_rounds(info.context.user):
        raise PermissionDenied()


def require_operator(info):
    if not policy.may_manage_merchants(actor_of_request(info.context)):
        raise PermissionDenied()


def stop_pk(global_id) -> int:
    pk = int_pk_of(global_id, "RouteStop")
    if pk is None:
        raise RoundRefused(RoundErrorCode.NOT_FOUND, "stopId")
    return pk


def plan_of(sheet):
    """The kept plan of a deliveryRound's slot, loaded once per round (None: not planned)."""
    if not hasattr(sheet, "_plan"):
        sheet._plan = RoundPlan.objects.filter(slot=sheet.slot).prefetch_related(
            "routes__stops__orders", "routes__stops__merchant").first()
    return sheet._plan


def resolve_routes(sheet):
    plan = plan_of(sheet)
    return list(plan.routes.all()) if plan else []


def resolve_unrouted(sheet):
    plan = plan_of(sheet)
    if not plan or not plan.unrouted:
        return []
    orders = Order.objects.in_bulk([u["order_id"] for u in plan.unrouted])
    return [(orders[u["order_id"]], u) for u in plan.unrouted if u["order_id"] in orders]


def resolve_courier_rounds(info, day=None):
    require_courier(info)
    day = day or datetime.now(PARIS).date()
    start = datetime.combine(day, datetime.min.time(), PARIS)
    routes = PlannedRoute.objects.filter(
        plan__slot__start__gte=start, plan__slot__start__lt=start + timedelta(days=1)
    ).select_related("plan__slot").order_by("plan__slot__start", "courier")
    return route_sheets(routes)


def courier_stop(pk):
    """The stop as the courier reads it, after a button."""
    stop = PlannedStop.objects.select_related("route").get(pk=pk)
    sheet = route_sheets([stop.route])[0]
    return next(s for s in sheet.stops if s.stop.pk == pk)


def resolve_round_figures(info, month):
    require_operator(info)
    try:
        return figures_of_month(month)
    except ValueError:
        raise GraphQLError("Mois invalide : écrivez-le AAAA-MM, par exemple 2026-12.") from None
