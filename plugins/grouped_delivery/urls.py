from django.urls import path

from .views import round_sheet_pdf

urlpatterns = [
    path("operator/rounds/<int:slot_id>.pdf", round_sheet_pdf, name="grouped-delivery-round-sheet"),
]
