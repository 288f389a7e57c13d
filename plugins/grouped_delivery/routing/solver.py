"""OR-Tools' routing library on the network, polishing the plan's sequences.

Constraints: each part a pickup-and-delivery pair (same bike, pickup first); an
order's delivery copies on the same bike, at the same time (one visit), and all
placed or none; windows, capacity, return to the hub. Dropping a node costs far
more than any distance, so the search never gives up an order to save metres.
The search is guided local search for `time_limit` seconds from the given plan.
"""
from typing import List

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from .network import Network

DROP_PENALTY = 10_000_000  # metres: more than any round


def improve(network: Network, couriers: int, first: List[List[int]], time_limit: float
            ) -> List[List[int]]:
    nodes = network.nodes
    manager = pywrapcp.RoutingIndexManager(len(nodes), couriers, 0)
    routing = pywrapcp.RoutingModel(manager)
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(network.distance))
    routing.AddDimension(routing.RegisterTransitMatrix(network.duration), network.horizon,
                         network.horizon, True, "time")
    clock = routing.GetDimensionOrDie("time")
    routing.AddDimensionWithVehicleCapacity(
        routing.RegisterUnaryTransitVector([n.grams for n in nodes]), 0,
        [network.capacity] * couriers, True, "load")
    solver = routing.solver()
    for vehicle in range(couriers):
        clock.CumulVar(routing.End(vehicle)).SetMax(network.horizon)
    first_delivery = {}
    for p, d in network.pairs():
        pickup, delivery = manager.NodeToIndex(p), manager.NodeToIndex(d)
        routing.AddPickupAndDelivery(pickup, delivery)
        solver.Add(routing.VehicleVar(pickup) == routing.VehicleVar(delivery))
        solver.Add(clock.CumulVar(pickup) <= clock.CumulVar(delivery))
        windows = nodes[p].windows
        clock.CumulVar(pickup).SetRange(windows[0][0], windows[-1][1])
        for (_, closes), (reopens, _) in zip(windows, windows[1:]):
            if closes + 1 <= reopens - 1:
                clock.CumulVar(pickup).RemoveInterval(closes + 1, reopens - 1)
        clock.CumulVar(delivery).SetRange(*nodes[d].windows[0])
        routing.AddDisjunction([pickup], DROP_PENALTY)
        routing.AddDisjunction([delivery], DROP_PENALTY)
        order_id = nodes[p].order.order_id
        other = first_delivery.setdefault(order_id, delivery)
        if other != delivery:
            solver.Add(routing.VehicleVar(delivery) == routing.VehicleVar(other))
            solver.Add(routing.ActiveVar(delivery) == routing.ActiveVar(other))
            solver.Add(clock.CumulVar(delivery) == clock.CumulVar(other))
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH)
    params.time_limit.FromMilliseconds(max(1, int(time_limit * 1000)))
    start = routing.ReadAssignmentFromRoutes(
        [[manager.NodeToIndex(i) for i in route] for route in first], True)
    if start is None:  # the first plan breaks a constraint of the model: keep it unimproved
        return first
    solution = routing.SolveFromAssignmentWithParameters(start, params)
    if solution is None:
        return first
    routes = []
    for vehicle in range(couriers):
        index, route = solution.Value(routing.NextVar(routing.Start(vehicle))), []
        while not routing.IsEnd(index):
            route.append(manager.IndexToNode(index))
            index = solution.Value(routing.NextVar(index))
        routes.append(route)
    return routes
