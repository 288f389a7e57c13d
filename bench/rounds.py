"""Courier rounds: the plan's kilometres against per-shop delivery and today's alphabetical
sheet, planning time, and the gap to the same solver given 30 times more time.

Pure Python, no server: the demo district (fixtures) placed with the demo street table,
generated slots of 20, 40 and 80 orders of 1 to 5 shops (open during the slot, as the
checkout requires) delivered to random demo addresses, with 1 to 3 bikes.
`python -m bench.rounds` prints the table; `make bench` adds it to its report.
"""
import json
import random
import sys
import time
from datetime import datetime, timedelta

from fixtures.district import generate_district
from fixtures.street_coordinates import demo_address_points
from plugins.grouped_delivery.geo.domain import MemoryTable, locate
from plugins.grouped_delivery.routing.baselines import alphabetical_sheet_metres
from plugins.grouped_delivery.routing.model import (
    Fleet, Interval, Part, RoundOrder, RoundProblem,
)
from plugins.grouped_delivery.routing.planner import plan_round
from plugins.grouped_delivery.routing.rules import violations
from plugins.grouped_delivery.routing.travel import StraightLineTravel
from plugins.kernel.opening_hours import OpeningPeriod, open_intervals
from plugins.kernel.paris import PARIS

SIZES = (20, 40, 80)
BIKES = (1, 2, 3)
TIME_LIMIT = 1.0  # seconds of search, as deliveryRoundPlan
LONG_FACTOR = 30
GAP_CASES = ((20, 1), (40, 2), (80, 3))  # the 30x runs cost 30 s each: one per size
SLOT_START = datetime(2026, 12, 2, 10, 0, tzinfo=PARIS)  # a Wednesday morning round
SLOT = timedelta(hours=2)
SHIFT = timedelta(hours=1)  # cut-off 2 h before, shops' preparation 1 h: collecting from 9 h
TARGETS = {"vs_per_shop": 0.4, "vs_alphabetical": 0.7, "seconds_40": 2.0, "gap": 0.05}


def district():
    table = MemoryTable(demo_address_points())
    shops = []
    end = SLOT_START + SLOT
    for index, shop in enumerate(generate_district().merchants, start=1):
        periods = [OpeningPeriod(p.weekday, p.opens, p.closes) for p in shop.opening_hours]
        open_ = tuple(Interval(a, b) for a, b in open_intervals(periods, set(), SLOT_START - SHIFT, end))
        where = locate(shop.address.street_address, shop.address.postal_code, table)
        if open_ and where.point:  # the checkout offers a slot only if every shop can prepare
            shops.append((index, shop.name, shop.address.street_address, where.point, open_))
    homes = [locate(f"{n} {street}", pc, table).point
             for pc, street, n, _, _, _ in demo_address_points()]
    hub = locate("71 avenue Henri-Martin", "75116", table).point
    return shops, homes, hub


def generated_slot(size, bikes, shops, homes, hub, seed):
    rng = random.Random(seed)
    orders = []
    for order_id in range(1, size + 1):
        chosen = rng.sample(shops, rng.randint(1, 5))
        parts = tuple(Part(i, name, point, round(rng.uniform(0.3, 4.0), 2), open_)
                      for i, name, _, point, open_ in chosen)
        orders.append(RoundOrder(order_id, parts, rng.choice(homes)))
    return RoundProblem(SLOT_START, SLOT_START + SLOT, tuple(orders), Fleet(bikes, hub),
                        SLOT_START - SHIFT)


def measure(seed: int = 16) -> dict:
    shops, homes, hub = district()
    sort_keys = {i: street for i, _, street, _, _ in shops}
    travel = StraightLineTravel()
    rows = []
    for size in SIZES:
        for bikes in BIKES:
            problem = generated_slot(size, bikes, shops, homes, hub, seed + size)
            started = time.perf_counter()
            plan = plan_round(problem, travel, TIME_LIMIT)
            seconds = time.perf_counter() - started
            broken = violations(problem, plan)
            placed_ids = {n for r in plan.routes for s in r.stops for n in s.order_ids}
            placed = [o for o in problem.orders if o.order_id in placed_ids]
            alphabetical = alphabetical_sheet_metres(hub, placed, travel, sort_keys) if placed else 0
            row = {
                "orders": size, "bikes": bikes, "placed": len(placed),
                "km_per_order": _per(plan.metres, placed),
                "per_shop_km_per_order": _per(plan.per_shop_metres, placed),
                "alphabetical_km_per_order": _per(alphabetical, placed),
                "vs_per_shop": _ratio(plan.metres, plan.per_shop_metres),
                "vs_alphabetical": _ratio(plan.metres, alphabetical),
                "seconds": round(seconds, 2), "rule_violations": len(broken),
            }
            if (size, bikes) in GAP_CASES:
                longer = plan_round(problem, travel, TIME_LIMIT * LONG_FACTOR)
                row.update(_gap(plan, longer, len(placed)))
            rows.append(row)
    return {"time_limit_s": TIME_LIMIT, "long_factor": LONG_FACTOR, "targets": TARGETS,
            "shops_open": len(shops), "rows": rows}


def _gap(plan, longer, placed: int) -> dict:
    """The plan against the same planner given 30 times more time. Placing an order weighs
    more than any distance (the planner's objective), so the two are compared on both:
    the share of orders the longer run places on top, and the km per placed order."""
    long_placed = sum(len({n for s in r.stops for n in s.order_ids}) for r in longer.routes)
    long_km = round(longer.metres / 1000 / long_placed, 3) if long_placed else 0.0
    km = round(plan.metres / 1000 / placed, 3) if placed else 0.0
    return {
        "long_placed": long_placed, "long_km_per_order": long_km,
        "placed_gap": round(1 - placed / long_placed, 3) if long_placed else 0.0,
        "gap": round(_ratio(km, long_km) - 1, 3) if long_km else 0.0,
    }


def _per(metres, orders) -> float:
    count = len(orders)
    return round(metres / 1000 / count, 3) if count else 0.0


def _ratio(a, b):
    return round(a / b, 3) if b else None


def markdown(result: dict) -> str:
    lines = [
        "| commandes | vélos | placées | km/commande plan | par boutique | feuille alphabétique "
        "| plan ÷ par boutique (≤ 0,4) | plan ÷ alphabétique (≤ 0,7) | calcul (s) | écart au "
        f"planificateur ×{result['long_factor']} : placées, km (≤ 5 %) | règles violées |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in result["rows"]:
        gap_text = "—"
        if "long_placed" in r:
            gap_text = (f"{r['placed_gap'] * 100:.1f} % de commandes en moins "
                        f"({r['placed']} / {r['long_placed']}), {r['gap'] * 100:+.1f} % km/commande")
        lines.append(
            f"| {r['orders']} | {r['bikes']} | {r['placed']} | {r['km_per_order']:.2f} | "
            f"{r['per_shop_km_per_order']:.2f} | {r['alphabetical_km_per_order']:.2f} | "
            f"{r['vs_per_shop']} | {r['vs_alphabetical']} | {r['seconds']:.2f} | {gap_text} | "
            f"{r['rule_violations']} |".replace(".", ","))
    return "\n".join(lines)


if __name__ == "__main__":
    result = measure()
    print(json.dumps(result, indent=1) if "--json" in sys.argv else markdown(result))
