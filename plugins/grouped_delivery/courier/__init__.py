"""Courier rounds in the street: the kept plan of a slot, its stops, and the courier's
buttons (collected, delivered, not delivered). The planning itself is pure (../routing)."""
