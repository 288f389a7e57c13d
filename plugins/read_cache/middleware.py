"""Serve anonymous public GraphQL reads from Redis; invalidate after any request that
may write.

A hit costs one Redis round trip and no database query: only public reads are ever
stored, and the key pins their exact text, so a hit needs no GraphQL parsing. What is
cacheable and what invalidates is decided in policy.py (and signals.py).
"""
import json

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language

from . import policy
from .store import get_store, invalidate_on_commit

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def request_context(request) -> tuple:
    """What a public answer is computed from besides the body: the address the client
    called, as Django reads it (scheme from X-Forwarded-Proto, host, port: answers
    carry absolute URLs), the country and currency Saleor derived from the client's
    address, and the language."""
    return (request.build_absolute_uri("/"), str(request.country), str(request.currency),
            get_language())


def _freeze(response) -> bytes:
    """The response as stored: its headers (content type, CORS), a newline, its body."""
    return json.dumps(list(response.items())).encode() + b"\n" + response.content


def _thaw(stored: bytes) -> HttpResponse:
    headers, _, body = stored.partition(b"\n")
    response = HttpResponse(body)
    for name, value in json.loads(headers):
        response[name] = value
    response["X-Read-Cache"] = "hit"
    return response


class ReadCacheMiddleware:
    def __init__(self, get_response):
        if not settings.READ_CACHE_URL:
            raise MiddlewareNotUsed()
        self.get_response = get_response
        self.store = get_store()
        self.api_path = None

    def __call__(self, request):
        if self.api_path is None:
            self.api_path = reverse("api")
        # GET renders the playground: nothing runs, nothing is cached. Inside a
        # transaction (tests) a response may show uncommitted rows: never shared.
        if (request.method != "POST" or request.path != self.api_path
                or connection.in_atomic_block):
            return self.get_response(request)

        form = request.POST if request.content_type in FORM_TYPES else None
        body = None if form is not None else request.body
        key = generation = None
        payload = policy.anonymous_payload(request.content_type, body, request.META)
        if payload is not None:
            key = policy.cache_key(payload, request_context(request))
            generation, stored = self.store.lookup(key)
            if stored is not None:
                return _thaw(stored)

        payloads = policy.executed_payloads(request.content_type, body, form)
        requests = None if payloads is None else [policy.Request(p) for p in payloads]
        writes = requests is None or any(r.may_change_catalogue() for r in requests)
        try:
            response = self.get_response(request)
        finally:
            # Even when the view failed half-way: what ran before may have written.
            if writes:
                invalidate_on_commit()
        if (
            not writes
            and generation is not None
            and response.status_code == 200
            and not response.cookies
            and requests[0].is_public_read()
            and b'"errors"' not in response.content
        ):
            self.store.save(generation, key, _freeze(response))
            response["X-Read-Cache"] = "miss"
        return response
