"""The round's SVG map, drawn from our coordinates."""
from plugins.grouped_delivery.geo.domain import GeoPoint
from plugins.grouped_delivery.geo.svgmap import MapRoute, MapStop, draw

HUB = GeoPoint(48.8640, 2.2750)


def test_an_empty_round_draws_nothing():
    assert draw([], None) == ""


def test_stops_are_numbered_shaped_and_escaped():
    svg = draw([MapRoute(0, (MapStop(GeoPoint(48.86, 2.28), "1", shop=True),
                             MapStop(GeoPoint(48.85, 2.27), "<2>", shop=False, done=True)))],
               HUB, title="Tournée « test » & co")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect x=") == 1 and svg.count("<circle") == 1  # a shop, a resident
    assert "&lt;2&gt;" in svg and "<2>" not in svg and "&amp; co" in svg
    assert "<polygon" in svg  # the hub's star
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # no tile server


def test_every_point_falls_inside_the_picture():
    import re

    points = [GeoPoint(48.84 + i / 500, 2.25 + i / 300) for i in range(12)]
    svg = draw([MapRoute(i % 3, (MapStop(p, str(i), i % 2 == 0),)) for i, p in enumerate(points)],
               HUB, width=600, height=420)
    for x, y in re.findall(r'cx="([\d.-]+)" cy="([\d.-]+)"', svg):
        assert 0 <= float(x) <= 600 and 0 <= float(y) <= 420
