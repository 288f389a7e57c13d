"""The optimised round of a slot: which bike collects and delivers what, in which order.

1. Orders that cannot be placed whatever the plan (no location, a shop closed for
   the whole slot, heavier than a bike) are set aside with their reason.
2. A first plan inserts the others order by order, the cheapest first
   (construction.py); most of the time goes to removing and reinserting whole orders
   (search.py), which places more of them; OR-Tools' routing library (solver.py) then
   polishes the sequences, and the orders left out are tried again in the shorter
   routes. All on the same time model (network.py).
3. Anything the result would break is taken out: an order not entirely on one bike
   in one visit is removed whole (removing stops never makes a route late or
   overloaded), and what remains is checked against the rules (rules.py).
"""
import random
import time
from datetime import timedelta
from typing import List, Optional

from . import construction, network as net, search, solver
from .baselines import per_shop_metres
from .model import Plan, RoundOrder, RoundProblem, Route, Stop, StopKind, UnroutedOrder, Unplaced
from .travel import StraightLineTravel, Travel

DEFAULT_TIME_LIMIT = 1.0  # seconds of search
SEARCH_SHARE = 0.8  # of it removing and reinserting orders; the rest polishing sequences
SEED = 16


def fmt_kg(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def precheck(order: RoundOrder, problem: RoundProblem) -> Optional[UnroutedOrder]:
    """Why this order cannot be placed whatever the plan, or None."""
    n = order.order_id
    if order.destination is None:
        return UnroutedOrder(n, Unplaced.NO_LOCATION, (
            f"Commande n° {n} : son adresse de livraison est inconnue de la carte ; corrigez "
            "l'adresse, puis relancez la planification."))
    for part in order.parts:
        if part.location is None:
            return UnroutedOrder(n, Unplaced.NO_LOCATION, (
                f"Commande n° {n} : l'adresse de la boutique « {part.shop_name} » est inconnue "
                "de la carte ; corrigez-la, puis relancez la planification."))
        open_in_round = any(i.start <= problem.end and i.end >= problem.departure
                            for i in part.open)
        if order.drop_shop_id != part.shop_id and not open_in_round:
            return UnroutedOrder(n, Unplaced.SHOP_CLOSED, (
                f"Commande n° {n} : la boutique « {part.shop_name} » est fermée pendant tout le "
                "créneau ; déplacez la commande sur un autre créneau."))
    carried = sum(p.weight_kg for p in order.parts if p.shop_id != order.drop_shop_id)
    if carried > problem.fleet.capacity_kg:
        return UnroutedOrder(n, Unplaced.TOO_HEAVY, (
            f"Commande n° {n} : elle pèse {fmt_kg(carried)} kg, plus qu'un vélo ne porte "
            f"({fmt_kg(problem.fleet.capacity_kg)} kg) ; livrez-la en deux fois ou autrement."))
    return None


def no_time(order_id: int) -> UnroutedOrder:
    return UnroutedOrder(order_id, Unplaced.NO_TIME, (
        f"Commande n° {order_id} : pas assez de temps ou de place sur les vélos dans ce créneau ; "
        "ajoutez un coursier ou déplacez la commande sur un autre créneau."))


def plan_round(problem: RoundProblem, travel: Travel = None,
               time_limit: float = DEFAULT_TIME_LIMIT) -> Plan:
    travel = travel or StraightLineTravel()
    started = time.perf_counter()
    unrouted, orders = [], []
    for order in problem.orders:
        refusal = precheck(order, problem)
        if refusal is not None:
            unrouted.append(refusal)
        elif any(p.shop_id != order.drop_shop_id for p in order.parts):
            orders.append(order)
    if not orders:
        return Plan((), tuple(unrouted), 0, time.perf_counter() - started)
    network = net.build(problem, orders, travel)
    couriers = problem.fleet.couriers
    solved = construction.initial_routes(network, couriers)
    # A fixed seed: the same slot and the same number of search steps give the same plan.
    solved = search.improve(network, solved, started + time_limit * SEARCH_SHARE,
                            random.Random(SEED))
    polished = solver.improve(network, couriers, solved,
                              started + time_limit - time.perf_counter())
    if search.value(network, polished) <= search.value(network, solved):
        solved = polished
    solved = construction.add_orders(network, _sound(network, solved))
    routes, placed = [], set()
    for courier, sequence in enumerate(_sound(network, solved), start=1):
        if sequence:
            route = _route(network, courier, sequence)
            routes.append(route)
            placed.update(n for stop in route.stops for n in stop.order_ids)
    unrouted.extend(no_time(o.order_id) for o in orders if o.order_id not in placed)
    baseline = per_shop_metres([o for o in orders if o.order_id in placed], travel)
    objective = (len(orders) - len(placed)) * search.ORDER_PENALTY + sum(
        route.metres for route in routes)
    return Plan(tuple(routes), tuple(sorted(unrouted, key=lambda u: u.order_id)), baseline,
                time.perf_counter() - started, objective)


def _sound(network: net.Network, routes: List[List[int]]) -> List[List[int]]:
    """Routes with every order that is not whole on one bike, in one visit, taken out."""
    nodes = network.nodes
    expected: dict = {}
    for node in nodes[1:]:
        expected[node.order.order_id] = expected.get(node.order.order_id, 0) + 1
    where: dict = {}  # order -> {(bike, time of its delivery)}
    seen: dict = {}
    broken = set()
    for bike, route in enumerate(routes):
        times = net.schedule(network, route)
        if times is None:  # not with the solver's model; never keep such a route's orders
            broken.update(nodes[i].order.order_id for i in route)
            continue
        for i, at in zip(route, times):
            order_id = nodes[i].order.order_id
            seen[order_id] = seen.get(order_id, 0) + 1
            if nodes[i].kind != StopKind.PICKUP:
                where.setdefault(order_id, set()).add((bike, at))
    whole = {o for o, n in seen.items()
             if n == expected[o] and len(where.get(o, ())) == 1 and o not in broken}
    kept = [[i for i in route if nodes[i].order.order_id in whole] for route in routes]
    # Taking stops out only shortens rides (up to a metre of rounding): check anyway.
    return [route if net.schedule(network, route) is not None else [] for route in kept]


def _key(node: net.Node) -> tuple:
    """Nodes of one stop: a shop's pickups, or an order's delivery copies."""
    return (node.kind, node.location,
            node.shop_id if node.kind == StopKind.PICKUP else node.order.order_id)


def _grouped(network: net.Network, sequence: List[int]) -> List[int]:
    """The sequence with the nodes of one stop side by side. At one place the solver may
    interleave two residents' delivery copies (no ride between them): each resident's
    copies move to its last one, each shop's pickups to its first one."""
    nodes, result, run = network.nodes, [], []
    for i in sequence + [None]:
        if run and (i is None or nodes[i].location != nodes[run[0]].location):
            anchor = {}
            for position, j in enumerate(run):
                key = _key(nodes[j])
                if nodes[j].kind != StopKind.PICKUP or key not in anchor:
                    anchor[key] = position
            result.extend(sorted(run, key=lambda j: (anchor[_key(nodes[j])], run.index(j))))
            run = []
        if i is not None:
            run.append(i)
    return result if net.schedule(network, result) is not None else sequence


def _route(network: net.Network, courier: int, sequence: List[int]) -> Route:
    """Nodes in visiting order -> stops, with their times and the load on leaving."""
    problem, nodes = network.problem, network.nodes
    sequence = _grouped(network, sequence)
    times = net.schedule(network, sequence)
    stops: List[dict] = []
    load = 0
    for i, at in zip(sequence, times):
        node = nodes[i]
        key = _key(node)
        if not stops or stops[-1]["key"] != key:
            stops.append({"key": key, "node": node, "arrival": at, "orders": []})
        load += node.grams
        stops[-1]["load"] = load
        if node.order.order_id not in stops[-1]["orders"]:
            stops[-1]["orders"].append(node.order.order_id)
    back = times[-1] + network.duration[sequence[-1]][0]
    return Route(courier, tuple(
        Stop(s["node"].kind, network.points[s["node"].location], tuple(s["orders"]),
             problem.departure + timedelta(seconds=s["arrival"]), s["node"].shop_id,
             round(s["load"] / 1000, 3))
        for s in stops
    ), net.route_metres(network, sequence), timedelta(seconds=back))
