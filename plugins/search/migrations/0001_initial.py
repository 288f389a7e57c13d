# French full-text search with folded accents (unaccent) and typo tolerance (pg_trgm),
# both shipped with PostgreSQL (15 on the servers, 18 in the embedded wheel).
import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import CreateExtension
from django.db import migrations, models

# unaccent() is only STABLE (its dictionary could change): a wrapper naming the
# dictionary explicitly is IMMUTABLE, so folded text can be indexed and compared.
FOLD = r"""
CREATE OR REPLACE FUNCTION p16_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, $1)),
                              '[^[:alnum:]]+', ' ', 'g'))
$$;
"""

# French stemming after folding accents: "pâtés", "pates" and "pâte" meet.
CONFIG = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'p16_french') THEN
    CREATE TEXT SEARCH CONFIGURATION p16_french (COPY = pg_catalog.french);
    ALTER TEXT SEARCH CONFIGURATION p16_french
      ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
  END IF;
END $$;
"""

# The GIN indexes below have no "fast update" pending list: rows inserted in bulk (the
# district loader) would wait there, unindexed, until a vacuum, and every search would
# read the whole list (many times slower per search on the ten-times district, and the
# planner then prefers reading every document). Documents change rarely: written through.

# Ascending sort key of a match: exact name, then name prefix, then full-text rank (cover
# density: "rue de passy" ranks the words side by side in a street above "Cave de Passy"
# on another street), then name similarity (an integer: cursors compare exactly).
RANK_KEY = """
CREATE OR REPLACE FUNCTION p16_rank_key(doc tsvector, name text, phrase text, query text)
RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (CASE WHEN name = p16_fold(phrase) THEN 0
               WHEN starts_with(name, p16_fold(phrase)) THEN 1
               WHEN doc @@ to_tsquery('p16_french', query) THEN 2
               ELSE 3 END) * 1000000
         + (999 - floor(ts_rank_cd(doc, to_tsquery('p16_french', query), 32) * 999))::int * 1000
         + (999 - floor(strict_word_similarity(p16_fold(phrase), name) * 999))::int
$$;
"""


def backfill(apps, schema_editor):
    from plugins.search import documents

    documents.refresh_all(schema_editor.connection)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("local_merchants", "0002_product_name_index"),
        ("product", "0117_auto_20200423_0737"),
    ]

    operations = [
        CreateExtension("unaccent"),
        CreateExtension("pg_trgm"),
        migrations.RunSQL(FOLD, "DROP FUNCTION IF EXISTS p16_fold(text)"),
        migrations.RunSQL(CONFIG, "DROP TEXT SEARCH CONFIGURATION IF EXISTS p16_french"),
        migrations.RunSQL(RANK_KEY, "DROP FUNCTION IF EXISTS p16_rank_key(tsvector, text, text, text)"),
        migrations.CreateModel(
            name="ProductDocument",
            fields=[
                ("product", models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                    related_name="search_document", serialize=False, to="product.product")),
                ("document", django.contrib.postgres.search.SearchVectorField()),
                ("name_folded", models.TextField()),
            ],
        ),
        migrations.CreateModel(
            name="MerchantDocument",
            fields=[
                ("merchant", models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                    related_name="search_document", serialize=False,
                    to="local_merchants.merchant")),
                ("document", django.contrib.postgres.search.SearchVectorField()),
                ("name_folded", models.TextField()),
            ],
        ),
        migrations.RunSQL(
            """
            CREATE INDEX p16_product_document ON p16_search_productdocument
              USING gin (document) WITH (fastupdate = off);
            CREATE INDEX p16_product_name_trgm ON p16_search_productdocument
              USING gin (name_folded gin_trgm_ops) WITH (fastupdate = off);
            CREATE INDEX p16_merchant_document ON p16_search_merchantdocument
              USING gin (document) WITH (fastupdate = off);
            CREATE INDEX p16_merchant_name_trgm ON p16_search_merchantdocument
              USING gin (name_folded gin_trgm_ops) WITH (fastupdate = off);
            """,
            """
            DROP INDEX p16_product_document; DROP INDEX p16_product_name_trgm;
            DROP INDEX p16_merchant_document; DROP INDEX p16_merchant_name_trgm;
            """,
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
