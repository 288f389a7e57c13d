"""A first plan, order by order, for the solver to improve.

OR-Tools' own first-solution heuristics insert one pickup-and-delivery pair at a
time, which cannot place an order whose parts must all ride on one bike and be
handed over in one visit. Here each order is inserted whole: its pickups one by
one where they add the fewest metres, then its delivery copies together, at the
cheapest place after its last pickup that keeps every window and the capacity.
Cheapest orders first (the metres of taking each part straight to the resident): when
the slot cannot take every order, the plan keeps as many as it can.
"""
from typing import Dict, List

from .network import Network, route_metres, schedule

CANDIDATES = 12  # delivery places tried per bike, cheapest first


def _cheapest(network: Network, route: List[int], node: int, lowest: int = 0) -> int:
    d = network.distance
    path = [0, *route, 0]
    best, best_cost = lowest, None
    for position in range(lowest, len(route) + 1):
        a, b = path[position], path[position + 1]
        cost = d[a][node] + d[node][b] - d[a][b]
        if best_cost is None or cost < best_cost:
            best, best_cost = position, cost
    return best


def _insert(network: Network, route: List[int], pickups: List[int], deliveries: List[int]):
    """The route with the order inserted, or None if no tried place keeps the rules."""
    trial = list(route)
    for pickup in pickups:
        trial.insert(_cheapest(network, trial, pickup), pickup)
    last = max(trial.index(p) for p in pickups) + 1
    d = network.distance
    path = [0, *trial, 0]
    first = deliveries[0]
    places = sorted(range(last, len(trial) + 1), key=lambda q: (
        d[path[q]][first] + d[first][path[q + 1]] - d[path[q]][path[q + 1]]))
    for q in places[:CANDIDATES]:
        candidate = trial[:q] + deliveries + trial[q:]
        if schedule(network, candidate) is not None:
            return candidate
    # Last resort: the pickups in a row right before the delivery, at the end.
    candidate = list(route) + pickups + deliveries
    return candidate if schedule(network, candidate) is not None else None


def initial_routes(network: Network, couriers: int) -> List[List[int]]:
    return add_orders(network, [[] for _ in range(couriers)])


def add_orders(network: Network, routes: List[List[int]]) -> List[List[int]]:
    """The routes with every order they do not hold yet inserted where it fits."""
    routes = [list(route) for route in routes]
    present = {network.nodes[i].order.order_id for route in routes for i in route}
    by_order: Dict[int, List[tuple]] = {}
    for pickup, delivery in network.pairs():
        order_id = network.nodes[pickup].order.order_id
        if order_id not in present:
            by_order.setdefault(order_id, []).append((pickup, delivery))
    d = network.distance
    cost = {o: sum(d[p][q] for p, q in pairs) for o, pairs in by_order.items()}
    for order_id in sorted(by_order, key=lambda o: (cost[o], o)):
        pickups = [p for p, _ in by_order[order_id]]
        deliveries = [q for _, q in by_order[order_id]]
        best = None
        for bike, route in enumerate(routes):
            inserted = _insert(network, route, pickups, deliveries)
            if inserted is not None:
                added = route_metres(network, inserted) - route_metres(network, route)
                if best is None or added < best[0]:
                    best = (added, bike, inserted)
        if best is not None:
            routes[best[1]] = best[2]
    return routes
