from django.urls import path

from .views import settlements_csv

urlpatterns = [
    path("exports/merchant-settlements.csv", settlements_csv, name="merchant-settlements-csv"),
]
