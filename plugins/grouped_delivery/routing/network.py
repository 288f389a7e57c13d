"""The round as the solver sees it: nodes, their matrices, and the one time model.

One node per shop part (a pickup) and, for each, a copy of its order's delivery
at the resident's address; node 0 is the hub. Times are seconds from the bikes'
departure. Riding from one place to another costs the ride at the bike's speed
plus the stop time of the place left; nodes at the same place (two orders
collected at one shop, an order's delivery copies) share one stop. A node is
served in its first window still open when the bike gets there, waiting for it
to open if needed. Both the construction and the solver use exactly this model,
and the stops written in the plan are computed by `schedule` from it.
"""
from dataclasses import dataclass
from typing import List, Optional, Tuple

from ..geo.domain import GeoPoint
from .model import RoundOrder, RoundProblem, StopKind
from .travel import Travel, ride_seconds


@dataclass(frozen=True)
class Node:
    kind: StopKind
    location: int  # index into Network.points
    order: Optional[RoundOrder]  # None for the hub
    shop_id: Optional[int]
    grams: int  # + at a pickup, - at a delivery
    windows: Tuple[Tuple[int, int], ...]
    service: int  # seconds spent at this place


@dataclass
class Network:
    problem: RoundProblem
    points: List[GeoPoint]
    nodes: List[Node]
    metres: List[List[int]]  # between points
    distance: List[List[int]]  # between nodes
    duration: List[List[int]]  # between nodes, stop time of the node left included
    horizon: int  # back at the hub by then
    capacity: int  # grams

    def pairs(self):
        """(pickup, delivery) node indices: nodes come in pairs after the hub."""
        return [(i, i + 1) for i in range(1, len(self.nodes), 2)]


def seconds(problem: RoundProblem, moment) -> int:
    return int((moment - problem.departure).total_seconds())


def build(problem: RoundProblem, orders: List[RoundOrder], travel: Travel) -> Network:
    fleet = problem.fleet
    points: List[GeoPoint] = [fleet.hub]
    index = {fleet.hub: 0}

    def at(point: GeoPoint) -> int:
        if point not in index:
            index[point] = len(points)
            points.append(point)
        return index[point]

    pickup_s, delivery_s = round(fleet.pickup_minutes * 60), round(fleet.delivery_minutes * 60)
    slot = (seconds(problem, problem.start), seconds(problem, problem.end))
    nodes = [Node(StopKind.PICKUP, 0, None, None, 0, ((0, 0),), 0)]
    for order in orders:
        for part in order.parts:
            if part.shop_id == order.drop_shop_id:
                continue  # already where the resident collects it
            grams = round(part.weight_kg * 1000)
            windows = ((max(0, seconds(problem, i.start)), min(slot[1], seconds(problem, i.end)))
                       for i in part.open)
            nodes.append(Node(StopKind.PICKUP, at(part.location), order, part.shop_id, grams,
                              tuple(w for w in windows if w[0] <= w[1]), pickup_s))
            nodes.append(Node(order.kind, at(order.destination), order, order.drop_shop_id,
                              -grams, (slot,), delivery_s))
    metres = travel.metres(points)
    locs = [n.location for n in nodes]
    distance = [[metres[a][b] for b in locs] for a in locs]
    duration = [[ride_seconds(metres[a][b], fleet.speed_kmh) + (n.service if a != b else 0)
                 for b in locs] for a, n in zip(locs, nodes)]
    return Network(problem, points, nodes, metres, distance, duration,
                   slot[1] + fleet.return_minutes * 60, round(fleet.capacity_kg * 1000))


def opening(node: Node, clock: int) -> Optional[int]:
    """When the node can be served if the bike arrives at `clock`; None: too late."""
    for start, end in node.windows:
        if clock <= end:
            return max(clock, start)
    return None


def schedule(network: Network, sequence: List[int]) -> Optional[List[int]]:
    """Service times of the nodes of one bike's sequence, or None if it breaks a window,
    the capacity or the return to the hub."""
    times, clock, load, here = [], 0, 0, 0
    for i in sequence:
        clock = opening(network.nodes[i], clock + network.duration[here][i])
        load += network.nodes[i].grams
        if clock is None or load > network.capacity:
            return None
        times.append(clock)
        here = i
    if clock + network.duration[here][0] > network.horizon:
        return None
    return times


def route_metres(network: Network, sequence: List[int]) -> int:
    path = [0, *sequence, 0]
    return sum(network.distance[a][b] for a, b in zip(path, path[1:]))
