"""The stock Saleor Dashboard 2.10.1 as a shopkeeper's back office.

The dashboard asks stock queries (orders, order, ordersTotal, homepageEvents...) and
reads stock fields of Order. For a shopkeeper these answer with the shop's own part:
its orders, its lines, its amounts, its status; never the resident's contact details.
The operator (and any other staff) gets stock Saleor's answers unchanged.
"""
