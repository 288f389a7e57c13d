"""The town hall's figures: per kept plan, then summed per month (two queries)."""
from dataclasses import dataclass
from datetime import datetime

from plugins.kernel.paris import PARIS
from .models import PlannedStop, RoundPlan


@dataclass
class Figures:
    period: str
    slots: int = 0
    orders: int = 0
    shops_served: int = 0
    metres: int = 0
    per_shop_metres: int = 0

    @property
    def distance_km(self) -> float:
        return round(self.metres / 1000, 1)

    @property
    def per_shop_distance_km(self) -> float:
        return round(self.per_shop_metres / 1000, 1)

    @property
    def saved_km(self) -> float:
        return round((self.per_shop_metres - self.metres) / 1000, 1)


def month_bounds(month: str):
    """"2026-12" -> (1 Dec 00:00, 1 Jan 00:00) in Paris; ValueError if malformed."""
    start = datetime.strptime(month, "%Y-%m").replace(tzinfo=PARIS)
    end = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
    return start, end


def figures_of_month(month: str):
    """(the month's total, one Figures per planned slot in time order)."""
    start, end = month_bounds(month)
    plans = list(RoundPlan.objects.filter(slot__start__gte=start, slot__start__lt=end)
                 .select_related("slot").order_by("slot__start"))
    orders, shops = {}, {}
    for plan_id, kind, merchant_id, order_id in PlannedStop.objects.filter(
            route__plan__in=plans).values_list("route__plan_id", "kind", "merchant_id", "orders"):
        if kind == "PICKUP":
            shops.setdefault(plan_id, set()).add(merchant_id)
        elif order_id is not None:
            orders.setdefault(plan_id, set()).add(order_id)
    per_slot = [Figures(plan.slot.start.astimezone(PARIS).isoformat(), 1,
                        len(orders.get(plan.pk, ())), len(shops.get(plan.pk, ())),
                        plan.metres, plan.per_shop_metres) for plan in plans]
    total = Figures(month, len(per_slot), sum(f.orders for f in per_slot),
                    len(set().union(*shops.values())) if shops else 0,
                    sum(f.metres for f in per_slot), sum(f.per_shop_metres for f in per_slot))
    return total, per_slot
