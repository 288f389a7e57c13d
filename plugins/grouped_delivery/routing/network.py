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
    distance = [[row[b] for b in locs] for row in (metres[a] for a in locs)]
    # Rides between places (fewer than nodes: a shop serves many orders), then per node.
    ride = [[ride_seconds(m, fleet.speed_kmh) for m in row] for row in metres]
    duration = []
    for a, node in zip(locs, nodes):
        row = ride[a]
        duration.append([row[b] + node.service if a != b else 0 for b in locs])
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


@dataclass(frozen=True)
class Timeline:
    """One bike's sequence as scheduled, with how much later each node could be served
    without breaking a window, the capacity or the return after it: an insertion is
    then checked on the nodes it moves only (`delay`)."""

    sequence: List[int]
    times: List[int]
    loads: List[int]  # grams on the bike when leaving each node
    slack: List[int]
    waits: List[int]  # seconds waited for a window after each node, to the end
    back: int  # at the hub


def timeline(network: Network, sequence: List[int]) -> Optional[Timeline]:
    times = schedule(network, sequence)
    if times is None:
        return None
    loads, load = [], 0
    for i in sequence:
        load += network.nodes[i].grams
        loads.append(load)
    back = times[-1] + network.duration[sequence[-1]][0] if sequence else 0
    slack, waits = [0] * len(sequence), [0] * len(sequence)
    after, waited = network.horizon - back, 0
    for k in range(len(sequence) - 1, -1, -1):
        # Served later than its current window allows counts as broken, even if the node
        # has a later window: a little cautious, never wrong.
        closes = next(end for _, end in network.nodes[sequence[k]].windows if times[k] <= end)
        slack[k], waits[k] = min(closes - times[k], after), waited
        if k:
            wait = times[k] - times[k - 1] - network.duration[sequence[k - 1]][sequence[k]]
            after, waited = wait + slack[k], waited + wait
    return Timeline(list(sequence), times, loads, slack, waits, back)


def before(line: Timeline, position: int) -> tuple:
    """(clock, load, node) of the bike arriving at `position` of `line`'s sequence."""
    if not position:
        return 0, 0, 0
    return line.times[position - 1], line.loads[position - 1], line.sequence[position - 1]


def delay(network: Network, line: Timeline, candidate: List[int], start: int, last: int,
          state: tuple, trail: Optional[list] = None) -> Optional[int]:
    """How much later the bike is back at the hub with `candidate`: `line`'s sequence with
    whole orders inserted (their grams add up to nothing), none before `start` nor after
    `last` (positions in `candidate`); None if it breaks a rule. `state`: the bike arriving at `start` (`before`).
    `trail`, if given, gets the state after each position (then `last` must be the end)."""
    inserted = len(candidate) - len(line.sequence)
    clock, load, here = state
    nodes, duration, capacity = network.nodes, network.duration, network.capacity
    for k in range(start, len(candidate)):
        i = candidate[k]
        node = nodes[i]
        # `opening`, written out: this loop is the search's hot spot.
        clock += duration[here][i]
        for opens, closes in node.windows:
            if clock <= closes:
                clock = max(clock, opens)
                break
        else:
            return None
        load += node.grams
        if load > capacity:
            return None
        if k > last:  # a node of the sequence, served this much later: the rest follows
            j = k - inserted
            late = clock - line.times[j]
            return max(0, late - line.waits[j]) if late <= line.slack[j] else None
        here = i
        if trail is not None:
            trail.append((clock, load, here))
    back = clock + duration[here][0]
    return back - line.back if back <= network.horizon else None


def route_metres(network: Network, sequence: List[int]) -> int:
    path = [0, *sequence, 0]
    return sum(network.distance[a][b] for a, b in zip(path, path[1:]))
