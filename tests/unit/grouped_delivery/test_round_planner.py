"""The round planner: tables of small slots, then the rules on generated slots."""
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from plugins.grouped_delivery.geo.domain import GeoPoint
from plugins.grouped_delivery.routing.baselines import alphabetical_sheet_metres
from plugins.grouped_delivery.routing.model import (
    Fleet,
    Interval,
    Part,
    RoundOrder,
    RoundProblem,
    StopKind,
    Unplaced,
)
from plugins.grouped_delivery.routing.planner import plan_round
from plugins.grouped_delivery.routing.rules import violations
from plugins.grouped_delivery.routing.travel import StraightLineTravel

START = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)  # 10 h in Paris
END = START + timedelta(hours=2)
HUB = GeoPoint(48.8640, 2.2750)
OPEN = (Interval(START - timedelta(hours=3), END + timedelta(hours=8)),)
FAST = 0.2  # seconds of search: small slots need no more


def at(dx_m: float, dy_m: float) -> GeoPoint:
    """A point dx metres east and dy metres north of the hub."""
    return GeoPoint(HUB.latitude + dy_m / 111_200, HUB.longitude + dx_m / 73_000)


BAKERY, CHEESE, WINE = (Part(1, "Boulangerie", at(500, 0), 2.0, OPEN),
                        Part(2, "Fromagerie", at(600, 100), 1.5, OPEN),
                        Part(3, "Cave", at(-800, -300), 9.0, OPEN))


def problem(*orders, couriers=1, capacity=80.0, shift=timedelta(hours=1)):
    return RoundProblem(START, END, tuple(orders), Fleet(couriers, HUB, capacity_kg=capacity),
                        START - shift)


def planned(p):
    plan = plan_round(p, time_limit=FAST)
    assert violations(p, plan) == []
    return plan


def test_two_orders_from_the_same_shops_share_the_pickups():
    p = problem(RoundOrder(10, (BAKERY, CHEESE), at(900, 400)),
                RoundOrder(11, (BAKERY,), at(1000, 300)))
    plan = planned(p)
    assert plan.unrouted == ()
    [route] = plan.routes
    kinds = [(s.kind, s.shop_id, s.order_ids) for s in route.stops]
    assert (StopKind.PICKUP, 1, (10, 11)) in kinds or (StopKind.PICKUP, 1, (11, 10)) in kinds
    assert sorted(k for k in kinds if k[0] == StopKind.DELIVERY) == [
        (StopKind.DELIVERY, None, (10,)), (StopKind.DELIVERY, None, (11,))]
    assert plan.metres < plan.per_shop_metres


@pytest.mark.parametrize("order, code, words", [
    (RoundOrder(20, (BAKERY,), None), Unplaced.NO_LOCATION, "adresse de livraison est inconnue"),
    (RoundOrder(21, (Part(4, "Librairie", None, 1.0, OPEN),), at(0, 0)), Unplaced.NO_LOCATION,
     "« Librairie » est inconnue"),
    (RoundOrder(22, (BAKERY, Part(5, "Fleuriste", at(10, 10), 1.0, ())), at(0, 300)),
     Unplaced.SHOP_CLOSED, "« Fleuriste » est fermée pendant tout le créneau"),
    (RoundOrder(23, (Part(6, "Cave", at(0, 200), 95.5, OPEN),), at(0, 300)), Unplaced.TOO_HEAVY,
     "elle pèse 95,5 kg, plus qu'un vélo ne porte (80,0 kg)"),
])
def test_orders_that_cannot_be_placed_say_why_in_french(order, code, words):
    plan = planned(problem(order, RoundOrder(30, (CHEESE,), at(200, 200))))
    [refused] = plan.unrouted
    assert (refused.order_id, refused.code) == (order.order_id, code)
    assert words in refused.message and f"n° {order.order_id}" in refused.message
    assert [s.order_ids for s in plan.routes[0].stops] == [(30,), (30,)]


def test_an_empty_slot_gives_an_empty_plan():
    plan = planned(problem())
    assert (plan.routes, plan.unrouted, plan.metres, plan.per_shop_metres) == ((), (), 0, 0)


def test_a_shop_opening_late_is_visited_once_open():
    opens = START + timedelta(minutes=45)
    late = Part(7, "Primeur", at(300, -200), 3.0, (Interval(opens, END),))
    plan = planned(problem(RoundOrder(40, (late, BAKERY), at(-400, 100))))
    pickup = next(s for s in plan.routes[0].stops if s.shop_id == 7)
    assert pickup.arrival >= opens


def test_a_shop_closed_at_lunch_is_not_visited_during_the_break():
    morning = Interval(START - timedelta(hours=1), START - timedelta(minutes=50))
    afternoon = Interval(START + timedelta(minutes=90), END)
    shop = Part(8, "Boucherie", at(2500, 0), 3.0, (morning, afternoon))
    plan = planned(problem(RoundOrder(41, (shop,), at(2600, 0)), shift=timedelta(minutes=20)))
    pickup = plan.routes[0].stops[0]
    assert pickup.arrival >= afternoon.start


def test_the_bike_capacity_makes_it_deliver_before_collecting_more():
    heavy = [RoundOrder(50 + i, (Part(60 + i, f"Cave {i}", at(300 * i, 200), 6.0, OPEN),),
                        at(300 * i, -600)) for i in range(3)]
    plan = planned(problem(*heavy, capacity=10.0))
    assert plan.unrouted == ()
    assert max(s.load_kg for s in plan.routes[0].stops) <= 10.0


def test_more_orders_than_bikes_can_ride_are_listed_not_half_planned():
    far = [RoundOrder(70 + i, (Part(80 + i, f"Boutique {i}", at(-3000 + 200 * i, 2500), 1.0, OPEN),),
                      at(3000 - 200 * i, -2500)) for i in range(25)]
    plan = planned(problem(*far))
    assert plan.routes and plan.unrouted
    assert {u.code for u in plan.unrouted} == {Unplaced.NO_TIME}
    assert "ajoutez un coursier" in plan.unrouted[0].message


def test_a_full_slot_keeps_the_most_orders():
    """A resident far away whose shop is next door costs the whole slot; two near the hub
    fit together instead."""
    far = RoundOrder(1, (Part(11, "Loin", at(0, 12_000), 1.0, OPEN),), at(100, 12_000))
    near = [RoundOrder(2, (Part(12, "Est", at(500, 0), 1.0, OPEN),), at(500, 500)),
            RoundOrder(3, (Part(13, "Ouest", at(-500, 0), 1.0, OPEN),), at(-500, -500))]
    alone = planned(problem(far, shift=timedelta(0)))
    assert alone.unrouted == ()  # it fits on its own...
    plan = planned(problem(far, *near, shift=timedelta(0)))
    assert [(u.order_id, u.code) for u in plan.unrouted] == [(1, Unplaced.NO_TIME)]


def test_click_and_collect_in_a_shop_brings_the_other_parts_there():
    order = RoundOrder(90, (BAKERY, CHEESE), CHEESE.location, StopKind.DROP_OFF, drop_shop_id=2)
    plan = planned(problem(order))
    stops = plan.routes[0].stops
    assert [(s.kind, s.shop_id) for s in stops] == [(StopKind.PICKUP, 1), (StopKind.DROP_OFF, 2)]


def test_the_alphabetical_sheet_rides_further_than_the_plan():
    orders = [RoundOrder(100 + i, (BAKERY, CHEESE, WINE)[i % 3:i % 3 + 2], at(-900 + 400 * i, 700))
              for i in range(6)]
    plan = planned(problem(*orders))
    sheet = alphabetical_sheet_metres(HUB, orders, StraightLineTravel(),
                                      {1: "3 rue A", 2: "1 rue B", 3: "2 rue C"})
    assert plan.metres < sheet


# --- Rule 8 on generated slots -------------------------------------------------------

minutes = st.integers(min_value=-90, max_value=150)


@st.composite
def slots(draw, most_orders=10):
    shops = []
    for shop_id in range(1, draw(st.integers(1, 8)) + 1):
        windows = []
        for _ in range(draw(st.integers(0, 2))):
            a, b = sorted((draw(minutes), draw(minutes)))
            windows.append(Interval(START + timedelta(minutes=a), START + timedelta(minutes=b)))
        location = at(draw(st.integers(-2500, 2500)), draw(st.integers(-2500, 2500)))
        shops.append((shop_id, location, tuple(sorted(windows, key=lambda w: w.start))))
    orders = []
    for order_id in range(1, draw(st.integers(0, most_orders)) + 1):
        chosen = draw(st.lists(st.sampled_from(shops), min_size=1, max_size=4,
                               unique_by=lambda s: s[0]))
        parts = tuple(Part(sid, f"Boutique {sid}", loc, draw(st.floats(0.1, 30)), open_)
                      for sid, loc, open_ in chosen)
        home = None if draw(st.integers(0, 12)) == 0 else at(
            draw(st.integers(-2500, 2500)), draw(st.integers(-2500, 2500)))
        orders.append(RoundOrder(order_id, parts, home))
    return problem(*orders, couriers=draw(st.integers(1, 3)),
                   capacity=draw(st.sampled_from([8.0, 25.0, 80.0])),
                   shift=timedelta(minutes=draw(st.sampled_from([0, 30, 60]))))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slots())
def test_every_plan_keeps_the_rules(p):
    plan = plan_round(p, time_limit=0.05)
    assert violations(p, plan) == []
    placed = {n for r in plan.routes for s in r.stops for n in s.order_ids}
    assert placed.isdisjoint(u.order_id for u in plan.unrouted)
    assert placed | {u.order_id for u in plan.unrouted} == {o.order_id for o in p.orders}
    assert plan.metres == sum(r.metres for r in plan.routes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slots(most_orders=40), st.data())  # full slots: tight routes
def test_the_quick_insertion_check_agrees_with_the_schedule(p, data):
    """The search checks an insertion on the nodes it moves only: it never accepts what
    the full schedule refuses, and says how much later the bike is back."""
    from plugins.grouped_delivery.routing import construction, network as net
    from plugins.grouped_delivery.routing.planner import precheck

    orders = [o for o in p.orders if precheck(o, p) is None]
    if not orders:
        return
    network = net.build(p, orders, StraightLineTravel())
    for route in construction.initial_routes(network, p.fleet.couriers):
        line = net.timeline(network, route)
        # A whole order the route does not hold: its parts weigh nothing together.
        missing = sorted({network.nodes[i].order.order_id for i in range(1, len(network.nodes))}
                         - {network.nodes[i].order.order_id for i in route})
        if not missing:
            continue
        order_id = data.draw(st.sampled_from(missing))
        extra = [i for i in range(1, len(network.nodes))
                 if network.nodes[i].order.order_id == order_id]
        candidate = list(route)
        for node in extra:
            candidate.insert(data.draw(st.integers(0, len(candidate))), node)
        places = [candidate.index(node) for node in extra]
        later = net.delay(network, line, candidate, min(places), max(places),
                          net.before(line, min(places)))
        times = net.schedule(network, candidate)
        if later is not None:
            assert times is not None
            back = times[-1] + network.duration[candidate[-1]][0]
            assert max(0, later) == max(0, back - line.back)


def test_the_rule_check_catches_broken_plans():
    from plugins.grouped_delivery.routing.model import Plan, Route, Stop

    p = problem(RoundOrder(1, (BAKERY, WINE), at(0, 500)), capacity=10.0)
    t = START + timedelta(minutes=10)
    pick = lambda part, when=t, load=0.0: Stop(StopKind.PICKUP, part.location, (1,), when,
                                               part.shop_id, load)
    give = lambda when=t: Stop(StopKind.DELIVERY, at(0, 500), (1,), when)
    cases = {
        "avant d'avoir collecté": [pick(BAKERY), give(), pick(WINE)],
        "livrée hors créneau": [pick(BAKERY), pick(WINE), give(END + timedelta(minutes=1))],
        "fermée à l'arrivée": [pick(BAKERY, END + timedelta(hours=9)), pick(WINE), give()],
        "plus que sa capacité": [pick(BAKERY), pick(WINE), give()],  # 11 kg on a 10 kg bike
        "livrée deux fois": [pick(BAKERY), pick(WINE), give(), give()],
    }
    for words, stops in cases.items():
        plan = Plan((Route(1, tuple(stops), 0, timedelta()),), (), 0)
        assert any(words in v for v in violations(p, plan)), words
    assert any("ni planifiée ni signalée" in v for v in violations(p, Plan((), (), 0)))


def test_two_residents_at_one_address_get_one_stop_each():
    home = at(900, 400)
    p = problem(RoundOrder(1, (BAKERY, CHEESE), home), RoundOrder(2, (CHEESE, WINE), home),
                RoundOrder(3, (WINE, BAKERY), home))
    plan = planned(p)
    deliveries = [s.order_ids for s in plan.routes[0].stops if s.kind == StopKind.DELIVERY]
    assert sorted(deliveries) == [(1,), (2,), (3,)]


def test_interleaved_delivery_copies_at_one_address_make_one_stop_per_resident():
    """The solver may put another resident's copy between an order's delivery copies when
    both live at one address (no ride between them): still one stop per resident."""
    from plugins.grouped_delivery.routing import network as net
    from plugins.grouped_delivery.routing.planner import _route

    home = at(900, 400)
    p = problem(RoundOrder(1, (BAKERY, CHEESE), home), RoundOrder(2, (CHEESE,), home))
    network = net.build(p, list(p.orders), StraightLineTravel())
    # nodes: 1-2 bakery/home (order 1), 3-4 cheese/home (order 1), 5-6 cheese/home (order 2)
    route = _route(network, 1, [1, 3, 5, 2, 6, 4])
    assert [(s.kind, s.order_ids) for s in route.stops] == [
        (StopKind.PICKUP, (1,)), (StopKind.PICKUP, (1, 2)),
        (StopKind.DELIVERY, (2,)), (StopKind.DELIVERY, (1,))]
