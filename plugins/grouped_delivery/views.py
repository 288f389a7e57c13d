"""The courier's printable round sheet (PDF), for the operator only (staff JWT)."""
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.template.loader import render_to_string
from graphql_jwt.exceptions import JSONWebTokenError
from graphql_jwt.shortcuts import get_user_by_token
from weasyprint import HTML

from .models import DeliverySlot
from .services.rounds import round_sheet
from .services.settings import current_settings

OPERATOR_PERMISSION = "local_merchants.manage_merchants"


def _operator(request):
    prefix, _, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if prefix.lower() != "jwt" or not token:
        return None
    try:
        user = get_user_by_token(token.strip())
    except (JSONWebTokenError, ValueError, LookupError):  # expired, forged, unknown user
        return None
    if user and user.is_active and user.is_staff and user.has_perm(OPERATOR_PERMISSION):
        return user
    return None


def round_sheet_pdf(request, slot_id: int):
    if _operator(request) is None:
        return HttpResponseForbidden("Réservé à l'opérateur : connectez-vous avec un compte équipe.")
    slot = DeliverySlot.objects.filter(pk=slot_id).first()
    if slot is None:
        raise Http404("Ce créneau n'existe pas.")
    html = render_to_string(
        "grouped_delivery/round_sheet.html",
        {"sheet": round_sheet(slot), "central_point": current_settings().central_point},
    )
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tournee-{slot.start:%Y%m%d-%H%M}.pdf"'
    return response
