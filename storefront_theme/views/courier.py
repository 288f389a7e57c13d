"""The courier's page: today's rounds, stop by stop, with the map and a button per stop.

Built only on courierRounds and the courierStop* mutations: the API decides who is a
courier and what a courier may read (no e-mail, no order beyond its stops).
"""
import re

from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import api, checkout_api, session
from .account import login
from .base import page, storefront_view

ROUNDS = """
query Rounds($day: Date) {
  courierRounds(date: $day) {
    courier distanceKm durationMinutes mapSvg
    slot { start end }
    stops { id sequence kind status reason arrival name address phone orderNumbers bags note
            items { orderNumber productName variantName quantity } }
  }
}"""

BUTTONS = {
    "collected": ("""mutation($s: ID!){ courierStopCollected(stopId:$s){ stop{ status }
                   errors{ field message code } } }""", "courierStopCollected"),
    "delivered": ("""mutation($s: ID!){ courierStopDelivered(stopId:$s){ stop{ status }
                   errors{ field message code } } }""", "courierStopDelivered"),
    "not_delivered": ("""mutation($s: ID!, $r: String!){ courierStopNotDelivered(stopId:$s, reason:$r){
                       stop{ status } errors{ field message code } } }""", "courierStopNotDelivered"),
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KIND_LABELS = {"PICKUP": "Collecte", "DELIVERY": "Livraison", "DROP_OFF": "Dépôt"}


def courier_login(request):
    return login(request, template="storefront/courier_login.html", default_next="storefront:courier")


def _day(request):
    day = request.GET.get("jour") or request.POST.get("jour", "")
    return day if _DAY.match(day) else None


@storefront_view
def courier(request, errors=None, status=200):
    jwt = session.login_token(request)
    if not jwt:
        return redirect("storefront:courier_login")
    try:
        rounds = api.execute(ROUNDS, {"day": _day(request)}, jwt)["courierRounds"]
    except api.ApiUnavailable as refused:
        if "ermission" not in str(refused):
            raise
        return page(request, "storefront/courier.html", {"not_courier": True}, status=403)
    for round_ in rounds:
        for stop in round_["stops"]:
            stop["kindLabel"] = KIND_LABELS.get(stop["kind"], stop["kind"])
    return page(request, "storefront/courier.html", {
        "rounds": rounds, "errors": errors or {}, "day": _day(request) or "",
    }, status=status)


@require_POST
@storefront_view
def press(request):
    jwt = session.login_token(request)
    if not jwt:
        return redirect("storefront:courier_login")
    stop_id = request.POST.get("stop", "")
    document, payload = BUTTONS.get(request.POST.get("action"), BUTTONS["collected"])
    variables = {"s": stop_id}
    if payload == "courierStopNotDelivered":
        variables["r"] = request.POST.get("reason", "")
    result = checkout_api.mutate(document, variables, payload, jwt)
    if result["errors"]:
        errors = {stop_id: " ".join(dict.fromkeys(e["message"] for e in result["errors"]))}
        return courier(request, errors=errors, status=400)
    day = _day(request)
    suffix = f"?jour={day}" if day else ""
    return redirect(reverse("storefront:courier") + suffix + f"#arret-{stop_id}")
