"""Pure rules of the per-shop parts of an order (no Django, no Saleor)."""
