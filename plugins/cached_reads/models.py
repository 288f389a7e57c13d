from django.db import models

from .versions import TABLE


class ReadVersion(models.Model):
    """The version of one cached read (e.g. the shop directory): see versions.py."""

    name = models.CharField(max_length=100, primary_key=True)
    version = models.BigIntegerField()

    class Meta:
        db_table = TABLE
