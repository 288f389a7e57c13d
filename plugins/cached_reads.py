"""Rarely changed rows read once for every worker: Django's cache (Redis when REDIS_URL
is set), under a version that every save replaces.

The version is read BEFORE the database: a reader that saw the rows before a change
stores them under the old version, which nobody reads after the change's commit.
Each process also keeps the last value it read with its version, and a request checks
the version once (Saleor builds a dozen plugins managers per checkoutComplete, each
asking): while the version is unchanged, a request pays one cache round trip per read.
"""
import threading
import time
from typing import Callable

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection, transaction

# A safety net for rows changed without Django signals (raw SQL, another tool).
TIMEOUT_SECONDS = 600

# What the current request (this thread's) has read, by name; None outside a request.
_request = threading.local()


def _open_request(**_signal_kwargs) -> None:
    _request.reads = {}


def _close_request(**_signal_kwargs) -> None:
    _request.reads = None


request_started.connect(_open_request, dispatch_uid="p16.cached_reads.open")
request_finished.connect(_close_request, dispatch_uid="p16.cached_reads.close")


class CachedRead:
    def __init__(self, name: str, load: Callable[[], object]):
        self.name = name
        self.load = load
        # (cache key, value, read at): replaced whole, so threads never see half of it.
        self._memo = (None, None, 0.0)

    def _prefix(self) -> str:
        # Databases sharing a Redis (tests, bench) must not share entries.
        return f"p16:{connection.settings_dict['NAME']}:{self.name}"

    def get(self):
        reads = getattr(_request, "reads", None)
        if reads is not None and self.name in reads:
            return reads[self.name]
        value = self._read()
        if reads is not None:
            reads[self.name] = value
        return value

    def _read(self):
        version = cache.get_or_set(f"{self._prefix()}:version", time.time_ns, timeout=None)
        key = f"{self._prefix()}:{version}"
        memo_key, memo_value, read_at = self._memo
        if memo_key == key and time.monotonic() - read_at < TIMEOUT_SECONDS:
            return memo_value
        value = cache.get(key)
        if value is None:
            value = self.load()
            if self._changed_in_this_transaction():
                return value
            cache.set(key, value, TIMEOUT_SECONDS)
        self._memo = (key, value, time.monotonic())
        return value

    def invalidate(self, **_signal_kwargs) -> None:
        """A signal receiver (post_save, post_delete of the rows read)."""
        reads = getattr(_request, "reads", None)
        if reads is not None:
            reads.pop(self.name, None)
        self._new_version()
        if not self._changed_in_this_transaction():
            # Others may store the rows as they are until the commit: drop them then.
            transaction.on_commit(self._new_version)

    def _changed_in_this_transaction(self) -> bool:
        """Rows this transaction changed are its own until it commits (it may roll
        back): never shared. Django keeps our bump in its on_commit list until then
        (empty outside a transaction, dropped on rollback). Its entries are
        (savepoint ids, callback, robust) since Django 4.2."""
        return any(entry[1] == self._new_version for entry in connection.run_on_commit)

    def _new_version(self) -> None:
        cache.set(f"{self._prefix()}:version", time.time_ns(), timeout=None)
