"""The one time zone of the district: shop hours, slots and receipts are Paris wall-clock time."""
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
