"""Remove and reinsert: the search that places more orders and shortens the routes.

OR-Tools' moves take out or put back one pickup-and-delivery pair at a time, while an
order of several shops must ride whole on one bike: its search shortens routes but
almost never adds an order. This large-neighbourhood search works on whole orders: it
takes out a few related orders (delivered near one another) or a few at random, puts
every order the plan does not hold back where it adds the fewest metres, in a shuffled
order (construction.add_orders), and keeps the result if it places more orders, or as
many with at most a little more metres — a tolerance that shrinks to nothing by the
deadline, so the search can leave a local optimum early and settles at the end.
"""
import random
import time
from typing import List

from . import construction
from .model import StopKind
from .network import Network, route_metres, schedule

ORDER_PENALTY = 10_000_000  # metres: one more order placed is worth more than any round
TOLERANCE = 0.05  # of the plan's metres, at the start
MAX_REMOVED = 8  # orders taken out at once
RELATED_SHARE = 0.7  # of the steps taking out orders delivered near one another; others at random
NEARBY = 12  # waiting orders tried besides


def value(network: Network, routes: List[List[int]]) -> int:
    """What a plan costs: every order left out, then the metres ridden."""
    placed = {network.nodes[i].order.order_id for route in routes for i in route}
    orders = {node.order.order_id for node in network.nodes[1:]}
    return (len(orders) - len(placed)) * ORDER_PENALTY + sum(
        route_metres(network, route) for route in routes)


def improve(network: Network, routes: List[List[int]], deadline: float,
            rng: random.Random) -> List[List[int]]:
    """The best plan found by removing and reinserting orders until `deadline`
    (time.perf_counter()); `routes` must keep the time model (network.schedule)."""
    home = {node.order.order_id: node.location  # order -> point of its delivery
            for node in network.nodes[1:] if node.kind != StopKind.PICKUP}
    # Each order's neighbours, nearest first: sorted once, asked at every step.
    nearest = {seed: sorted(home, key=lambda o: network.metres[home[seed]][home[o]])
               for seed in home}
    current = best = [list(route) for route in routes]
    current_value = best_value = value(network, current)
    started = time.perf_counter()
    span = max(deadline - started, 1e-6)
    noise = lambda: rng.uniform(0.5, 1.5)  # noqa: E731
    while time.perf_counter() < deadline:
        placed = sorted({network.nodes[i].order.order_id for route in current for i in route})
        if not placed:
            break
        seed = rng.choice(placed)
        near = nearest[seed]
        if rng.random() < RELATED_SHARE:  # orders delivered near one another
            removed = set(near[:rng.randint(2, MAX_REMOVED)]).intersection(placed)
        else:
            removed = set(rng.sample(placed, min(len(placed), rng.randint(1, MAX_REMOVED))))
        ruined = [[i for i in route if network.nodes[i].order.order_id not in removed]
                  for route in current]
        if any(schedule(network, route) is None for route in ruined):
            continue  # a metre of rounding: never keep a route the model refuses
        # What the room left may take: the orders taken out, and the waiting ones nearby.
        waiting = [o for o in near if o not in placed][:len(removed) + NEARBY]
        trial = construction.add_orders(network, ruined, noise, removed.union(waiting))
        trial_value = value(network, trial)
        metres = current_value % ORDER_PENALTY
        progress = (time.perf_counter() - started) / span
        if trial_value < current_value + TOLERANCE * metres * max(0.0, 1 - progress):
            current, current_value = trial, trial_value
            if trial_value < best_value:
                best, best_value = trial, trial_value
    return best
