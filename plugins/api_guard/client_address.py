"""Which address a request comes from (pure), for the per-address throttle."""
from typing import Iterable, Optional


def client_address(remote_addr: Optional[str], forwarded_for: Optional[str],
                   trusted_proxies: Iterable[str]) -> Optional[str]:
    """The nearest address that is not one of our trusted proxies (the storefront
    calling the API, a reverse proxy). X-Forwarded-For is read from the right, and
    only while each hop is trusted: entries left of the first untrusted one were
    written by the client itself and could be anything."""
    trusted = set(trusted_proxies)
    address = (remote_addr or "").strip() or None
    hops = [hop.strip() for hop in (forwarded_for or "").split(",")]
    while address in trusted and hops:
        hop = hops.pop()
        if not hop:
            break
        address = hop
    return address
