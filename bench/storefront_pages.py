"""Storefront pages: server time, API calls and database queries per page.

Called from `make bench` inside a process where Django is set up on a database with
the demo district loaded:

    from bench.storefront_pages import measure
    figures = measure(requests=30)

Everything runs in-process: the page through django.test.Client, and the page's
GraphQL calls routed through a second Client instead of HTTP, so the API's database
queries are counted with the page's. Server time therefore leaves out the loopback
HTTP hop (about a millisecond per call on this machine).

For each page: "cold" = first request, empty cache (what the API really costs);
"warm" = the catalogue cached, as residents see it; p50/p90 are over `requests`
warm requests. Target: p50 < 150 ms, and the cold query count must not grow with
the number of products on the page.
"""
import json
import statistics
import time

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from storefront_theme import api

HOST = "127.0.0.1"
SEARCH_WORD = "pain"


def _in_process_transport(client):
    def transport(_url, body, headers):
        extra = {"HTTP_AUTHORIZATION": headers["Authorization"]} if "Authorization" in headers else {}
        response = client.post("/graphql/", json.dumps(body), content_type="application/json", **extra)
        return response.json()
    return transport


def _one(client, path):
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, f"{path}: HTTP {response.status_code}"
    calls, _seconds = api.stats()
    return elapsed, calls, len(captured), len(response.content)


def _pages(client):
    data = api.execute("{ merchants(first: 1) { edges { node { slug } } } }")
    slug = api.edges(data["merchants"])[0]["slug"]
    return {
        "home": "/",
        "shop": f"/boutiques/{slug}/",
        "search": f"/recherche/?q={SEARCH_WORD}",
    }


def measure(requests: int = 30) -> dict:
    page_client = Client(HTTP_HOST=HOST)
    saved = api.transport
    api.transport = _in_process_transport(Client(HTTP_HOST=HOST))
    try:
        results = {}
        for name, path in _pages(page_client).items():
            cache.clear()
            cold_ms, cold_calls, cold_queries, size = _one(page_client, path)
            warm = [_one(page_client, path) for _ in range(requests)]
            times = sorted(sample[0] for sample in warm)
            results[name] = {
                "path": path,
                "cold_ms": round(cold_ms, 1),
                "cold_api_calls": cold_calls,
                "cold_db_queries": cold_queries,
                "p50_ms": round(statistics.median(times), 1),
                "p90_ms": round(times[int(len(times) * 0.9) - 1], 1),
                "warm_api_calls": max(sample[1] for sample in warm),
                "warm_db_queries": max(sample[2] for sample in warm),
                "html_kb": round(size / 1024, 1),
                "target_p50_ms": 150,
            }
        return results
    finally:
        api.transport = saved


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(measure(), indent=2, ensure_ascii=False))
