"""The two cookies of the storefront: the basket (Saleor checkout token) and the login (JWT).

Both are HttpOnly: page scripts never need them, and a stolen script cannot read them.
The basket cookie outlives the browser session so a basket survives a reload, a
closed tab or a failed payment.
"""
from django.conf import settings

BASKET_COOKIE = "p16_panier"
BASKET_COUNT_COOKIE = "p16_articles"  # shown in the header without an API call
LOGIN_COOKIE = "p16_session"
# Staff (shopkeepers, operator) may not buy: their token is kept for their own pages
# and the basket stays anonymous. Only a hint for the pages; the API decides.
STAFF_COOKIE = "p16_equipe"
BASKET_AGE = 30 * 24 * 3600
LOGIN_AGE = 7 * 24 * 3600


def _cookie(response, name, value, max_age):
    response.set_cookie(
        name, value, max_age=max_age, httponly=True, samesite="Lax",
        secure=not settings.DEBUG and settings.STOREFRONT_URL.startswith("https"),
    )


def basket_token(request):
    return request.COOKIES.get(BASKET_COOKIE) or None


def keep_basket(response, token, quantity):
    _cookie(response, BASKET_COOKIE, token, BASKET_AGE)
    _cookie(response, BASKET_COUNT_COOKIE, str(quantity), BASKET_AGE)


def forget_basket(response):
    response.delete_cookie(BASKET_COOKIE)
    response.delete_cookie(BASKET_COUNT_COOKIE)


def basket_count(request):
    value = request.COOKIES.get(BASKET_COUNT_COOKIE, "0")
    return int(value) if value.isdigit() else 0


def login_token(request):
    return request.COOKIES.get(LOGIN_COOKIE) or None


def customer_token(request):
    """The token to shop with: none for a staff account."""
    return None if request.COOKIES.get(STAFF_COOKIE) else login_token(request)


def log_in(response, token, staff=False):
    _cookie(response, LOGIN_COOKIE, token, LOGIN_AGE)
    if staff:
        _cookie(response, STAFF_COOKIE, "1", LOGIN_AGE)
    else:
        response.delete_cookie(STAFF_COOKIE)


def log_out(response):
    response.delete_cookie(LOGIN_COOKIE)
    response.delete_cookie(STAFF_COOKIE)
