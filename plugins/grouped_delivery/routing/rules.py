"""The rules every plan keeps (contract rule 8), checked on the plan as written.

The planner's model enforces them; this independent check runs on every plan
before it is kept, and in the property tests on generated slots.
"""
from typing import List

from .model import Plan, RoundProblem, StopKind


def violations(problem: RoundProblem, plan: Plan) -> List[str]:
    """Every broken rule, in words; empty when the plan is sound."""
    found: List[str] = []
    orders = {o.order_id: o for o in problem.orders}
    unrouted = {u.order_id for u in plan.unrouted}
    delivered: dict = {}
    capacity = problem.fleet.capacity_kg + 1e-6
    for route in plan.routes:
        collected: set = set()  # (order, shop) already on this bike
        load = 0.0
        for position, stop in enumerate(route.stops):
            where = f"vélo {route.courier}, arrêt {position + 1}"
            for order_id in stop.order_ids:
                order = orders.get(order_id)
                if order is None:
                    found.append(f"{where} : commande {order_id} inconnue")
                    continue
                if stop.kind == StopKind.PICKUP:
                    part = next((p for p in order.parts if p.shop_id == stop.shop_id), None)
                    if part is None:
                        found.append(f"{where} : la commande {order_id} n'a rien à cette boutique")
                        continue
                    if not any(i.start <= stop.arrival <= i.end for i in part.open):
                        found.append(f"{where} : boutique {stop.shop_id} fermée à l'arrivée")
                    collected.add((order_id, stop.shop_id))
                    load += part.weight_kg
                else:
                    if order_id in delivered:
                        found.append(f"{where} : commande {order_id} livrée deux fois")
                    delivered[order_id] = route.courier
                    missing = [p.shop_id for p in order.parts if p.shop_id != order.drop_shop_id
                               and (order_id, p.shop_id) not in collected]
                    if missing:
                        found.append(f"{where} : commande {order_id} livrée avant d'avoir "
                                     f"collecté {missing} sur ce vélo")
                    if stop.kind != order.kind:
                        found.append(f"{where} : commande {order_id} de type {stop.kind.value}")
                    if not problem.start <= stop.arrival <= problem.end:
                        found.append(f"{where} : commande {order_id} livrée hors créneau")
                    load -= sum(p.weight_kg for p in order.parts
                                if p.shop_id != order.drop_shop_id)
            if load > capacity:
                found.append(f"{where} : {load:.1f} kg sur le vélo, plus que sa capacité")
    for order_id, order in orders.items():
        moves = any(p.shop_id != order.drop_shop_id for p in order.parts)
        if moves and (order_id in delivered) == (order_id in unrouted):
            found.append(f"commande {order_id} : ni planifiée ni signalée, ou les deux")
    return found
