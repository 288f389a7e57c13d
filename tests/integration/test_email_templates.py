"""The French e-mails of Paris 16 Shopping, sent through stock Saleor's own code.

Saleor 2.10.1 ships no templates; ours live in templates/templated_email/ and are
found by django-templated-email as "templated_email/<template_name>.email". Most
tests here call Saleor's real e-mail functions (the Celery tasks, run inline) on
real orders in the test database and read the message from Django's locmem
outbox, so the template lookup, the context Saleor builds and the rendering are
all exercised together.

Every render uses a loud `string_if_invalid`, so a template reading a variable
Saleor does not pass fails the test instead of silently printing nothing.
"""
import copy
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template import Context, Template
from django.template.loader import get_template, render_to_string
from django.test import override_settings
from django.utils import translation
from prices import Money, TaxedMoney
from render_block import render_block_to_string
from render_block.django import django_render_block

MISSING = "@@MISSING:%s@@"
NBSP = "\xa0"  # Babel's French currency format: "12,50\xa0€", thousands "1\u202f234,50\xa0€"
NNBSP = "\u202f"

REDIRECT = "https://paris16.example/commande/"

# Every template name stock Saleor 2.10.1 passes to send_templated_mail.
SALEOR_TEMPLATES = [
    "order/confirm_order",
    "order/staff_confirm_order",
    "order/payment/confirm_payment",
    "order/confirm_fulfillment",
    "order/update_fulfillment",
    "account/confirm",
    "account/password_reset",
    "account/request_email_change",
    "account/email_changed_notification",
    "account/account_delete",
    "dashboard/staff/set_password",
    "dashboard/customer/set_password",
]


@pytest.fixture(autouse=True)
def strict_templates():
    """Unknown template variables render as a marker the tests look for."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["string_if_invalid"] = MISSING
    with override_settings(TEMPLATES=templates):
        yield


def eur(amount):
    return Money(Decimal(amount), "EUR")


def taxed(net, gross):
    return TaxedMoney(eur(net), eur(gross))


def assert_clean(*texts):
    for text in texts:
        assert "@@MISSING" not in text, text
        assert "{%" not in text and "{{" not in text, text


def parts(message):
    """(subject, plain, html) of a sent EmailMultiAlternatives."""
    html = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(html) == 1
    assert_clean(message.subject, message.body, html[0])
    assert "\n" not in message.subject
    return message.subject, message.body, html[0]


@pytest.fixture
def order(db):
    from saleor.account.models import Address
    from saleor.order.models import Order, OrderLine

    address = Address.objects.create(
        first_name="Élise",
        last_name="Durand",
        street_address_1="12 rue de Passy",
        postal_code="75016",
        city="PARIS",
        country="FR",
        phone="+33145201234",
    )
    billing = Address.objects.create(
        first_name="Élise",
        last_name="Durand",
        company_name="Cabinet Durand & Fils",
        street_address_1="3 avenue Mozart",
        postal_code="75016",
        city="PARIS",
        country="FR",
    )
    order = Order.objects.create(
        user_email="elise.durand@example.com",
        billing_address=billing,
        shipping_address=address,
        shipping_method_name="Coursier du quartier",
        shipping_price=taxed("4.08", "4.90"),
        total=taxed("1056.89", "1266.40"),
        discount=eur("2.00"),
        discount_name="BIENVENUE16",
        customer_note="Sonnez <b>deux</b> fois, merci !",
    )
    OrderLine.objects.create(
        order=order,
        product_name="Pain de campagne",
        variant_name="800 g",
        product_sku="BOUL-PAIN-800",
        is_shipping_required=True,
        quantity=3,
        unit_price=taxed("4.27", "4.50"),
        tax_rate=Decimal("0.055"),
    )
    OrderLine.objects.create(
        order=order,
        product_name="Montre <Passy> & co",
        product_sku="HORL-1",
        is_shipping_required=True,
        quantity=1,
        unit_price=taxed("1041.67", "1250.00"),
        tax_rate=Decimal("0.2"),
    )
    # TTC: 3 × 4,50 + 1 250,00 = 1 263,50 € subtotal; + 4,90 delivery - 2,00 discount
    # = 1 266,40 € total, of which 209,51 € VAT (1 056,89 € HT).
    return order


def test_every_saleor_email_has_subject_plain_and_html():
    for name in SALEOR_TEMPLATES:
        template_name = f"templated_email/{name}.email"
        get_template(template_name)  # TemplateDoesNotExist is the stock failure
        for block in ("subject", "plain", "html"):
            assert render_block_to_string(template_name, block, Context({})) is not None


def test_templated_email_finds_them_where_saleor_sends_them():
    """No TEMPLATED_EMAIL_* override: the default prefix/extension must match ours."""
    from templated_email.backends.vanilla_django import TemplateBackend

    backend = TemplateBackend()
    assert backend.template_prefix == "templated_email/"
    assert backend.template_suffix == "email"
    for name in SALEOR_TEMPLATES:
        rendered = backend._render_email(name, {"domain": "paris16.example"})
        assert set(rendered) == {"subject", "plain", "html"}


def test_order_confirmation(order, mailoutbox):
    from saleor.order.emails import send_order_confirmation

    send_order_confirmation(order.pk, REDIRECT)

    (message,) = mailoutbox
    subject, plain, html = parts(message)
    assert message.to == ["elise.durand@example.com"]
    assert subject == f"Votre commande n° {order.pk} est confirmée"
    assert plain.startswith("Bonjour Élise,")
    url = f"{REDIRECT}?token={order.token}"
    for text in (plain, html):
        assert f"n° {order.pk}" in text
        assert f"13,50{NBSP}€" in text  # 3 × 4,50 €
        assert f"4,50{NBSP}€" in text
        assert f"1{NNBSP}250,00{NBSP}€" in text
        assert "Sous-total" in text and f"1{NNBSP}263,50{NBSP}€" in text
        assert "Livraison (Coursier du quartier)" in text and f"4,90{NBSP}€" in text
        assert "Remise (BIENVENUE16)" in text and f"-2,00{NBSP}€" in text
        assert "Total HT" in text and f"1{NNBSP}056,89{NBSP}€" in text
        assert "TVA" in text and f"209,51{NBSP}€" in text
        assert "Total TTC" in text and f"1{NNBSP}266,40{NBSP}€" in text
        assert "12 rue de Passy" in text and "75016 PARIS" in text
        assert "+33 1 45 20 12 34" in text
        assert "Paris 16 Shopping" in text
        assert "." not in text.split("Total TTC")[1].split("€")[0]  # no "1282.30"
    assert f"Suivre votre commande : {url}" in plain
    assert f'href="{url}"' in html
    # The plain text is text; the HTML escapes what customers and shops typed.
    assert "Sonnez <b>deux</b> fois" in plain
    assert "Montre <Passy> & co" in plain
    assert "Sonnez &lt;b&gt;deux&lt;/b&gt; fois" in html
    assert "Montre &lt;Passy&gt; &amp; co" in html
    assert "Cabinet Durand &amp; Fils" in html
    assert "<b>" not in html
    assert '<script type="application/ld+json">' in html
    assert html.lstrip().startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "http://" not in html.replace("http://schema.org", "")


def test_order_confirmation_without_redirect_url_has_no_link(order, mailoutbox):
    from saleor.order.emails import send_order_confirmation

    send_order_confirmation(order.pk, "")

    subject, plain, html = parts(mailoutbox[0])
    assert "Suivre votre commande" not in plain
    assert "Suivre ma commande" not in html


def test_amounts_stay_french_under_another_active_language(order, mailoutbox):
    from saleor.order.emails import send_order_confirmation

    with translation.override("en"):
        send_order_confirmation(order.pk, REDIRECT)

    subject, plain, html = parts(mailoutbox[0])
    assert f"1{NNBSP}266,40{NBSP}€" in plain
    assert "€1,266.40" not in plain and "€1,266.40" not in html


def test_order_extra_hook_can_be_filled_by_a_plugin(order):
    from saleor.order.emails import CONFIRM_ORDER_TEMPLATE, collect_data_for_email

    context = collect_data_for_email(order.pk, CONFIRM_ORDER_TEMPLATE, REDIRECT)["context"]
    plugin_template = Template(
        '{% extends "templated_email/order/confirm_order.email" %}'
        "{% block order_extra %}<p>Créneau : {{ slot }}</p>{% endblock %}"
        "{% block order_extra_plain %}\nCréneau : {{ slot }}{% endblock %}"
    )
    # As django-templated-email renders it: block by block, autoescaping off.
    context = Context({**context, "slot": "mardi 10h-12h <matin>"}, autoescape=False)
    wrapped = SimpleNamespace(template=plugin_template)
    html = django_render_block(wrapped, "html", context)
    plain = django_render_block(wrapped, "plain", context)
    assert "<p>Créneau : mardi 10h-12h &lt;matin&gt;</p>" in html
    assert html.index("Total TTC") < html.index("Créneau") < html.index("Adresse de livraison")
    assert "Créneau : mardi 10h-12h <matin>" in plain


def test_staff_order_notice(order, mailoutbox):
    from saleor.account.models import StaffNotificationRecipient, User
    from saleor.order.emails import send_staff_order_confirmation

    staff = User.objects.create(email="equipe@paris16.example", is_staff=True, is_active=True)
    StaffNotificationRecipient.objects.create(user=staff, active=True)

    send_staff_order_confirmation(order.pk, REDIRECT)

    (message,) = mailoutbox
    subject, plain, html = parts(message)
    assert message.to == ["equipe@paris16.example"]
    assert subject == f"Nouvelle commande n° {order.pk} (1{NNBSP}266,40{NBSP}€)"
    for text in (plain, html):
        assert "elise.durand@example.com" in text
        assert "Total TTC" in text and "TVA" in text
        assert "Pain de campagne" in text
    assert "Message du client : Sonnez <b>deux</b> fois" in plain


def test_payment_confirmation(order, mailoutbox):
    from saleor.order.emails import send_payment_confirmation

    send_payment_confirmation(order.pk)

    subject, plain, html = parts(mailoutbox[0])
    assert subject == f"Paiement reçu pour votre commande n° {order.pk}"
    assert f"Nous avons bien reçu le paiement de 1{NNBSP}266,40{NBSP}€" in plain
    assert f"<strong>1{NNBSP}266,40{NBSP}€</strong>" in html
    assert "Total TTC" in plain and "Sous-total" in html


@pytest.fixture
def fulfillment(order):
    from saleor.order.models import Fulfillment, FulfillmentLine

    fulfillment = Fulfillment.objects.create(order=order, tracking_number="COLIS-16-042")
    for line in order.lines.all():
        FulfillmentLine.objects.create(
            fulfillment=fulfillment, order_line=line, quantity=line.quantity
        )
    return fulfillment


def test_fulfillment_confirmation(order, fulfillment, mailoutbox):
    from saleor.order.emails import send_fulfillment_confirmation

    send_fulfillment_confirmation(order.pk, fulfillment.pk)

    subject, plain, html = parts(mailoutbox[0])
    assert subject == f"Votre commande n° {order.pk} est en route"
    assert f"(envoi {order.pk}-1)" in plain
    assert "- 3 × Pain de campagne (800 g)" in plain
    assert "Numéro de suivi : COLIS-16-042" in plain
    assert "<strong>COLIS-16-042</strong>" in html
    assert "Montre &lt;Passy&gt; &amp; co" in html
    assert "12 rue de Passy" in plain


def test_fulfillment_update(order, fulfillment, mailoutbox):
    from saleor.order.emails import send_fulfillment_update

    send_fulfillment_update(order.pk, fulfillment.pk)

    subject, plain, html = parts(mailoutbox[0])
    assert subject == f"Suivi mis à jour pour votre commande n° {order.pk}"
    assert "Numéro de suivi : COLIS-16-042" in plain
    assert "- 1 × Montre <Passy> & co" in plain
    assert "COLIS-16-042" in html


def _digital_context():
    url = SimpleNamespace(
        token="3f1c9e2a-dl", get_absolute_url="http://paris16.example/digital-download/3f1c9e2a-dl/"
    )
    line = SimpleNamespace(
        quantity=1,
        order_line=SimpleNamespace(
            product_name="Carte cadeau", variant_name="", digital_content_url=url
        ),
    )
    return {"physical_lines": [], "digital_lines": [line]}


def test_digital_lines_carry_their_download_link():
    plain = render_to_string("templated_email/partials/fulfillment_lines.txt", _digital_context())
    html = render_to_string("templated_email/partials/fulfillment_lines.html", _digital_context())
    assert_clean(plain)
    assert "Télécharger : http://paris16.example/digital-download/3f1c9e2a-dl/" in plain
    assert 'href="http://paris16.example/digital-download/3f1c9e2a-dl/"' in html


@pytest.fixture
def customer(db):
    from saleor.account.models import User

    return User.objects.create(email="marc@example.com", is_active=True)


URL_WITH_QUERY = "https://paris16.example/compte/?email=marc%40example.com&token=abc-123"


@pytest.mark.parametrize(
    "send, subject, plain_snippet",
    [
        (
            "account_confirmation",
            "Bienvenue sur Paris 16 Shopping : confirmez votre adresse e-mail",
            "confirmez votre adresse e-mail en ouvrant ce lien",
        ),
        (
            "password_reset",
            "Réinitialisation de votre mot de passe Paris 16 Shopping",
            "Pour choisir un nouveau mot de passe, ouvrez ce lien",
        ),
        (
            "request_email_change",
            "Confirmez votre nouvelle adresse e-mail",
            "Pour confirmer ce changement, ouvrez ce lien",
        ),
        (
            "account_delete",
            "Confirmez la suppression de votre compte Paris 16 Shopping",
            "la suppression est définitive",
        ),
        (
            "staff_set_password",
            "Votre accès à l’administration de Paris 16 Shopping",
            "Un compte d’administration vient d’être créé pour vous",
        ),
        (
            "customer_set_password",
            "Votre compte Paris 16 Shopping est prêt : choisissez votre mot de passe",
            "Un compte client a été créé pour vous",
        ),
    ],
)
def test_account_emails_with_a_link(customer, mailoutbox, send, subject, plain_snippet):
    from saleor.account import emails

    redirect = "https://paris16.example/compte/"
    token = "abc-123"
    if send == "account_confirmation":
        emails._send_account_confirmation_email(customer.email, token, redirect)
    elif send == "password_reset":
        emails._send_password_reset_email_with_url(customer.email, redirect, customer.pk, token)
    elif send == "request_email_change":
        emails._send_request_email_change_email(
            "marc.nouveau@example.com", redirect, customer.pk, token,
            {"old_email": customer.email, "new_email": "marc.nouveau@example.com"},
        )
    elif send == "account_delete":
        emails._send_account_delete_confirmation_email_with_url(customer.email, redirect, token)
    elif send == "staff_set_password":
        emails._send_set_user_password_email_with_url(
            customer.email, redirect, token, "dashboard/staff/set_password"
        )
    elif send == "customer_set_password":
        emails._send_set_user_password_email_with_url(
            customer.email, redirect, token, "dashboard/customer/set_password"
        )

    (message,) = mailoutbox
    got_subject, plain, html = parts(message)
    assert got_subject == subject
    assert plain.startswith("Bonjour,")
    assert plain_snippet in plain
    # The link Saleor built (query string with "&") is raw in text, escaped in HTML.
    link = [word for word in plain.split() if word.startswith(redirect)]
    assert len(link) == 1 and "token=abc-123" in link[0]
    assert f'href="{link[0].replace("&", "&amp;")}"' in html
    assert "Paris 16 Shopping" in html


def test_email_changed_notification(mailoutbox):
    from saleor.account.emails import _send_user_change_email_notification

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            "saleor.account.emails.get_email_context",
            lambda: ({"from_email": "bonjour@paris16.example"}, {"domain": "paris16.example"}),
        )
        _send_user_change_email_notification("ancienne@example.com")

    (message,) = mailoutbox
    subject, plain, html = parts(message)
    assert message.to == ["ancienne@example.com"]
    assert subject == "L’adresse e-mail de votre compte a été modifiée"
    assert "vient d’être modifiée" in plain
    assert "Ce n’était pas vous" in html
    assert "paris16.example" in plain


@pytest.mark.django_db
def test_graphql_playground_is_a_local_french_page(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "<textarea" in page and "fetch(endpoint" in page
    assert 'method: "POST"' in page
    # Nothing fetched from the internet at run time.
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "src=" not in page
