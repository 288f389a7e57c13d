"""The trades of the district's shops, with their French names."""
from enum import Enum


class MerchantTrade(str, Enum):
    BAKERY = "BAKERY"
    BUTCHER = "BUTCHER"
    CHEESE = "CHEESE"
    GREENGROCER = "GREENGROCER"
    WINE = "WINE"
    FLORIST = "FLORIST"
    BOOKSHOP = "BOOKSHOP"
    CHOCOLATIER = "CHOCOLATIER"
    FISHMONGER = "FISHMONGER"
    DELICATESSEN = "DELICATESSEN"
    TOYS = "TOYS"
    FASHION = "FASHION"
    SHOES = "SHOES"
    JEWELLERY = "JEWELLERY"
    OPTICIAN = "OPTICIAN"
    HOME = "HOME"
    BEAUTY = "BEAUTY"
    SPORT = "SPORT"
    STATIONERY = "STATIONERY"
    OTHER = "OTHER"

    @property
    def label(self) -> str:
        return TRADE_LABELS[self]

    @classmethod
    def choices(cls):
        return [(trade.value, trade.label) for trade in cls]


TRADE_LABELS = {
    MerchantTrade.BAKERY: "Boulangerie",
    MerchantTrade.BUTCHER: "Boucherie",
    MerchantTrade.CHEESE: "Fromagerie",
    MerchantTrade.GREENGROCER: "Primeur",
    MerchantTrade.WINE: "Caviste",
    MerchantTrade.FLORIST: "Fleuriste",
    MerchantTrade.BOOKSHOP: "Librairie",
    MerchantTrade.CHOCOLATIER: "Chocolatier",
    MerchantTrade.FISHMONGER: "Poissonnerie",
    MerchantTrade.DELICATESSEN: "Épicerie fine",
    MerchantTrade.TOYS: "Jouets",
    MerchantTrade.FASHION: "Mode",
    MerchantTrade.SHOES: "Chaussures",
    MerchantTrade.JEWELLERY: "Bijouterie",
    MerchantTrade.OPTICIAN: "Opticien",
    MerchantTrade.HOME: "Maison",
    MerchantTrade.BEAUTY: "Beauté",
    MerchantTrade.SPORT: "Sport",
    MerchantTrade.STATIONERY: "Papeterie",
    MerchantTrade.OTHER: "Autre commerce",
}
