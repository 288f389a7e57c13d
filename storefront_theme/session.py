"""The two cookies of the storefront: the basket (Saleor checkout token) and the login (JWT).

Both are HttpOnly: page scripts never need them, and a stolen script cannot read them.
The basket cookie outlives the browser session so a basket survives a reload, a
closed tab or a failed payment.
"""
from django.conf import settings

BASKET_COOKIE = "p16_panier"
BASKET_COUNT_COOKIE = "p16_articles"  # shown in the header without an API call
LOGIN_COOKIE = "p16_session"
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


def log_in(response, token):
    _cookie(response, LOGIN_COOKIE, token, LOGIN_AGE)


def log_out(response):
    response.delete_cookie(LOGIN_COOKIE)
