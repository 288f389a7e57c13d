# The plugin's saved settings were stored under their French labels: rewording a label
# lost the operator's value. They move to stable English keys (domain/config.py).

from django.db import migrations

from plugins.cached_reads import versions

PLUGIN_ID = "paris16.grouped_delivery"
# Frozen here: the labels as they were saved, whatever config.py says later.
KEYS = {
    "Tarif de la livraison groupée (€ TTC)": "fee",
    "Livraison offerte à partir de (€ TTC, vide = jamais)": "free_threshold",
    "Poids maximal d'un panier (kg, vide = sans limite)": "max_weight_kg",
    "Délai de préparation en boutique (minutes)": "lead_time_minutes",
    "Clôture des commandes avant la tournée (minutes)": "cutoff_minutes",
    "Tournées (jours début-fin capacité ; ...)": "rounds",
    "Nombre de jours de créneaux proposés": "days_ahead",
    "Point de retrait central (adresse, vide = aucun)": "central_point",
}


def _rename(apps, names):
    PluginConfiguration = apps.get_model("plugins", "PluginConfiguration")
    for saved in PluginConfiguration.objects.filter(identifier=PLUGIN_ID):
        items = [{**item, "name": names.get(item["name"], item["name"])}
                 for item in saved.configuration or []]
        if items != saved.configuration:
            saved.configuration = items
            saved.save(update_fields=["configuration"])
            # Workers and Redis hold the settings read under the old names: read them again.
            versions.bump("grouped_delivery.configuration")


def to_keys(apps, schema_editor):
    _rename(apps, KEYS)


def to_labels(apps, schema_editor):
    _rename(apps, {key: label for label, key in KEYS.items()})


class Migration(migrations.Migration):

    dependencies = [
        ('plugins', '0003_auto_20200429_0142'),
        ('cached_reads', '0001_initial'),
        ('grouped_delivery', '0003_courier_rounds'),
    ]

    operations = [migrations.RunPython(to_keys, to_labels)]
