"""Graphene middleware: failed attempts of password-taking mutations are throttled
per account and per client address (decisions in throttle.py, counters in
throttle_store.py). Added innermost by the GraphQL view, after authentication."""
import logging

from django.conf import settings
from promise import Promise

from . import password_fields, throttle
from .client_address import client_address
from .errors import GuardError
from .throttle_store import default_store

logger = logging.getLogger(__name__)


def request_address(request) -> str:
    return client_address(
        request.META.get(getattr(settings, "REAL_IP_ENVIRON", "REMOTE_ADDR")),
        request.META.get("HTTP_X_FORWARDED_FOR"),
        settings.P16_TRUSTED_PROXIES,
    )


class PasswordThrottleMiddleware:
    def __init__(self, store=None, policy=None):
        self.store = store or default_store()
        self.policy = policy or throttle.ThrottlePolicy()

    def resolve(self, next_, root, info, **args):
        if info.parent_type.name != "Mutation" or info.field_name not in password_fields.GUESSING:
            return next_(root, info, **args)
        request = info.context
        user = getattr(request, "user", None)
        user_email = user.email if user is not None and user.is_authenticated else None
        limits = throttle.counter_keys(
            self.policy, password_fields.account_tried(info.field_name, args, user_email),
            request_address(request),
        )
        keys = [key for key, _ in limits]
        decision = throttle.decide(limits, self.store.reserve(keys, self.policy.window_seconds))
        if not decision.allowed:
            self.store.release(keys)
            logger.warning("%s refused: too many failed attempts", info.field_name)
            raise GuardError("TOO_MANY_ATTEMPTS", minutes=decision.retry_after_minutes)

        def settle(payload):
            if not password_fields.failed(payload):
                self.store.release(keys)
            return payload

        return Promise.resolve(next_(root, info, **args)).then(settle)
