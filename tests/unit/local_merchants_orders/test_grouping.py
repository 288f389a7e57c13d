from plugins.local_merchants.orders.domain.grouping import group_by_merchant

CASES = [
    ([], {}),
    ([("a", 1)], {1: ["a"]}),
    ([("a", 2), ("b", 1), ("c", 2)], {2: ["a", "c"], 1: ["b"]}),
    ([("a", None), ("b", 3), ("c", None)], {None: ["a", "c"], 3: ["b"]}),
]


def test_group_by_merchant():
    for pairs, expected in CASES:
        groups = group_by_merchant(pairs)
        assert groups == expected
        assert list(groups) == list(expected)  # shops in basket order
