"""Which address a request comes from (pure), for the per-address throttle."""
from typing import Iterable, Optional


def client_address(remote_addr: Optional[str], forwarded_for: Optional[str],
                   trusted_proxies: Iterable[str]) -> Optional[str]:
    """The peer's address, or, when the peer is a trusted proxy (our own storefront,
    a reverse proxy), the last address it appended to X-Forwarded-For. Earlier
    entries are written by the client and could be anything: never read."""
    remote = (remote_addr or "").strip() or None
    if remote in set(trusted_proxies) and forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last
    return remote
