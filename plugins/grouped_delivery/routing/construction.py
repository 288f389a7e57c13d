"""Inserting whole orders: the first plan, and the rebuilding step of the search.

OR-Tools' own first-solution heuristics insert one pickup-and-delivery pair at a
time, which cannot place an order whose parts must all ride on one bike and be
handed over in one visit. Here each order is inserted whole: its pickups one by
one where they add the fewest metres, then its delivery copies together, at the
cheapest place after its last pickup that keeps every window and the capacity.
At each step the order that costs least goes in (its metres, and how much later it
brings the bike back): when the slot cannot take every order, the plan keeps as
many as it can.
"""
from typing import Dict, List, Optional

from .network import Network, Timeline, before, delay, route_metres, timeline

CANDIDATES = 12  # delivery places tried per bike, cheapest first
# Metres an insertion costs per second it brings the bike back later. The slot's time
# runs out before the metres matter: a little more than the 3.9 m a bike rides in a
# second, so an order that fills a wait (shops not open yet, the slot not started)
# goes in before one as short that pushes the whole round later.
LATER_WEIGHT = 5


def _cheapest(network: Network, route: List[int], node: int, lowest: int = 0) -> int:
    """The first position from `lowest` where `node` adds the fewest metres (the search's
    hot spot: one list comprehension rather than an indexed loop)."""
    d = network.distance
    out = d[node]
    path = [0, *route, 0]
    costs = [d[a][node] + out[b] - d[a][b] for a, b in zip(path[lowest:-1], path[lowest + 1:])]
    return lowest + costs.index(min(costs))


def _insert(network: Network, line: Timeline, pickups: List[int], deliveries: List[int]):
    """The route with the order inserted, or None if no tried place keeps the rules."""
    route = line.sequence
    trial = list(route)
    for pickup in pickups:
        trial.insert(_cheapest(network, trial, pickup), pickup)
    first = min(trial.index(p) for p in pickups)
    last = max(trial.index(p) for p in pickups) + 1
    # The bike along the route with the pickups only, once: each delivery place tried
    # then starts from there.
    states = [before(line, first)]
    delay(network, line, trial, first, len(trial), states[0], states)
    d = network.distance
    path = [0, *trial, 0]
    head = deliveries[0]
    places = sorted(range(last, first + len(states)), key=lambda q: (
        d[path[q]][head] + d[head][path[q + 1]] - d[path[q]][path[q + 1]]))
    for q in places[:CANDIDATES]:
        candidate = trial[:q] + deliveries + trial[q:]
        later = delay(network, line, candidate, q, q + len(deliveries) - 1, states[q - first])
        if later is not None:
            return candidate, later
    # Last resort: the pickups in a row right before the delivery, at the end.
    candidate = list(route) + pickups + deliveries
    later = delay(network, line, candidate, len(route), len(candidate) - 1,
                  before(line, len(route)))
    return None if later is None else (candidate, later)


def _cost(network: Network, inserted, metres: int) -> float:
    route, later = inserted
    return route_metres(network, route) - metres + later * LATER_WEIGHT


def initial_routes(network: Network, couriers: int) -> List[List[int]]:
    return add_orders(network, [[] for _ in range(couriers)])


def add_orders(network: Network, routes: List[List[int]], noise=None, among=None
               ) -> List[List[int]]:
    """The routes with every order they do not hold yet inserted where it fits: at each
    step the order that costs least (`_cost`), so a full slot keeps the most orders.

    `noise()`, if given, scales each order's cost once, so that a search calling
    this again tries other orders first; `among`, if given, limits the orders tried."""
    routes = [list(route) for route in routes]
    present = {network.nodes[i].order.order_id for route in routes for i in route}
    pending: Dict[int, tuple] = {}
    for pickup, delivery in network.pairs():
        order_id = network.nodes[pickup].order.order_id
        if order_id not in present and (among is None or order_id in among):
            pickups, deliveries = pending.setdefault(order_id, ([], []))
            pickups.append(pickup)
            deliveries.append(delivery)
    scale = {order_id: noise() if noise else 1.0 for order_id in pending}
    metres = [route_metres(network, route) for route in routes]
    lines = [timeline(network, route) for route in routes]
    # (order, bike) -> (cost, route with it) or None. Adding an order to a bike
    # only takes time and room: what did not fit there before still does not.
    trials: Dict[tuple, Optional[tuple]] = {}
    while pending:
        best = None
        for order_id, (pickups, deliveries) in pending.items():
            for bike in range(len(routes)):
                key = (order_id, bike)
                if key not in trials:
                    inserted = _insert(network, lines[bike], pickups, deliveries)
                    trials[key] = None if inserted is None else (
                        _cost(network, inserted, metres[bike]), inserted[0])
                found = trials[key]
                if found is not None and (best is None or found[0] * scale[order_id] < best[0]):
                    best = (found[0] * scale[order_id], order_id, bike, found[1])
        if best is None:
            break
        _, order_id, bike, inserted = best
        routes[bike], metres[bike] = inserted, route_metres(network, inserted)
        lines[bike] = timeline(network, inserted)
        del pending[order_id]
        trials = {key: found for key, found in trials.items() if key[1] != bike or found is None}
    return routes
