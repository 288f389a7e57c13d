"""Shops of the district. Side tables only: Saleor's own tables are never altered."""
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from plugins.kernel.trades import MerchantTrade


class Merchant(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    trade = models.CharField(max_length=32, choices=MerchantTrade.choices())
    description = models.TextField(blank=True, default="")
    siret = models.CharField(max_length=14)
    email = models.EmailField()
    phone = models.CharField(max_length=20, blank=True, default="")
    address = models.ForeignKey("account.Address", on_delete=models.PROTECT, related_name="+")
    # The merchant's stock lives in its own Saleor warehouse, one per shop.
    warehouse = models.OneToOneField(
        "warehouse.Warehouse", on_delete=models.PROTECT, related_name="merchant"
    )
    click_and_collect = models.BooleanField(default=True)
    is_active = models.BooleanField(default=True)
    commission_rate = models.DecimalField(
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.1000"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name", "pk")
        permissions = (("manage_merchants", "Gérer les commerçants."),)

    def __str__(self):
        return self.name


class OpeningHours(models.Model):
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(validators=[MaxValueValidator(6)])  # 0 = Monday
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        ordering = ("weekday", "opens")


class MerchantClosure(models.Model):
    """An exceptional closing day (holidays, inventory)."""

    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="closures")
    date = models.DateField()
    reason = models.CharField(max_length=120, blank=True, default="")

    class Meta:
        unique_together = (("merchant", "date"),)
        ordering = ("date",)


class MerchantStaff(models.Model):
    """A shopkeeper account: a Saleor staff user who belongs to exactly one shop."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="merchant_membership"
    )
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="staff")


class ProductMerchant(models.Model):
    """Which shop sells a product; products without a row belong to the operator."""

    product = models.OneToOneField(
        "product.Product", on_delete=models.CASCADE, primary_key=True, related_name="merchant_link"
    )
    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="product_links")
