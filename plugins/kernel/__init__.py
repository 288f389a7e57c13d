"""The shared kernel: what every plugin (and the storefront's formatting) needs the same way.

Pure Python (money, the Paris time zone, opening hours, the 16e address rules, French
formatting, trades, global IDs) but `graphql`, the one module that knows
graphene and Saleor. It imports no plugin: see ARCHITECTURE.md and .importlinter.
"""
