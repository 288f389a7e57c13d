"""Django-side helper: forget the bench's previous orders, then sample what the
requests will ask for (shops' in-stock variants, products, search terms).

Prints one JSON line. Run with `python -m bench.dataset` (our settings).
"""
import json
import random
import re
from collections import Counter, defaultdict

import django

SEED = 16
BENCH_EMAIL_PREFIX = "bench-"
SHOPS_SAMPLED = 40
VARIANTS_PER_SHOP = 5
PAGE = 24  # products per search page, as the storefront and the bench ask
# Enough for every basket of a run, whatever the loader's stock levels.
MIN_AVAILABLE = 30


def forget_previous_runs() -> int:
    """Orders and baskets of earlier runs hold stock and slots: remove them."""
    from django.db import transaction
    from saleor.checkout.models import Checkout
    from saleor.order.models import Order
    from saleor.payment.models import Payment, Transaction

    with transaction.atomic():
        orders = Order.objects.filter(user_email__startswith=BENCH_EMAIL_PREFIX)
        # Payments and their transactions are protected: they go first, innermost first.
        Transaction.objects.filter(payment__order__in=orders).delete()
        Payment.objects.filter(order__in=orders).delete()
        removed, _ = orders.delete()
        Checkout.objects.filter(email__startswith=BENCH_EMAIL_PREFIX).delete()
        _recount_slot_places()
    return removed


def _recount_slot_places() -> None:
    """Deleting orders gives no place back (the product never deletes one): each slot's
    places taken are recounted from the bookings left, or later runs find slots full."""
    from django.apps import apps
    from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce

    if not apps.is_installed("plugins.grouped_delivery"):
        return
    from plugins.grouped_delivery.models import CheckoutDeliverySlot, DeliverySlot, OrderDeliverySlot

    def count(bookings):
        counted = bookings.filter(slot=OuterRef("pk")).values("slot").annotate(n=Count("pk"))
        return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), Value(0))

    DeliverySlot.objects.update(taken=(
        count(OrderDeliverySlot.objects.filter(released=False))
        + count(CheckoutDeliverySlot.objects.filter(reserved=True))
    ))


def sample() -> dict:
    from graphql_relay import to_global_id
    from saleor.product.models import Product
    from saleor.warehouse.models import Stock

    rng = random.Random(SEED)
    # A shop is a warehouse: each merchant has its own (and stock Saleor knows them).
    by_shop = defaultdict(list)
    stocks = (
        Stock.objects.annotate_available_quantity()
        .filter(available_quantity__gte=MIN_AVAILABLE, product_variant__product__is_published=True)
        .order_by("warehouse_id", "product_variant_id")
        .values_list("warehouse_id", "product_variant_id")
    )
    for warehouse_id, variant_id in stocks:
        by_shop[warehouse_id].append(to_global_id("ProductVariant", variant_id))
    shops = [variants for variants in by_shop.values() if len(variants) >= VARIANTS_PER_SHOP]
    rng.shuffle(shops)
    shops = [rng.sample(v, VARIANTS_PER_SHOP) for v in shops[:SHOPS_SAMPLED]]

    published = list(
        Product.objects.published().order_by("pk").values_list("pk", "name")
    )
    products = [to_global_id("Product", pk) for pk, _ in rng.sample(published, min(60, len(published)))]
    words = Counter(
        word for _, name in published for word in set(re.findall(r"\w{5,}", name.lower()))
    )
    # Terms a resident would type: each fills a page of results (a few dozen products in
    # the demo, not all of them). The ×10 district is asked the demo's words (run.py), so
    # both districts answer the same search with the same page: what grows is the catalogue.
    terms = sorted(w for w, n in words.items() if PAGE <= n <= max(60, len(published) // 40))
    terms = rng.sample(terms, min(8, len(terms)))
    return {
        "shops": shops,
        "products": products,
        "terms": terms,
        # What is in the box while typing those terms: their first 3 to 5 letters.
        "typed": [term[:3 + i % 3] for i, term in enumerate(terms)],
        "variants": [v for shop in shops for v in shop],
        "published_products": len(published),
    }


def materialise_delivery() -> None:
    """The coming days' slots, written as the periodic task would (reads never write)."""
    from django.apps import apps
    from django.core.management import call_command

    if apps.is_installed("plugins.grouped_delivery"):
        call_command("materialise_delivery", verbosity=0)


def main() -> None:
    django.setup()
    materialise_delivery()
    removed = forget_previous_runs()
    print(json.dumps(dict(sample(), removed_orders=removed)))


if __name__ == "__main__":
    main()
