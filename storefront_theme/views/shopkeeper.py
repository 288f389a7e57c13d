"""The shopkeeper's page: today's parts of orders to prepare, and the "Prêt" button.

Built only on merchantOrders and merchantOrderMarkReady: the API decides what this
shopkeeper may see (their own shop's parts), the page never filters by shop itself.
"""
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .. import api, checkout_api, messages, session
from .account import STATUS_LABELS, login
from .base import page, storefront_view

ME = "query Me { me { email isStaff merchant { name slug } } }"

PARTS = """
query Parts {
  merchantOrders(first: 100, filter: {status: [TO_PREPARE, READY]}) {
    edges { node {
      id number status isClickAndCollect pickupAt readyAt createdAt customerFirstName
      lines { productName variantName productSku quantity }
    } }
  }
}"""

MARK_READY = """
mutation Ready($id: ID!) {
  merchantOrderMarkReady(id: $id) { merchantOrder { id status } merchantOrderErrors { field message code } }
}"""


def shopkeeper_login(request):
    return login(request, template="storefront/shopkeeper_login.html", default_next="storefront:shopkeeper")


@storefront_view
def shopkeeper(request, errors=None, status=200):
    jwt = session.login_token(request)
    if not jwt:
        return redirect("storefront:shopkeeper_login")
    me = api.execute(ME, {}, jwt)["me"]
    if not me or not (me["merchant"] or me["isStaff"]):
        # A resident's account: say so rather than show an empty list.
        return page(request, "storefront/shopkeeper.html", {"me": me, "not_shopkeeper": True}, status=403)
    parts = api.edges(api.execute(PARTS, {}, jwt)["merchantOrders"])
    for part in parts:
        part["statusLabel"] = STATUS_LABELS.get(part["status"], part["status"])
    return page(request, "storefront/shopkeeper.html", {
        "me": me,
        "to_prepare": [p for p in parts if p["status"] == "TO_PREPARE"],
        "ready": [p for p in parts if p["status"] == "READY"],
        "errors": errors or {},
    }, status=status)


@require_POST
@storefront_view
def mark_ready(request):
    jwt = session.login_token(request)
    if not jwt:
        return redirect("storefront:shopkeeper")
    part_id = request.POST.get("part", "")
    result = checkout_api.mutate(MARK_READY, {"id": part_id}, "merchantOrderMarkReady", jwt)
    if result["errors"]:
        # Shown on the part's own row.
        errors = {part_id: " ".join(messages.form_errors(result["errors"]).values())}
        return shopkeeper(request, errors=errors, status=400)
    return redirect("storefront:shopkeeper")
