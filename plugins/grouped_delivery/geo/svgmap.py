"""A round drawn as an SVG map from our own coordinates (no tile server): the Seine for
bearings, each bike's path in its colour, numbered stops (squares: shops, circles:
residents), the hub as a star. Pure Python; the text is escaped."""
import math
from dataclasses import dataclass
from html import escape
from typing import List, Optional, Sequence, Tuple

from .domain import GeoPoint

COLOURS = ("#1f5fa8", "#c0392b", "#1e8449", "#8e44ad", "#d35400", "#117a65")
# The Seine along the 16th, from the Alma to the Pont du Garigliano (approximate).
SEINE = ((48.8641, 2.3020), (48.8620, 2.2950), (48.8582, 2.2895), (48.8553, 2.2862),
         (48.8510, 2.2800), (48.8470, 2.2760), (48.8425, 2.2715), (48.8385, 2.2690))


@dataclass(frozen=True)
class MapStop:
    point: GeoPoint
    label: str  # "3"
    shop: bool
    done: bool = False


@dataclass(frozen=True)
class MapRoute:
    colour_index: int
    stops: Tuple[MapStop, ...]


def draw(routes: Sequence[MapRoute], hub: Optional[GeoPoint], width: int = 600,
         height: int = 420, title: str = "Plan de la tournée") -> str:
    points = [s.point for r in routes for s in r.stops] + ([hub] if hub else [])
    if not points:
        return ""
    lat0 = sum(p.latitude for p in points) / len(points)
    kx = math.cos(math.radians(lat0))  # metres per degree of longitude shrink with latitude
    xs = [p.longitude * kx for p in points]
    ys = [p.latitude for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 0.004)
    margin = 24
    scale = min((width - 2 * margin) / span, (height - 2 * margin) / span)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2

    def xy(lat: float, lon: float) -> str:
        return (f"{width / 2 + (lon * kx - cx) * scale:.1f},"
                f"{height / 2 - (lat - cy) * scale:.1f}")

    out: List[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" class="round-map">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#f6f3ec"/>',
        '<polyline fill="none" stroke="#9cc3e6" stroke-width="10" stroke-linecap="round" '
        f'points="{" ".join(xy(*p) for p in SEINE)}"/>',
    ]
    for route in routes:
        colour = COLOURS[route.colour_index % len(COLOURS)]
        path = ([hub] if hub else []) + [s.point for s in route.stops] + ([hub] if hub else [])
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" '
                   f'stroke-opacity="0.8" points="{" ".join(xy(p.latitude, p.longitude) for p in path)}"/>')
    for route in routes:
        colour = COLOURS[route.colour_index % len(COLOURS)]
        for stop in route.stops:
            x, y = xy(stop.point.latitude, stop.point.longitude).split(",")
            fill = "#ffffff" if not stop.done else "#d5d8dc"
            shape = (f'<rect x="{float(x) - 8:.1f}" y="{float(y) - 8:.1f}" width="16" height="16" '
                     if stop.shop else f'<circle cx="{x}" cy="{y}" r="9" ')
            out.append(f'{shape}fill="{fill}" stroke="{colour}" stroke-width="2"/>'
                       f'<text x="{x}" y="{float(y) + 4:.1f}" font-size="10" font-family="sans-serif" '
                       f'text-anchor="middle" fill="#222">{escape(stop.label)}</text>')
    if hub:
        x, y = (float(v) for v in xy(hub.latitude, hub.longitude).split(","))
        star = " ".join(
            f"{x + (11 if i % 2 == 0 else 5) * math.sin(i * math.pi / 5):.1f},"
            f"{y - (11 if i % 2 == 0 else 5) * math.cos(i * math.pi / 5):.1f}" for i in range(10))
        out.append(f'<polygon points="{star}" fill="#f1c40f" stroke="#7d6608"/>')
    out.append("</svg>")
    return "".join(out)
