"""Rarely changed rows read once per worker, fresh everywhere from the next request on."""
from .reads import CachedRead

__all__ = ["CachedRead"]
