from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ReadVersion",
            fields=[
                ("name", models.CharField(max_length=100, primary_key=True, serialize=False)),
                ("version", models.BigIntegerField()),
            ],
            options={"db_table": "cached_reads_version"},
        ),
        migrations.RunSQL(
            "CREATE SEQUENCE cached_reads_version_seq",
            "DROP SEQUENCE cached_reads_version_seq",
        ),
    ]
