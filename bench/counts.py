"""Django-side helper: database queries per request, in-process, under the settings
module it is run with (ours or stock). Reads the dataset JSON on stdin, prints JSON.

Run by bench.run as `python -m bench.counts` with DJANGO_SETTINGS_MODULE set.
"""
import json
import random
import sys

import django

CHECKOUT_SAMPLES = 3


def main() -> None:
    django.setup()
    from . import flows, queries
    from .inprocess import CountingAPI

    dataset = json.loads(sys.stdin.read())
    api = CountingAPI()
    features = queries.Features.from_introspection(
        api.execute("features", queries.FEATURES_QUERY, {})
    )
    api.execute("warm-up", *queries.listing(features))
    result = {
        "features": features.ours_only(),
        "listing": api.count("listing", *queries.listing(features)),
        "listing_48": api.count("listing_48", *queries.listing(features, first=48)),
        "product": api.count("product", *queries.product_page(features, dataset["products"][0])),
        "search": api.count("search", *queries.search(features, dataset["terms"][0])),
    }
    if features.search_suggestions:
        result["suggestions"] = api.count(
            "suggestions", *queries.suggestions(dataset["typed"][0]))
    rng = random.Random(6)
    for shop_count in (1, 5):
        if "--no-checkout" in sys.argv:
            break
        per_step = {}
        for lines in flows.baskets(dataset["shops"], shop_count, CHECKOUT_SAMPLES, rng):
            api.counts.clear()
            try:
                flows.checkout(api.execute, lines, features,
                               f"bench-counts@paris16.example", rng)
            except (flows.FlowError, AssertionError) as error:
                per_step = {"error": str(error)[:300]}
                break
            for label, count in api.counts:
                per_step[label] = max(per_step.get(label, 0), count)
        result[f"checkout_{shop_count}"] = per_step
    print(json.dumps(result))


if __name__ == "__main__":
    main()
