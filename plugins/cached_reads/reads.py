"""Rarely changed rows (shops, VAT codes, delivery settings) read once per worker, and
fresh in every worker of every server from the next request on after a change.

Each read has a version in PostgreSQL (versions.py), replaced in the transaction of
the change. A request reads all versions once, in one query, at its first cached read;
while a read's version is unchanged, the worker answers from its own copy, else from
Django's cache (Redis when REDIS_URL is set: shared by the workers) under that version,
else from the database. A copy loaded under an older version is never read again: the
version is read before the rows, so a copy stored under it is at least that fresh.
"""
import threading
import time
from typing import Callable

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection, transaction

from . import versions

# A safety net for rows changed without Django signals (raw SQL, another tool).
TIMEOUT_SECONDS = 600

# The current request's (this thread's) versions and values, by name; None outside one.
_request = threading.local()


def _open_request(**_signal_kwargs) -> None:
    _request.reads = {}
    _request.versions = None


def _close_request(**_signal_kwargs) -> None:
    _request.reads = None
    _request.versions = None


request_started.connect(_open_request, dispatch_uid="p16.cached_reads.open")
request_finished.connect(_close_request, dispatch_uid="p16.cached_reads.close")


def _version(name: str) -> int:
    if getattr(_request, "reads", None) is None:  # a task, a command: no request to share
        return versions.version_of(name)
    if _request.versions is None:
        _request.versions = versions.all_versions()
    return _request.versions.get(name, 0)


class CachedRead:
    def __init__(self, name: str, load: Callable[[], object]):
        self.name = name
        self.load = load
        # (version, value, read at): replaced whole, so threads never see half of it.
        self._memo = (None, None, 0.0)

    def _key(self, version: int) -> str:
        # Databases sharing a Redis (tests, bench) must not share entries.
        return f"p16:{connection.settings_dict['NAME']}:{self.name}:{version}"

    def get(self):
        reads = getattr(_request, "reads", None)
        if reads is not None and self.name in reads:
            return reads[self.name]
        if self._changed_in_this_transaction():
            value = self.load()  # its own uncommitted rows: never shared
        else:
            value = self._read(_version(self.name))
        if reads is not None:
            reads[self.name] = value
        return value

    def _read(self, version: int):
        memo_version, memo_value, read_at = self._memo
        if memo_version == version and time.monotonic() - read_at < TIMEOUT_SECONDS:
            return memo_value
        value = cache.get(self._key(version))
        if value is None:
            value = self.load()
            cache.set(self._key(version), value, TIMEOUT_SECONDS)
        self._memo = (version, value, time.monotonic())
        return value

    def invalidate(self, **_signal_kwargs) -> None:
        """A signal receiver (post_save, post_delete of the rows read): runs in the
        change's transaction, so the new version shows exactly when the change does."""
        reads = getattr(_request, "reads", None)
        if reads is not None:
            reads.pop(self.name, None)
        versions.bump(self.name)
        transaction.on_commit(self._committed)

    def _committed(self) -> None:
        """After the change's commit, this request too reads the new version."""
        reads = getattr(_request, "reads", None)
        if reads is not None:
            reads.pop(self.name, None)
            _request.versions = None

    def _changed_in_this_transaction(self) -> bool:
        """Rows this transaction changed are its own until it commits (it may roll
        back). Django keeps our callback in its on_commit list until then (empty
        outside a transaction, dropped on rollback). Its entries are (savepoint ids,
        callback, robust) since Django 4.2."""
        return any(entry[1] == self._committed for entry in connection.run_on_commit)
