"""Where failure counters live: Redis when REDIS_URL is set, else PostgreSQL.
Both increment atomically, so every gunicorn worker and every server sharing the
store sees the same counts. Redis unreachable: PostgreSQL takes over (never open)."""
import functools
import logging
import os
from typing import Dict, List, Tuple

import redis
from django.db import connection

logger = logging.getLogger(__name__)

# Per key: count after this attempt, and seconds left in its window (set on the first).
_RESERVE = """
local result = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, ARGV[1]) end
  local ttl = redis.call('TTL', key)
  if ttl < 0 then redis.call('EXPIRE', key, ARGV[1]); ttl = tonumber(ARGV[1]) end
  result[#result + 1] = count
  result[#result + 1] = ttl
end
return result
"""
_RELEASE = """
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 0
"""


class PostgresCounters:
    def reserve(self, keys: List[str], window_seconds: int) -> Dict[str, Tuple[int, float]]:
        result = {}
        with connection.cursor() as cursor:
            for key in keys:
                # One statement: a concurrent attempt waits on the row, then counts on.
                # clock_timestamp(): now() would stand still inside a transaction.
                cursor.execute(
                    """
                    INSERT INTO api_guard_failurecounter (key, count, window_ends)
                    VALUES (%s, 1, clock_timestamp() + make_interval(secs => %s))
                    ON CONFLICT (key) DO UPDATE SET
                      count = CASE WHEN api_guard_failurecounter.window_ends <= clock_timestamp()
                              THEN 1 ELSE api_guard_failurecounter.count + 1 END,
                      window_ends = CASE WHEN api_guard_failurecounter.window_ends <= clock_timestamp()
                              THEN EXCLUDED.window_ends ELSE api_guard_failurecounter.window_ends END
                    RETURNING count, EXTRACT(EPOCH FROM window_ends - clock_timestamp())
                    """,
                    [key, window_seconds],
                )
                count, seconds_left = cursor.fetchone()
                result[key] = (count, float(seconds_left))
        return result

    def release(self, keys: List[str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE api_guard_failurecounter SET count = count - 1 "
                "WHERE key = ANY(%s) AND count > 0",
                [list(keys)],
            )


class RedisCounters:
    def __init__(self, url: str):
        self.client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._reserve = self.client.register_script(_RESERVE)
        self._release = self.client.register_script(_RELEASE)
        self.fallback = PostgresCounters()

    @staticmethod
    def _names(keys):
        return ["p16:throttle:" + key for key in keys]

    def reserve(self, keys: List[str], window_seconds: int) -> Dict[str, Tuple[int, float]]:
        try:
            flat = self._reserve(keys=self._names(keys), args=[window_seconds])
        except redis.RedisError:
            logger.warning("throttle counters: Redis unavailable, using PostgreSQL", exc_info=True)
            return self.fallback.reserve(keys, window_seconds)
        return {key: (int(flat[2 * i]), float(flat[2 * i + 1])) for i, key in enumerate(keys)}

    def release(self, keys: List[str]) -> None:
        try:
            self._release(keys=self._names(keys))
        except redis.RedisError:
            logger.warning("throttle counters: Redis unavailable, using PostgreSQL", exc_info=True)
            self.fallback.release(keys)


@functools.lru_cache(maxsize=None)  # one Redis connection pool per process
def default_store():
    url = os.environ.get("REDIS_URL")
    return RedisCounters(url) if url else PostgresCounters()
