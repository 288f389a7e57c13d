import json
from tests.integration.dashboard.conftest import *  # noqa
from tests.integration.api import gid

def test_probe(api, shops, two_shop_order):
    merchant, variant = shops[0]
    names = {"own_order": gid(two_shop_order), "own_order_number": str(two_shop_order.pk),
             "own_product": gid(variant.product), "own_category": gid(variant.product.category),
             "own_warehouse": gid(merchant.warehouse)}
    me = api.login(shopkeeper_email(merchant))
    for page, requests in pages().items():
        for r in requests:
            body = me.execute(document(r["document"]), fill(r["variables"], names))
            print(page, r["document"], [ (e["message"], e.get("path")) for e in body.get("errors", [])][:3])
