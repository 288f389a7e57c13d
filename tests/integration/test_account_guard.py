"""No mutation tells a stranger whether an e-mail has an account: the answer is the
same for a known and an unknown address, and the e-mail goes only to a real account.
An e-mail change link works only for the account it was sent to; confirming an
account hands it no past guest orders."""
import os
import time
import uuid

import pytest
import redis
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.models import Site
from saleor.account.models import User
from saleor.account.utils import create_jwt_token
from saleor.celeryconf import app as celery_app

from .api import Api

pytestmark = pytest.mark.django_db

REDIRECT = "https://paris16.example/compte/"
PASSWORD = "Sans-Souci-1897"

RESET = """mutation($email: String!, $url: String!) {
  requestPasswordReset(email: $email, redirectUrl: $url) {
    errors { field message } accountErrors { field code message }
  }
}"""
EMAIL_CHANGE = """mutation($password: String!, $email: String!, $url: String!) {
  requestEmailChange(password: $password, newEmail: $email, redirectUrl: $url) {
    user { email } accountErrors { field code message }
  }
}"""
TOKEN = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token errors { field message } accountErrors { field code message }
  }
}"""


def forget_failed_attempts():
    """The password throttle's counters outlive a test's transaction (Redis)."""
    if os.environ.get("REDIS_URL"):
        store = redis.Redis.from_url(os.environ["REDIS_URL"])
        for key in store.scan_iter("p16:throttle:*"):
            store.delete(key)


@pytest.fixture(autouse=True)
def inline_tasks(settings):
    """E-mail tasks run in the request, so the outbox shows what was sent."""
    settings.ALLOWED_CLIENT_HOSTS = ["paris16.example"]
    # Migrations leave a historical SiteSettings (no e-mail sender) in the Site cache.
    Site.objects.clear_cache()
    forget_failed_attempts()
    # Saleor's app reads Django's CELERY_* names (its config namespace).
    eager = celery_app.conf.CELERY_TASK_ALWAYS_EAGER
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = True
    yield
    celery_app.conf.CELERY_TASK_ALWAYS_EAGER = eager


@pytest.fixture
def resident():
    return User.objects.create_user("claire@paris16.example", PASSWORD)


def recipients(outbox):
    return [address for message in outbox for address in message.to]


def test_password_reset_answers_the_same_and_mails_only_an_account(resident, mailoutbox):
    known = Api().execute(RESET, {"email": resident.email, "url": REDIRECT})
    unknown = Api().execute(RESET, {"email": "personne@paris16.example", "url": REDIRECT})
    assert known == unknown == {"data": {"requestPasswordReset": {
        "errors": [], "accountErrors": []}}}
    assert recipients(mailoutbox) == [resident.email]


@pytest.mark.parametrize("email", [
    "personne@paris16.example", "CLAIRE@paris16.example", " claire@paris16.example", "",
])
def test_password_reset_for_no_account_sends_nothing(resident, mailoutbox, email):
    body = Api().execute(RESET, {"email": email, "url": REDIRECT})
    assert body["data"]["requestPasswordReset"]["accountErrors"] == []
    assert mailoutbox == []


def test_password_reset_still_refuses_a_foreign_redirect(resident, mailoutbox):
    for email in (resident.email, "personne@paris16.example"):
        body = Api().execute(RESET, {"email": email, "url": "https://evil.example/"})
        (error,) = body["data"]["requestPasswordReset"]["accountErrors"]
        assert (error["field"], error["code"]) == ("redirectUrl", "INVALID")
    assert mailoutbox == []


def test_email_change_does_not_tell_whether_the_address_is_taken(resident, mailoutbox):
    User.objects.create_user("voisin@paris16.example", "autre-mot-de-passe")
    api = Api(resident)
    taken = api.execute(EMAIL_CHANGE, {
        "password": PASSWORD, "email": "voisin@paris16.example", "url": REDIRECT})
    free = api.execute(EMAIL_CHANGE, {
        "password": PASSWORD, "email": "nouvelle@paris16.example", "url": REDIRECT})
    assert taken == free == {"data": {"requestEmailChange": {
        "user": {"email": resident.email}, "accountErrors": []}}}
    # Only the free address gets a confirmation link; the neighbour hears nothing.
    assert recipients(mailoutbox) == ["nouvelle@paris16.example"]


def test_email_change_still_needs_the_password(resident, mailoutbox):
    User.objects.create_user("voisin@paris16.example", "autre-mot-de-passe")
    api = Api(resident)
    for email in ("voisin@paris16.example", "nouvelle@paris16.example"):
        body = api.execute(EMAIL_CHANGE, {"password": "faux", "email": email, "url": REDIRECT})
        (error,) = body["data"]["requestEmailChange"]["accountErrors"]
        assert (error["field"], error["code"]) == ("password", "INVALID_CREDENTIALS")
    assert mailoutbox == []


def test_email_change_needs_a_login(resident, mailoutbox):
    body = Api().execute(EMAIL_CHANGE, {
        "password": PASSWORD, "email": "nouvelle@paris16.example", "url": REDIRECT})
    assert body["data"]["requestEmailChange"] is None
    assert mailoutbox == []


def test_token_create_same_error_for_unknown_email_and_wrong_password(resident):
    unknown = Api().execute(TOKEN, {"email": "personne@paris16.example", "password": "x"})
    wrong = Api().execute(TOKEN, {"email": resident.email, "password": "x"})
    assert unknown == wrong
    assert unknown["data"]["tokenCreate"]["token"] is None
    assert unknown["data"]["tokenCreate"]["accountErrors"][0]["code"] == "INVALID_CREDENTIALS"


def _median_seconds(query, variables, runs=5):
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        Api().execute(query, variables)
        durations.append(time.perf_counter() - start)
    return sorted(durations)[runs // 2]


def test_token_create_is_not_faster_for_an_unknown_email(resident, settings):
    # The production hasher (PBKDF2): the unknown e-mail must pay for a hash too.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    resident.set_password(PASSWORD)
    resident.save()
    wrong = _median_seconds(TOKEN, {"email": resident.email, "password": "x"})
    unknown = _median_seconds(TOKEN, {"email": "personne@paris16.example", "password": "x"})
    assert unknown > 0.5 * wrong, (unknown, wrong)


CONFIRM_EMAIL_CHANGE = """mutation($token: String!) {
  confirmEmailChange(token: $token) {
    user { email } accountErrors { field code message }
  }
}"""


def email_change_link_token(user, new_email):
    """The token of the link requestEmailChange mails (Saleor's own helper)."""
    return create_jwt_token({"old_email": user.email, "new_email": new_email, "user_pk": user.pk})


def test_email_change_link_works_only_for_the_account_it_was_sent_to(resident):
    # CVE-2026-35407: a link (or a token read off someone's screen) used by another account.
    attacker = User.objects.create_user("intrus@paris16.example", "autre-mot-de-passe")
    token = email_change_link_token(resident, "nouvelle@paris16.example")

    body = Api(attacker).execute(CONFIRM_EMAIL_CHANGE, {"token": token})
    (error,) = body["data"]["confirmEmailChange"]["accountErrors"]
    assert (error["field"], error["code"]) == ("token", "INVALID")
    assert "compte connecté" in error["message"]
    attacker.refresh_from_db()
    assert attacker.email == "intrus@paris16.example"

    body = Api(resident).execute(CONFIRM_EMAIL_CHANGE, {"token": token})
    assert body["data"]["confirmEmailChange"] == {
        "user": {"email": "nouvelle@paris16.example"}, "accountErrors": []}


def test_email_change_link_cannot_be_replayed(resident):
    token = email_change_link_token(resident, "nouvelle@paris16.example")
    api = Api(resident)
    assert api.execute(CONFIRM_EMAIL_CHANGE, {"token": token})["data"][
        "confirmEmailChange"]["accountErrors"] == []
    resident.refresh_from_db()
    # The token still names the old address: the account has moved on, the link is spent.
    body = Api(resident).execute(CONFIRM_EMAIL_CHANGE, {"token": token})
    assert body["data"]["confirmEmailChange"]["accountErrors"][0]["code"] == "INVALID"


def test_email_change_link_still_refuses_a_taken_address(resident):
    User.objects.create_user("voisin@paris16.example", "autre-mot-de-passe")
    token = email_change_link_token(resident, "voisin@paris16.example")
    body = Api(resident).execute(CONFIRM_EMAIL_CHANGE, {"token": token})
    (error,) = body["data"]["confirmEmailChange"]["accountErrors"]
    assert (error["field"], error["code"]) == ("newEmail", "UNIQUE")


CONFIRM_ACCOUNT = """mutation($email: String!, $token: String!) {
  confirmAccount(email: $email, token: $token) {
    user { email isActive } accountErrors { field code message }
  }
}"""


@pytest.fixture
def guest_order():
    """An order placed without an account by the owner of claire@paris16.example."""
    from saleor.order.models import Order

    return Order.objects.create(user_email="claire@paris16.example", token=str(uuid.uuid4()))


def test_confirming_an_account_does_not_hand_it_the_guest_orders(guest_order):
    # CVE-2026-44472: someone registers the victim's address first (their password);
    # the victim clicks the activation link; stock then merged the victim's orders.
    squatter = User.objects.create_user("claire@paris16.example", "mot-de-passe-de-l-intrus")
    squatter.is_active = False
    squatter.save()
    token = default_token_generator.make_token(squatter)

    body = Api().execute(CONFIRM_ACCOUNT, {"email": squatter.email, "token": token})
    assert body["data"]["confirmAccount"] == {
        "user": {"email": squatter.email, "isActive": True}, "accountErrors": []}
    guest_order.refresh_from_db()
    assert guest_order.user is None


@pytest.mark.parametrize("email, good_token", [
    ("claire@paris16.example", False), ("personne@paris16.example", True),
])
def test_confirm_account_same_refusal_for_unknown_email_and_bad_token(resident, email, good_token):
    resident.is_active = False
    resident.save()
    token = default_token_generator.make_token(resident) if good_token else "1-faux"
    body = Api().execute(CONFIRM_ACCOUNT, {"email": email, "token": token})
    (error,) = body["data"]["confirmAccount"]["accountErrors"]
    assert (error["field"], error["code"]) == ("token", "INVALID")
    resident.refresh_from_db()
    assert not resident.is_active
