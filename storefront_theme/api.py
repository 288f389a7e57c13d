"""The storefront's only way to data: the public GraphQL API, over HTTP.

No Saleor or plugin model is imported anywhere in the storefront, so it works the
same when deployed on another host (STOREFRONT_API_URL). Anonymous catalogue reads
are cached briefly in Django's cache (Redis when REDIS_URL is set).
"""
import hashlib
import json
import logging
import threading
import time
from typing import Callable, Optional

import requests
from django.conf import settings
from django.core.cache import cache

CATALOGUE_TTL = 60  # seconds: a shop's new product shows within a minute

logger = logging.getLogger(__name__)
_session = requests.Session()
# Per-thread tally of API calls, reported in the Server-Timing header and by the benchmark.
_stats = threading.local()


class ApiUnavailable(Exception):
    """The API could not be reached or answered with a GraphQL (not a user) error."""

    message = "Le service est momentanément indisponible ; réessayez dans un instant."


class ApiRefused(ApiUnavailable):
    """The API refused the request with one of its limit codes (too many login
    attempts...): its French message is for the resident."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


# Codes of the API's limits whose message a page can show as it is.
REFUSAL_CODES = frozenset({"TOO_MANY_ATTEMPTS"})


def http_transport(url: str, body: dict, headers: dict) -> dict:
    try:
        response = _session.post(url, json=body, headers=headers, timeout=20)
    except requests.RequestException as exc:
        raise ApiUnavailable(str(exc)) from exc
    if response.status_code not in (200, 400):
        raise ApiUnavailable(f"HTTP {response.status_code}")
    return response.json()


# The benchmark swaps this for an in-process call to count the API's DB queries.
transport: Callable[[str, dict, dict], dict] = http_transport


def reset_stats() -> None:
    _stats.calls = 0
    _stats.seconds = 0.0


def stats() -> tuple:
    return getattr(_stats, "calls", 0), getattr(_stats, "seconds", 0.0)


def forwarded_for(request) -> str:
    """X-Forwarded-For for the API: the chain this page received plus its peer, so the
    API's login throttle counts the resident's address, not the storefront's."""
    chain = request.META.get("HTTP_X_FORWARDED_FOR", "")
    peer = request.META.get("REMOTE_ADDR", "")
    return ", ".join(part for part in (chain, peer) if part)


def execute(query: str, variables: Optional[dict] = None, token: Optional[str] = None,
            partial: bool = False, request=None) -> dict:
    """The `data` of one GraphQL request; ApiUnavailable on any error (ApiRefused for
    a limit whose message the resident should read).

    With partial=True, errors on some fields (left null) are logged and the rest of
    the data is used: a page can still show a product whose price failed to resolve.
    With the page's request, the API learns the resident's address.
    """
    headers = {"Authorization": f"JWT {token}"} if token else {}
    if request is not None:
        headers["X-Forwarded-For"] = forwarded_for(request)
    started = time.perf_counter()
    body = transport(settings.STOREFRONT_API_URL, {"query": query, "variables": variables or {}}, headers)
    _stats.calls = getattr(_stats, "calls", 0) + 1
    _stats.seconds = getattr(_stats, "seconds", 0.0) + time.perf_counter() - started
    if body.get("errors"):
        code = (body["errors"][0].get("extensions") or {}).get("code")
        if code in REFUSAL_CODES:
            raise ApiRefused(code, body["errors"][0]["message"])
        if not (partial and body.get("data")):
            raise ApiUnavailable(json.dumps(body["errors"])[:500])
        logger.warning("Partial API answer: %s", json.dumps(body["errors"])[:500])
    return body["data"]


def cached(query: str, variables: Optional[dict] = None, ttl: int = CATALOGUE_TTL,
           partial: bool = False) -> dict:
    """An anonymous read, served from the cache for `ttl` seconds."""
    key = "p16sf:" + hashlib.sha256(
        # The API's address is part of the key: two deployments may share one Redis.
        json.dumps([settings.STOREFRONT_API_URL, query, variables], sort_keys=True).encode()
    ).hexdigest()
    data = cache.get(key)
    if data is None:
        data = execute(query, variables, partial=partial)
        cache.set(key, data, ttl)
    return data


def edges(connection: Optional[dict]) -> list:
    """The nodes of a Relay connection (empty when the connection is null)."""
    return [edge["node"] for edge in (connection or {}).get("edges", [])]
