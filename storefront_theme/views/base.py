"""What every page shares: header data, the API-down page, Server-Timing."""
import functools
import logging

from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect

from .. import api, session

logger = logging.getLogger(__name__)


def page(request, template, context=None, status=200):
    context = {
        "basket_count": session.basket_count(request),
        "logged_in": bool(session.login_token(request)),
        "query": "",
        **(context or {}),
    }
    response = render(request, template, context, status=status)
    calls, seconds = api.stats()
    # Lets anyone (and the benchmark) see what a page cost in API calls.
    response["Server-Timing"] = f'api;desc="{calls} appels";dur={seconds * 1000:.1f}'
    return response


def not_found(request, message):
    return page(request, "storefront/not_found.html", {"message": message}, status=404)


def storefront_view(view):
    """Every page: CSRF protection (and its cookie for the page's forms; the project
    has no CSRF middleware, the API being token-based), a fresh API tally, and a
    French page when the API cannot answer."""

    @csrf_protect
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        api.reset_stats()
        try:
            return view(request, *args, **kwargs)
        except api.ApiUnavailable:
            logger.exception("API unavailable for %s", request.path)
            return page(request, "storefront/unavailable.html", status=503)

    return wrapper
