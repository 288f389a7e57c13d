"""Serve anonymous public GraphQL reads from Redis; invalidate after catalogue mutations.

A hit costs one Redis round trip and no database query. What is cacheable is decided
in policy.py; what invalidates, there and in signals.py.
"""
from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpResponse
from django.urls import reverse
from graphql_jwt.settings import jwt_settings

from . import policy
from .store import get_store, invalidate_on_commit


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
        # Inside a transaction (tests) a response may show uncommitted rows: never share it.
        # Multipart bodies (file uploads) are left unread: they may be large.
        if (request.method != "POST" or request.path != self.api_path
                or request.content_type != "application/json"
                or connection.in_atomic_block):
            return self.get_response(request)
        payload = policy.parse_body(request.body)
        if payload is None:
            return self.get_response(request)

        anonymous = (
            "HTTP_AUTHORIZATION" not in request.META
            and jwt_settings.JWT_COOKIE_NAME not in request.COOKIES
        )
        generation = key = None
        if anonymous:
            key = policy.cache_key(payload, (request.country, request.currency))
            generation, body = self.store.lookup(key)
            if body is not None:
                response = HttpResponse(body, content_type="application/json")
                response["X-Read-Cache"] = "hit"
                return response

        graphql_request = policy.Request(payload)
        response = self.get_response(request)
        if graphql_request.may_change_catalogue():
            invalidate_on_commit()
        elif (
            generation is not None
            and response.status_code == 200
            and graphql_request.is_public_read()
            and b'"errors"' not in response.content
        ):
            self.store.save(generation, key, response.content)
            response["X-Read-Cache"] = "miss"
        return response
