"""deliveryRoundPlan: plan a slot's round and keep it, all or nothing, once at a time."""
import logging
from decimal import Decimal

from django.db import connection, transaction

from plugins.local_merchants.orders.public import MerchantOrder

from ..routing import rules
from ..routing.model import StopKind
from ..routing.planner import plan_round
from .errors import MAX_COURIERS, RoundErrorCode, RoundRefused
from .models import PlannedRoute, PlannedStop, RoundPlan, StopStatus
from .problem import build_problem, hub_location, slot_orders

# pg_try_advisory_xact_lock(namespace, slot id): one planning of a slot at a time, without
# locking the slot's row, which checkoutComplete updates to take a place.
_LOCK_NAMESPACE = 1612
logger = logging.getLogger(__name__)


def plan_slot(slot, couriers, settings, time_limit: float = 1.0) -> RoundPlan:
    if couriers is None:
        existing = RoundPlan.objects.filter(slot=slot).first()
        couriers = existing.couriers if existing else 1
    if not 1 <= couriers <= MAX_COURIERS:
        raise RoundRefused(RoundErrorCode.INVALID_COURIERS, "couriers")
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [_LOCK_NAMESPACE, slot.pk])
            if not cursor.fetchone()[0]:
                raise RoundRefused(RoundErrorCode.PLAN_IN_PROGRESS, "slotId")
        if PlannedStop.objects.filter(route__plan__slot=slot).exclude(
                status=StopStatus.PLANNED).exists():
            raise RoundRefused(RoundErrorCode.ROUND_STARTED, "slotId")
        if not slot_orders(slot).exists():
            raise RoundRefused(RoundErrorCode.NO_ORDERS, "slotId")
        hub = hub_location()
        if hub is None:
            raise RoundRefused(RoundErrorCode.HUB_UNKNOWN, "slotId")
        problem = build_problem(slot, couriers, settings, hub)
        plan = plan_round(problem, time_limit=time_limit)
        broken = rules.violations(problem, plan)
        if broken:  # never keep a plan that breaks rule 8
            logger.error("Plan of slot %s refused: %s", slot.pk, "; ".join(broken))
            raise RoundRefused(RoundErrorCode.PLAN_INVALID, "slotId")
        RoundPlan.objects.filter(slot=slot).delete()
        return _keep(slot, couriers, plan)


def _keep(slot, couriers, plan) -> RoundPlan:
    kept = RoundPlan.objects.create(
        slot=slot, couriers=couriers, metres=plan.metres, per_shop_metres=plan.per_shop_metres,
        unrouted=[{"order_id": u.order_id, "code": u.code.value, "message": u.message}
                  for u in plan.unrouted],
    )
    through = PlannedStop.orders.through
    links, pickups = [], {}
    for route in plan.routes:
        row = PlannedRoute.objects.create(
            plan=kept, courier=route.courier, metres=route.metres,
            duration_minutes=round(route.duration.total_seconds() / 60))
        stops = PlannedStop.objects.bulk_create(PlannedStop(
            route=row, sequence=n, kind=stop.kind.value,
            merchant_id=stop.shop_id, latitude=stop.location.latitude,
            longitude=stop.location.longitude, arrival=stop.arrival,
            load_kg=Decimal(str(stop.load_kg)),
        ) for n, stop in enumerate(route.stops, start=1))
        for saved, stop in zip(stops, route.stops):
            links.extend(through(plannedstop_id=saved.pk, order_id=o) for o in stop.order_ids)
            if stop.kind == StopKind.PICKUP:
                for order_id in stop.order_ids:
                    pickups[(order_id, stop.shop_id)] = stop.arrival
    through.objects.bulk_create(links)
    # Shops see when the courier comes for each bag (merchantOrders' pickupAt).
    parts = list(MerchantOrder.objects.filter(
        order__delivery_slot__slot=slot, merchant__isnull=False).only("pk", "order_id", "merchant_id"))
    for part in parts:  # an order left out of the plan keeps the slot's start
        part.pickup_at = pickups.get((part.order_id, part.merchant_id), slot.start)
    MerchantOrder.objects.bulk_update(parts, ["pickup_at"])
    return kept
