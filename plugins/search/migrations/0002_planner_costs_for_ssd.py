"""PostgreSQL's planner told that a random read costs about a sequential one.

Its default (random_page_cost = 4) dates from spinning disks: with the catalogue in
memory or on SSD, it prefers reading all 25,000 products (×10 district) to 800 index
lookups, and a suggestion takes 11 ms instead of 5. PostgreSQL's documentation
suggests 1.1 for SSDs. Set on the database itself, so every server using it (ours,
stock Saleor in the bench, the workers) plans alike; an account that may not alter
the database keeps the default, with a notice.
"""
from django.db import migrations

SET = """
DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'random_page_cost left at its default: not the database owner';
END $$;
"""
RESET = """
DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I RESET random_page_cost', current_database());
EXCEPTION WHEN insufficient_privilege THEN NULL;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("p16_search", "0001_initial")]

    operations = [migrations.RunSQL(SET, RESET)]
