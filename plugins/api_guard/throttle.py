"""Failed password (or secret code) attempts: who may still try, decided in pure Python.

An attempt first RESERVES a place in the counters of its account and of its client
address (an atomic increment, shared by every worker and server); it is evaluated
only if both counters are still within their limits. A success gives its place back,
so logging in correctly never brings anyone closer to a lock-out; a failure keeps it.
Reserving before checking is what makes the limit hold when many attempts arrive at
once: with a limit of 5, ten simultaneous wrong passwords get five evaluations.
Counters are fixed windows that expire on their own; keys are hashed, so the store
holds no e-mail address.
"""
import hashlib
import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple


@dataclass(frozen=True)
class ThrottlePolicy:
    window_seconds: int = 15 * 60
    max_failures_per_account: int = 5
    # Higher: several residents can share one address (a family, an office, a proxy).
    max_failures_per_address: int = 30


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after_seconds: int = 0

    @property
    def retry_after_minutes(self) -> int:
        return max(1, math.ceil(self.retry_after_seconds / 60))


def _digest(kind: str, value: str) -> str:
    return f"{kind}:" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:40]


def counter_keys(policy: ThrottlePolicy, account: Optional[str], address: Optional[str]
                 ) -> List[Tuple[str, int]]:
    """(key, limit) of every counter an attempt goes through. E-mails are compared
    case- and blank-insensitively, as Saleor looks accounts up."""
    keys = []
    if account and account.strip():
        keys.append((_digest("account", account.strip().casefold()), policy.max_failures_per_account))
    if address:
        keys.append((_digest("address", address), policy.max_failures_per_address))
    return keys


def decide(limits: List[Tuple[str, int]], reserved: Dict[str, Tuple[int, float]]) -> Decision:
    """`reserved`: key -> (count including this attempt, seconds left in its window)."""
    over = [reserved[key][1] for key, limit in limits if reserved[key][0] > limit]
    if over:
        return Decision(allowed=False, retry_after_seconds=int(math.ceil(max(over))))
    return Decision(allowed=True)
