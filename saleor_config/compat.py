"""Every shim Saleor 2.10.1 needs to run on Python 3.11 and Django 3.2.

Saleor 2.10.1 was released for Python 3.8 and Django 3.0. We do not patch its files;
instead each incompatibility is bridged here, once, before Saleor is imported.
`apply()` is idempotent and is called from the settings module.
"""


def alias_bound_field():
    # saleor.account.i18n imports BoundField from django.forms.forms, where
    # Django 3.1 stopped re-exporting it (it lives in django.forms.boundfield).
    import django.forms.boundfield
    import django.forms.forms

    if not hasattr(django.forms.forms, "BoundField"):
        django.forms.forms.BoundField = django.forms.boundfield.BoundField


def apply():
    alias_bound_field()
