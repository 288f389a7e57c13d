"""Cached responses in Redis, behind a generation counter.

Every entry's key carries the generation current when its request STARTED; bumping
the counter orphans all entries at once (they expire on their own). A request that
read the database before a change was committed stores under the old generation, so
it can never be served after the change.
"""
import logging
from typing import Optional, Tuple

import redis

logger = logging.getLogger(__name__)

# One round trip for a lookup: the current generation and the entry under it.
_LOOKUP = """
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}
"""


class ReadCacheStore:
    def __init__(self, url: str, namespace: str, ttl_seconds: int):
        self.client = redis.Redis.from_url(
            url, socket_timeout=0.25, socket_connect_timeout=0.25
        )
        self.prefix = f"p16:readcache:{namespace}:"
        self.generation_key = self.prefix + "generation"
        self.ttl = ttl_seconds
        self._lookup = self.client.register_script(_LOOKUP)

    def lookup(self, key: str) -> Tuple[Optional[bytes], Optional[bytes]]:
        """(generation, cached body); (None, None) when Redis does not answer."""
        try:
            generation, body = self._lookup(keys=[self.generation_key], args=[self.prefix, key])
        except redis.RedisError:
            logger.warning("read cache unavailable", exc_info=True)
            return None, None
        return generation, body

    def save(self, generation: bytes, key: str, body: bytes) -> None:
        try:
            self.client.set(self.prefix + generation.decode() + ":" + key, body, ex=self.ttl)
        except redis.RedisError:
            logger.warning("read cache unavailable", exc_info=True)

    def invalidate(self) -> None:
        try:
            self.client.incr(self.generation_key)
        except redis.RedisError:
            # Entries then live out their TTL: log loudly, reads may lag that long.
            logger.error("read cache could not be invalidated", exc_info=True)


_store = None


def get_store() -> Optional[ReadCacheStore]:
    """The process's store, or None when the cache is off (no READ_CACHE_URL)."""
    global _store
    from django.conf import settings

    if not settings.READ_CACHE_URL:
        return None
    if _store is None:
        _store = ReadCacheStore(
            settings.READ_CACHE_URL,
            namespace=settings.DATABASES["default"]["NAME"],
            ttl_seconds=settings.READ_CACHE_TTL,
        )
    return _store


def invalidate_on_commit() -> None:
    """Bump the generation once the current transaction commits (now if there is none)."""
    from django.db import transaction

    store = get_store()
    if store is not None:
        transaction.on_commit(store.invalidate)
