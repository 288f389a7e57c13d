from django.urls import path

from .views import account, basket, catalogue, checkout, courier, search, shopkeeper

app_name = "storefront"

urlpatterns = [
    path("", catalogue.home, name="home"),
    path("boutiques/", catalogue.directory, name="directory"),
    path("boutiques/<slug:slug>/", catalogue.shop, name="shop"),
    path("produits/<slug:slug>/", catalogue.product, name="product"),
    path("recherche/", search.search, name="search"),
    path("recherche/suggestions/", search.suggestions, name="suggestions"),
    path("panier/", basket.basket, name="basket"),
    path("panier/ajouter/", basket.add, name="basket_add"),
    path("panier/modifier/", basket.update, name="basket_update"),
    path("commande/", checkout.checkout_page, name="checkout"),
    path("commande/etape/", checkout.checkout_step, name="checkout_step"),
    path("commande/verifier-adresse/", checkout.zone_check, name="zone_check"),
    path("commandes/<uuid:token>/", account.order, name="order"),
    path("connexion/", account.login, name="login"),
    path("deconnexion/", account.logout, name="logout"),
    path("compte/", account.account, name="account"),
    path("commercant/", shopkeeper.shopkeeper, name="shopkeeper"),
    path("commercant/connexion/", shopkeeper.shopkeeper_login, name="shopkeeper_login"),
    path("commercant/pret/", shopkeeper.mark_ready, name="mark_ready"),
    path("coursier/", courier.courier, name="courier"),
    path("coursier/connexion/", courier.courier_login, name="courier_login"),
    path("coursier/arret/", courier.press, name="courier_press"),
]
