"""Invalidate the read cache when catalogue rows change outside the API (admin,
management commands, Celery tasks): products, variants, prices, stock, discounts,
merchants. Bulk `update()`s send no signal; the API path is covered by the middleware
and the rest by the entries' short TTL."""
from django.db.models.signals import m2m_changed, post_delete, post_save

from .store import invalidate_on_commit

CATALOGUE_APPS = frozenset({
    "product", "warehouse", "discount", "site", "menu", "page", "local_merchants",
})


def _changed(sender, **kwargs):
    if sender._meta.app_label in CATALOGUE_APPS:
        invalidate_on_commit()


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        _changed(sender)


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="read_cache_post_save")
    post_delete.connect(_changed, dispatch_uid="read_cache_post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="read_cache_m2m_changed")
