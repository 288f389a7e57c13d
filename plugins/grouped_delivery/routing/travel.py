"""Distances between points. The plan only sees `Travel`: a road-network engine (OSRM's
/table service, with its bicycle profile) can replace the straight-line estimate in
production without touching the planner.

The estimate: great-circle (haversine) distance times a detour factor of 1.3, the
usual ratio between the distance ridden on a dense street grid such as Paris's and
the straight line (one-way streets and the Seine quays make it worse, wide avenues
better); durations at the bike's speed.
"""
import math
from typing import List, Protocol, Sequence

from ..geo.domain import GeoPoint

EARTH_RADIUS_M = 6_371_000
DETOUR_FACTOR = 1.3


class Travel(Protocol):
    def metres(self, points: Sequence[GeoPoint]) -> List[List[int]]:
        """Square matrix: metres ridden from points[i] to points[j]."""


def haversine_m(a: GeoPoint, b: GeoPoint) -> float:
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


class StraightLineTravel:
    def __init__(self, detour_factor: float = DETOUR_FACTOR):
        self.detour_factor = detour_factor

    def metres(self, points):
        # Symmetric: each pair computed once (the planner asks for ~200 points at a time).
        n = len(points)
        matrix = [[0] * n for _ in range(n)]
        for i in range(n):
            a, row = points[i], matrix[i]
            for j in range(i + 1, n):
                row[j] = matrix[j][i] = round(haversine_m(a, points[j]) * self.detour_factor)
        return matrix


def ride_seconds(metres: int, speed_kmh: float) -> int:
    return math.ceil(metres / (speed_kmh / 3.6))


def tour_metres(matrix: List[List[int]], sequence: Sequence[int]) -> int:
    """Metres of a tour visiting matrix indices in this order."""
    return sum(matrix[a][b] for a, b in zip(sequence, sequence[1:]))
