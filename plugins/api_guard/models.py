from django.db import models


class FailureCounter(models.Model):
    """Failed attempts of one account or address in the current window, when there
    is no Redis (PostgreSQL keeps the counters shared by every worker and server)."""

    key = models.CharField(max_length=64, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    window_ends = models.DateTimeField()
