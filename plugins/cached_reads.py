"""Rarely changed rows read once for every worker: Django's cache (Redis when REDIS_URL
is set), under a version that every save replaces.

The version is read BEFORE the database: a reader that saw the rows before a change
stores them under the old version, which nobody reads after the change's commit.
"""
import time
from typing import Callable

from django.core.cache import cache
from django.db import connection, transaction

# A safety net for rows changed without Django signals (raw SQL, another tool).
TIMEOUT_SECONDS = 600


class CachedRead:
    def __init__(self, name: str, load: Callable[[], object]):
        self.name = name
        self.load = load

    def _prefix(self) -> str:
        # Databases sharing a Redis (tests, bench) must not share entries.
        return f"p16:{connection.settings_dict['NAME']}:{self.name}"

    def get(self):
        version = cache.get_or_set(f"{self._prefix()}:version", time.time_ns, timeout=None)
        key = f"{self._prefix()}:{version}"
        value = cache.get(key)
        if value is None:
            value = self.load()
            if not self._changed_in_this_transaction():
                cache.set(key, value, TIMEOUT_SECONDS)
        return value

    def invalidate(self, **_signal_kwargs) -> None:
        """A signal receiver (post_save, post_delete of the rows read)."""
        self._new_version()
        if not self._changed_in_this_transaction():
            # Others may store the rows as they are until the commit: drop them then.
            transaction.on_commit(self._new_version)

    def _changed_in_this_transaction(self) -> bool:
        """Rows this transaction changed are its own until it commits (it may roll
        back): never shared. Django keeps our bump in its on_commit list until then
        (empty outside a transaction, dropped on rollback)."""
        return any(callback == self._new_version for _, callback in connection.run_on_commit)

    def _new_version(self) -> None:
        cache.set(f"{self._prefix()}:version", time.time_ns(), timeout=None)
