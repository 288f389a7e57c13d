"""The basket: one Saleor checkout, kept in a cookie, shown grouped by shop."""
from decimal import Decimal

from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .. import api, checkout_api, messages, session
from .base import page, storefront_view
from .catalogue import PRODUCT, product_context


def quantity_of(value, default=1):
    try:
        return max(0, min(int(value), 999))
    except (TypeError, ValueError):
        return default


def home_delivery_fee(checkout):
    """The grouped delivery fee this basket would pay (one fee, whatever the shops)."""
    for option in (checkout or {}).get("deliveryOptions") or ():
        if option["kind"] == "GROUPED_DELIVERY":
            return option["price"]
    return None


def answer(request, checkout, errors=None, redirect_to="storefront:basket"):
    """After a change: back to the basket (cookie refreshed), or the basket with errors."""
    if errors:
        response = page(request, "storefront/basket.html", basket_context(checkout, errors), status=400)
    else:
        response = redirect(redirect_to)
    if checkout:
        session.keep_basket(response, checkout["token"], checkout["quantity"])
    return response


def estimated_total(checkout, fee):
    """Before a delivery mode is chosen, the total with the grouped fee (what most will pay)."""
    if not checkout:
        return None
    if checkout.get("shippingMethod") or not fee:
        return checkout["totalPrice"]
    gross = checkout["subtotalPrice"]["gross"]
    return {"amount": Decimal(str(gross["amount"])) + Decimal(str(fee["amount"])), "currency": gross["currency"]}


def basket_context(checkout, errors=None):
    fee = home_delivery_fee(checkout)
    return {
        "checkout": checkout,
        "groups": (checkout or {}).get("merchantGroups") or [],
        "fee": fee,
        "total": estimated_total(checkout, fee),
        "errors": errors or {},
    }


@storefront_view
def basket(request):
    checkout = checkout_api.fetch(session.basket_token(request), session.customer_token(request))
    response = page(request, "storefront/basket.html", basket_context(checkout))
    if checkout:
        session.keep_basket(response, checkout["token"], checkout["quantity"])
    elif session.basket_token(request):
        session.forget_basket(response)
    return response


@require_POST
@storefront_view
def add(request):
    jwt = session.customer_token(request)
    line = {"variantId": request.POST.get("variant", ""), "quantity": quantity_of(request.POST.get("quantity"))}
    checkout = checkout_api.fetch(session.basket_token(request), jwt)
    if checkout:
        result = checkout_api.mutate(checkout_api.ADD, {"id": checkout["id"], "lines": [line]}, "checkoutLinesAdd", jwt)
    else:
        basket = {"lines": [line]}
        if not jwt:
            # Saleor 2.10 wants an e-mail to open a basket; the resident gives theirs at checkout.
            basket["email"] = checkout_api.PLACEHOLDER_EMAIL
        result = checkout_api.mutate(checkout_api.CREATE, {"input": basket}, "checkoutCreate", jwt)
    if result["errors"]:
        # Back to the product page, the French message next to the quantity.
        found = api.cached(PRODUCT, {"slug": request.POST.get("product", "")}, partial=True)["product"]
        errors = messages.form_errors(result["errors"])
        if set(errors) - {"quantity"}:
            errors = {"__all__": " ".join(dict.fromkeys(errors.values()))}
        if found is None:
            return answer(request, result.get("checkout") or checkout, errors)
        response = page(request, "storefront/product.html",
                        product_context(found, errors, line["quantity"] or 1), status=400)
        if checkout:
            session.keep_basket(response, checkout["token"], checkout["quantity"])
        return response
    return answer(request, result["checkout"])


@require_POST
@storefront_view
def update(request):
    jwt = session.customer_token(request)
    checkout = checkout_api.fetch(session.basket_token(request), jwt)
    if checkout is None:
        return redirect("storefront:basket")
    line_id = request.POST.get("line", "")
    quantity = quantity_of(request.POST.get("quantity"), default=None)
    if request.POST.get("remove") or quantity == 0:
        result = checkout_api.mutate(checkout_api.DELETE, {"id": checkout["id"], "line": line_id},
                                     "checkoutLineDelete", jwt)
    else:
        result = checkout_api.mutate(
            checkout_api.UPDATE,
            {"id": checkout["id"], "lines": [{"variantId": request.POST.get("variant", ""), "quantity": quantity or 1}]},
            "checkoutLinesUpdate", jwt,
        )
    errors = messages.form_errors(result["errors"])
    if errors:
        # The message goes next to the line that caused it.
        errors = {f"line-{line_id}": " ".join(errors.values())}
    return answer(request, result.get("checkout") or checkout, errors)
