"""The operator's saved settings survive the move from French labels to stable keys."""
from decimal import Decimal
from importlib import import_module

from django.apps import apps
from saleor.plugins.models import PluginConfiguration

from plugins.grouped_delivery.services.settings import PLUGIN_ID, delivery_settings

migration = import_module("plugins.grouped_delivery.migrations.0004_configuration_keys")


def test_saved_settings_keep_their_values_under_the_new_keys(db):
    saved = PluginConfiguration.objects.create(
        identifier=PLUGIN_ID, name="Livraison groupée du 16e", active=True, configuration=[
            {"name": "Tarif de la livraison groupée (€ TTC)", "value": "4.50"},
            {"name": "Point de retrait central (adresse, vide = aucun)",
             "value": "Mairie du 16e, 71 avenue Henri-Martin, 75116 Paris"},
            {"name": "Tournées (jours début-fin capacité ; ...)", "value": "1-5 17:00-19:00 12"},
        ])
    before = delivery_settings()
    # Under the old names the values were lost (rewording a label did the same).
    assert before.fee_rules.fee == Decimal("5.90") and before.central_point == ""

    migration.to_keys(apps, None)

    saved.refresh_from_db()
    assert [item["name"] for item in saved.configuration] == ["fee", "central_point", "rounds"]
    after = delivery_settings()
    assert after.fee_rules.fee == Decimal("4.50")
    assert after.central_point == "Mairie du 16e, 71 avenue Henri-Martin, 75116 Paris"
    assert [(r.capacity, r.start.hour) for r in after.rounds] == [(12, 17)]

    migration.to_labels(apps, None)  # and back, for a rollback
    saved.refresh_from_db()
    assert saved.configuration[0] == {"name": "Tarif de la livraison groupée (€ TTC)", "value": "4.50"}
