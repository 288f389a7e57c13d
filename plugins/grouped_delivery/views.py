"""The courier's printable round sheet (PDF), for the operator only (staff JWT)."""
import base64

from django.contrib.auth import authenticate
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.template.loader import render_to_string
from graphql_jwt.exceptions import JSONWebTokenError
from weasyprint import HTML

from plugins.local_merchants.public import actor_for, policy

from .courier.maps import route_map
from .courier.models import RoundPlan
from .courier.sheet import route_sheets
from .models import DeliverySlot
from .services.rounds import round_sheet
from .services.settings import delivery_settings


def _is_operator(request) -> bool:
    """The JWT header, read by Saleor's authentication backend; the policy decides."""
    try:
        user = authenticate(request=request)
    except JSONWebTokenError:  # expired or forged token
        return False
    return policy.may_manage_merchants(actor_for(user))


def round_sheet_pdf(request, slot_id: int):
    if not _is_operator(request):
        return HttpResponseForbidden("Réservé à l'opérateur : connectez-vous avec un compte équipe.")
    slot = DeliverySlot.objects.filter(pk=slot_id).first()
    if slot is None:
        raise Http404("Ce créneau n'existe pas.")
    html = sheet_html(slot)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tournee-{slot.start:%Y%m%d-%H%M}.pdf"'
    return response


def sheet_html(slot) -> str:
    """The printable sheet (the PDF's source): the kept plan's order and map, or without a
    plan the shops in street order and the deliveries in order-number order."""
    plan = RoundPlan.objects.filter(slot=slot).first()
    routes = route_sheets(plan.routes.all()) if plan else []
    return render_to_string("grouped_delivery/round_sheet.html", {
        "sheet": round_sheet(slot, delivery_settings()),
        "plan": plan, "routes": routes,
        # The map as an image: WeasyPrint draws SVG images (CairoSVG), not inline SVG.
        "map_uri": _svg_uri(route_map(routes)) if routes else "",
    })


def _svg_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
