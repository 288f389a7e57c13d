"""Every adaptation Saleor 2.10.1 and its Django 3-era libraries need on Django 5.2.

Saleor 2.10.1 was released for Python 3.8 and Django 3.0. We do not patch its files;
instead each break is bridged here by one small named function, applied once, before
Saleor is imported (`apply()` is called first thing by the settings module).
`ADAPTATIONS` lists them in order; tests/unit/foundation/test_compat.py shows for each one
what fails without it. Two of them lean on Django internals (`bulk_update`, the reverse
related manager): tests/integration/test_compat_django_internals.py pins what they rely on.
Wrapped callables keep the original as `__wrapped__` (functools.wraps): applying twice is
a no-op, and the tests can show the original behaviour.
"""
import functools


def alias_bound_field():
    # saleor.account.i18n imports BoundField from django.forms.forms, where
    # Django 3.1 stopped re-exporting it (it lives in django.forms.boundfield).
    import django.forms.boundfield
    import django.forms.forms

    django.forms.forms.BoundField = django.forms.boundfield.BoundField


def alias_text_encoding_helpers():
    # force_text/smart_text were removed in Django 4.0; graphene-django 2 and Saleor
    # import them. They were plain aliases of the *_str functions.
    from django.utils import encoding

    encoding.force_text = encoding.force_str
    encoding.smart_text = encoding.smart_str


def alias_ugettext_helpers():
    # The u-prefixed translation functions were removed in Django 4.0; Saleor and
    # django-graphql-jwt import them. They were plain aliases.
    from django.utils import translation

    translation.ugettext = translation.gettext
    translation.ugettext_lazy = translation.gettext_lazy
    translation.ugettext_noop = translation.gettext_noop
    translation.ungettext = translation.ngettext
    translation.ungettext_lazy = translation.ngettext_lazy


def alias_url_function():
    # django.conf.urls.url() was removed in Django 4.0; Saleor's URL modules call it.
    # It was re_path() under another name.
    import django.conf.urls
    from django.urls import re_path

    django.conf.urls.url = re_path


def accept_signal_providing_args():
    # Signal(providing_args=...) was removed in Django 4.0 (it was documentation
    # only); django-graphql-jwt still passes it.
    from django.dispatch import Signal

    if hasattr(Signal.__init__, "__wrapped__"):
        return

    @functools.wraps(Signal.__init__)
    def __init__(self, providing_args=None, use_caching=False, _init=Signal.__init__):
        _init(self, use_caching=use_caching)

    Signal.__init__ = __init__


def warn_on_postgres_json_field():
    # Saleor's models still declare contrib.postgres's JSONField. Django 4.0 keeps it
    # working (it is the built-in JSONField) but rejects it in system checks, so that
    # no command runs. Back to Django 3.2's warning (fields.W904, silenced in settings).
    from django.contrib.postgres.fields import JSONField

    details = JSONField.__dict__.get("system_check_removed_details")
    if details:
        JSONField.system_check_deprecated_details = {**details, "id": "fields.W904"}
        JSONField.system_check_removed_details = None


def empty_aggregates_on_no_rows():
    # Since Django 5.0 ArrayAgg/StringAgg over no rows give None instead of []/'';
    # Saleor builds sets from them (groups without active staff). Like Django 3.2, the
    # empty value is given when the result is read, and only there: in SQL the
    # aggregate stays NULL, so Saleor's sort by attribute still puts those rows last.
    from django.contrib.postgres.aggregates import ArrayAgg, StringAgg

    for aggregate, empty in ((ArrayAgg, list), (StringAgg, str)):
        if "convert_value" in aggregate.__dict__:
            continue

        def convert_value(self, value, expression, connection, _empty=empty):
            return _empty() if value is None and self.default is None else value

        aggregate.convert_value = convert_value


def bulk_update_saleor_sort_orders():
    # Saleor's reordering (`sort_order` moves of attributes, values, images...) hands
    # bulk_update() small FinalSortOrder dataclasses instead of model instances. Since
    # Django 4.x bulk_update() calls two model methods on each object: the dataclass
    # gets them, with a model's meaning for an object that only carries pk and value.
    # Pinned by tests/integration/test_compat_django_internals.py.
    from saleor.graphql.core.utils.reordering import FinalSortOrder

    FinalSortOrder._is_pk_set = lambda self: self.pk is not None
    FinalSortOrder._prepare_related_fields_for_save = (
        lambda self, operation_name, fields=None: None
    )


def empty_reverse_managers_on_unsaved_objects():
    # Since Django 4.1 `unsaved.lines.all()` raises ValueError; before, it was an empty
    # queryset, and Saleor relies on that: checkoutCreate validates the new, unsaved
    # Checkout, reading its lines. The reverse foreign-key manager factory is wrapped
    # to keep that answer.
    # Pinned by tests/integration/test_compat_django_internals.py.
    from django.db.models.fields import related_descriptors

    factory = related_descriptors.create_reverse_many_to_one_manager
    if hasattr(factory, "__wrapped__"):
        return

    @functools.wraps(factory)
    def create_reverse_many_to_one_manager(superclass, rel):
        class RelatedManager(factory(superclass, rel)):
            def get_queryset(self):
                if not self.instance._is_pk_set():
                    return superclass.get_queryset(self).none()
                return super().get_queryset()

        return RelatedManager

    related_descriptors.create_reverse_many_to_one_manager = (
        create_reverse_many_to_one_manager
    )


def storages_setting(default_file_storage=None, staticfiles_storage=None):
    """STORAGES for the storage classes Saleor's settings pick from the environment.

    Django 5.1 silently ignores DEFAULT_FILE_STORAGE and STATICFILES_STORAGE (media on
    S3/GCS would land on local disk): the settings module passes them through here.
    """
    return {
        "default": {
            "BACKEND": default_file_storage
            or "django.core.files.storage.FileSystemStorage"
        },
        "staticfiles": {
            "BACKEND": staticfiles_storage
            or "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


# Order matters only for the last two, which import Saleor and Django's models.
ADAPTATIONS = [
    alias_bound_field,
    alias_text_encoding_helpers,
    alias_ugettext_helpers,
    alias_url_function,
    accept_signal_providing_args,
    warn_on_postgres_json_field,
    empty_aggregates_on_no_rows,
    empty_reverse_managers_on_unsaved_objects,
]
# Applied once the app registry is ready (it imports a Saleor module).
ADAPTATIONS_AFTER_SETUP = [bulk_update_saleor_sort_orders]


def apply():
    for adaptation in ADAPTATIONS:
        adaptation()


def apply_after_setup():
    # Called by saleor_config.apps.CompatConfig.ready().
    for adaptation in ADAPTATIONS_AFTER_SETUP:
        adaptation()
