"""CSV statement of sales, commission and net due, one row per order and shop.

French spreadsheet conventions: `;` separator, comma decimals, UTF-8 with a BOM
(without it Excel reads the accents as Latin-1). Authenticated like the API, by
`Authorization: JWT <token>`: Saleor 2.10's API has no session.
"""
import csv
import io
from datetime import date

from django.contrib.auth import authenticate
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.views.decorators.http import require_GET
from graphql_jwt.exceptions import JSONWebTokenError, PermissionDenied

from ..isolation.actors import actor_for
from ..orders.graphql.filters import filter_merchant
from ..orders.scoping import visible_parts
from .domain import format_amount, format_rate
from .services import period_parts, settle_parts
from .spreadsheet import text_cell

HEADER = [
    "Date de paiement", "Commande", "Boutique", "SIRET", "Ventes TTC", "Remise",
    "Base de commission", "Taux de commission", "Commission", "Net dû à la boutique",
]
OPERATOR_LABEL = "Paris 16 Shopping (produits de l'opérateur)"


def _day(value: str, name: str):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"La date « {name} » doit être au format AAAA-MM-JJ, par exemple 2024-03-01.")


def _forbidden(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


@require_GET
def settlements_csv(request):
    try:
        user = authenticate(request=request)
    except JSONWebTokenError:
        return _forbidden("Votre session a expiré : reconnectez-vous puis recommencez.", 401)
    try:
        parts = visible_parts(actor_for(user))
    except PermissionDenied:
        return _forbidden("Vous n'avez pas accès à ce relevé.", 403)
    try:
        start, end = _day(request.GET.get("from", ""), "from"), _day(request.GET.get("to", ""), "to")
    except ValueError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    parts = period_parts(parts, start, end)
    if request.GET.get("merchant"):
        parts = filter_merchant(parts, "merchant", request.GET["merchant"])
    settled = settle_parts(list(parts.only("pk", "order_id")))
    rows = sorted(settled.values(), key=lambda row: (row[0].paid_at, row[0].order_id, row[0].pk))

    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for part, money in rows:
        shop = part.merchant
        # Text a shop typed (name, SIRET) could start a formula: text cells only.
        writer.writerow([
            timezone.localtime(part.paid_at).strftime("%d/%m/%Y"),
            part.order_id,
            text_cell(shop.name if shop else OPERATOR_LABEL),
            text_cell(shop.siret if shop else ""),
            format_amount(money.sales),
            format_amount(money.discount),
            format_amount(money.base),
            format_rate(part.commission_rate if shop else 1),
            format_amount(money.commission),
            format_amount(money.net_due),
        ])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"releve-commissions-{start or 'debut'}-{end or 'aujourdhui'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
