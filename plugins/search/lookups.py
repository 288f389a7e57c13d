"""`name_folded__p16_fuzzy=phrase`: the phrase is close to whole words of the name
(pg_trgm's strict word similarity ≥ 0.5, in the form its GIN index serves): "sausisson"
finds "saucisson sec", and "camenbert" does not find "Albert Camus"."""
from django.db.models import Lookup, TextField


class FoldedWordSimilar(Lookup):
    lookup_name = "p16_fuzzy"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        # "%%" survives the driver's parameter substitution as pg_trgm's "%>>".
        return f"{lhs} %%>> p16_fold({rhs})", lhs_params + rhs_params


def register() -> None:
    TextField.register_lookup(FoldedWordSimilar)
