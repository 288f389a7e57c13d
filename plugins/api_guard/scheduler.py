"""No GraphQL execution may hold a server thread forever.

Why a thread froze at 0 % CPU: graphql-core 2 runs resolvers through `promise` 2.3,
whose ImmediateScheduler runs each callback in a bare `try: ... except: pass`. A
query nested deep enough (products → category → products → ... ~14 times) makes
the chain of nested promise callbacks pass Python's recursion limit; the
RecursionError is swallowed, the outer promise is never settled, and the executor's
`promise.get()` waits on a threading.Event with no timeout: forever, idle.

The depth limit keeps queries far from that point; this scheduler is the backstop:
the same scheduler whose wait gives up after a deadline, which the view then reports
as REQUEST_TIMEOUT, freeing the thread.
"""
from promise import set_default_scheduler
from promise.schedulers.immediate import ImmediateScheduler

from .errors import GuardError


class BoundedWaitScheduler(ImmediateScheduler):
    def __init__(self, max_wait_seconds: float):
        self.max_wait_seconds = max_wait_seconds

    def wait(self, promise, timeout=None):
        try:
            super().wait(promise, timeout if timeout is not None else self.max_wait_seconds)
        except Exception as exc:
            if str(exc) == "Timeout":
                raise GuardError("REQUEST_TIMEOUT") from exc
            raise


def install(max_wait_seconds: float) -> None:
    set_default_scheduler(BoundedWaitScheduler(max_wait_seconds))
