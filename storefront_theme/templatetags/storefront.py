"""Template filters: the pure formatting helpers, for templates."""
from django import template

from plugins.kernel import french as formatting

from ..views.catalogue import trade_label

register = template.Library()


@register.filter
def money(value):
    """A Money dict ({amount, currency}) or a TaxedMoney dict (its gross) as "12,50 €"."""
    if not value:
        return ""
    if "gross" in value:
        value = value["gross"]
    return formatting.money(value["amount"], value.get("currency", "EUR"))


@register.filter
def slot(value):
    return formatting.slot(value["start"], value["end"]) if value else ""


@register.filter
def date_time(value):
    return formatting.date_time(value) if value else ""


@register.filter
def day(value):
    return formatting.day(value) if value else ""


@register.filter
def trade(value):
    return trade_label(value)


@register.filter
def from_price(product):
    """The lowest price of a product card, or "" when it has none."""
    return money(product.get("minimalVariantPrice"))


@register.filter
def get(mapping, key):
    """errors|get:"postalCode" — a form field's message, or ""."""
    return (mapping or {}).get(key, "")


@register.filter
def articles(count):
    return formatting.plural(int(count or 0), "article")


@register.filter
def time_of_day(value):
    """"2026-12-02T09:12:00+00:00" -> "10 h 12" (Paris)."""
    return formatting.clock(formatting.parse_instant(value)) if value else ""
