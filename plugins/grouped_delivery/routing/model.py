"""What a round is made of: orders with their shops' parts, bikes, and the plan."""
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Optional, Tuple

from ..geo.domain import GeoPoint


class StopKind(str, Enum):
    PICKUP = "PICKUP"  # collect parts at a shop
    DELIVERY = "DELIVERY"  # hand an order to its resident
    DROP_OFF = "DROP_OFF"  # leave an order at a click & collect point (a shop or the central point)


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Part:
    """One shop's share of an order: collected at the shop while it is open."""

    shop_id: int
    shop_name: str
    location: Optional[GeoPoint]
    weight_kg: float
    open: Tuple[Interval, ...]  # when the shop is open during the slot (empty: closed)


@dataclass(frozen=True)
class RoundOrder:
    order_id: int
    parts: Tuple[Part, ...]
    destination: Optional[GeoPoint]
    kind: StopKind = StopKind.DELIVERY  # or DROP_OFF
    drop_shop_id: Optional[int] = None  # DROP_OFF at a shop: that shop's own part stays there

    @property
    def weight_kg(self) -> float:
        return sum(part.weight_kg for part in self.parts)


@dataclass(frozen=True)
class Fleet:
    couriers: int
    hub: GeoPoint
    capacity_kg: float = 80.0  # a cargo bike's box, rider's bags aside
    speed_kmh: float = 14.0  # cargo bike in Paris traffic, lights included
    pickup_minutes: float = 2.0  # park, collect the bags prepared by the shop
    delivery_minutes: float = 3.0  # park, ring, hand over, sign
    return_minutes: int = 30  # the ride back to the hub may end this long after the slot


@dataclass(frozen=True)
class RoundProblem:
    start: datetime  # the slot: deliveries arrive between its start and its end
    end: datetime
    orders: Tuple[RoundOrder, ...]
    fleet: Fleet
    # When bikes leave the hub: parts are ready from the slot's cut-off plus the shops'
    # preparation time, so collecting starts before the slot (None: at its start).
    shift_start: Optional[datetime] = None

    @property
    def departure(self) -> datetime:
        return min(self.shift_start or self.start, self.start)


@dataclass(frozen=True)
class Stop:
    kind: StopKind
    location: GeoPoint
    order_ids: Tuple[int, ...]
    arrival: datetime
    shop_id: Optional[int] = None  # PICKUP, and DROP_OFF at a shop
    load_kg: float = 0.0  # on the bike when leaving the stop


@dataclass(frozen=True)
class Route:
    courier: int  # 1, 2, ...
    stops: Tuple[Stop, ...]
    metres: int
    duration: timedelta


class Unplaced(str, Enum):
    NO_LOCATION = "NO_LOCATION"
    SHOP_CLOSED = "SHOP_CLOSED"
    TOO_HEAVY = "TOO_HEAVY"
    NO_TIME = "NO_TIME"


@dataclass(frozen=True)
class UnroutedOrder:
    order_id: int
    code: Unplaced
    message: str  # French, for the operator: why, and what to do


@dataclass(frozen=True)
class Plan:
    routes: Tuple[Route, ...]
    unrouted: Tuple[UnroutedOrder, ...]
    per_shop_metres: int  # the placed orders, if each shop took its own part to the resident
    solve_seconds: float = 0.0
    objective: int = 0  # what the search minimises: orders left out first, then metres

    @property
    def metres(self) -> int:
        return sum(route.metres for route in self.routes)
