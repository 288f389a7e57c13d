"""Where shops and residents are: a table of known addresses (the Base Adresse
Nationale, or the demo district's streets) and each saved address's location."""
