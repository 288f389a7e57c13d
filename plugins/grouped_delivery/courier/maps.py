"""Kept routes drawn as SVG (geo.svgmap), for the courier's page and the printed sheet."""
from ..geo.domain import GeoPoint
from ..geo.svgmap import MapRoute, MapStop, draw
from .problem import hub_location


def route_map(sheets, title: str = "Plan de la tournée") -> str:
    """`sheets`: CourierSheet of one or more bikes of the same plan."""
    routes = [MapRoute(sheet.route.courier - 1, tuple(
        MapStop(GeoPoint(s.stop.latitude, s.stop.longitude), str(s.stop.sequence),
                s.stop.kind == "PICKUP", s.stop.status != "PLANNED")
        for s in sheet.stops)) for sheet in sheets]
    return draw(routes, hub_location(), title=title)
