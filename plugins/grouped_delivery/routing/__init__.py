"""Planning courier rounds (pure Python and the OR-Tools solver; no Django, no Saleor).

model.py: what a round is made of; travel.py: distances between points (an
interface an OSRM road network can implement); planner.py: the optimised plan;
rules.py: the rules every plan must keep (contract rule 8), checked on every plan;
baselines.py: the kilometres of per-shop delivery and of the alphabetical sheet.
"""
