"""checkoutComplete one at a time per basket, whatever the worker or the server.

Saleor 2.10 reads the checkout, charges, creates the order and deletes the checkout
in separate transactions: concurrent calls each charge and each create an order.
A PostgreSQL advisory lock keyed by the checkout's token serialises them across
every process sharing the database; a call that gets the lock after another one
completed finds that order and answers with it (or a clear error), charging nothing.
The lock belongs to the connection (session), not to a transaction: Saleor's own
transactions commit inside it, and a dying connection lets it go.
"""
from contextlib import contextmanager, nullcontext
from typing import Optional
from uuid import UUID

from django.db import OperationalError, connection, transaction
from django.utils import timezone
from saleor.order.models import Order

from ..domain.completion import may_see_order_again

# First key of the two-key advisory locks taken here ("P16"); the second is the token's.
LOCK_NAMESPACE = 0x503136
# Past this, a call gives up waiting for a completion under way (payment included).
LOCK_WAIT = "20s"


class CompletionBusy(Exception):
    """Another call has been completing this basket for longer than LOCK_WAIT."""


def _lock_key(token: UUID) -> tuple:
    return LOCK_NAMESPACE, int.from_bytes(token.bytes[:4], "big", signed=True)


@contextmanager
def one_at_a_time(token: UUID):
    key = _lock_key(token)
    # One round trip: outside a transaction the block is one, which the local
    # lock_timeout lasts, and the session's lock outlives it. Inside a caller's
    # transaction, a savepoint keeps a timeout from aborting it.
    scope = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with scope, connection.cursor() as cursor:  # the key: two integers of ours
            cursor.execute(
                "DO $$BEGIN PERFORM set_config('lock_timeout', '%s', true); "
                "PERFORM pg_advisory_lock(%d, %d); END$$" % (LOCK_WAIT, *key)
            )
    except OperationalError as error:  # lock_timeout passed
        raise CompletionBusy() from error
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)


def order_of(token: UUID) -> Optional[Order]:
    """The order already made from this basket, if any."""
    return Order.objects.filter(checkout_token=str(token)).order_by("pk").first()


def may_see(order: Order, user) -> bool:
    caller = user.pk if user is not None and user.is_authenticated else None
    return may_see_order_again(order.user_id, caller, timezone.now() - order.created)
