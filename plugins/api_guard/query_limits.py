"""How deep and how costly a GraphQL operation is, read from its parsed document
before anything runs (pure: graphql-core's AST only, no Django, no Saleor).

Depth: a root field is 1, each nested field selection adds 1; fragments and inline
fragments are expanded (they add no level of their own).
Cost, after Saleor 3.x's query cost: every field costs 1 plus its sub-selection, times
the list size it asks for (`first` or `last`, literal or variable), so
`products(first: 100) { edges { node { name } } }` costs 100 × 3 + 1. Aliases are
separate fields, each counted. A fragment is measured once (memoised), so a document
that spreads fragments exponentially is still measured in linear time; a fragment
cycle is endless by definition.
"""
from dataclasses import dataclass
from typing import Dict, Iterable, Mapping, Optional, Tuple

from graphql.language import ast

LIST_SIZE_ARGUMENTS = ("first", "last")


class EndlessFragment(Exception):
    """A fragment spreads itself (directly or not): the document never ends."""


@dataclass(frozen=True)
class Measure:
    depth: int
    cost: int
    largest_page: int = 1  # the largest `first`/`last` asked anywhere


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int
    max_cost: int
    max_page: int = 100  # Saleor's own connection limit, refused here with a clear code

    def verdict(self, measure: Measure, cost_left: Optional[int] = None) -> Optional[str]:
        """None when within limits (and within what a batch has left), else the code."""
        if measure.depth > self.max_depth:
            return "QUERY_TOO_DEEP"
        if measure.largest_page > self.max_page:
            return "PAGE_TOO_LARGE"
        if measure.cost > (self.max_cost if cost_left is None else cost_left):
            return "QUERY_TOO_COMPLEX"
        return None


class _Measurer:
    def __init__(self, document: ast.Document, variables: Mapping):
        self.variables = variables if isinstance(variables, Mapping) else {}
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, ast.FragmentDefinition)
        }
        self.done: Dict[str, Tuple[int, int]] = {}
        self.in_progress: set = set()
        self.largest_page = 1

    def selection_set(self, selection_set: Optional[ast.SelectionSet]) -> Tuple[int, int]:
        """(depth, cost) of a selection set; (0, 0) for a leaf."""
        depth = cost = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, ast.Field):
                child_depth, child_cost = self.selection_set(selection.selection_set)
                depth = max(depth, 1 + child_depth)
                cost += (1 + child_cost) * self.list_size(selection)
            elif isinstance(selection, ast.InlineFragment):
                child_depth, child_cost = self.selection_set(selection.selection_set)
                depth, cost = max(depth, child_depth), cost + child_cost
            elif isinstance(selection, ast.FragmentSpread):
                child_depth, child_cost = self.fragment(selection.name.value)
                depth, cost = max(depth, child_depth), cost + child_cost
        return depth, cost

    def fragment(self, name: str) -> Tuple[int, int]:
        if name in self.done:
            return self.done[name]
        if name in self.in_progress:
            raise EndlessFragment(name)
        definition = self.fragments.get(name)
        if definition is None:  # unknown fragment: validation reports it, it never runs
            return 0, 0
        self.in_progress.add(name)
        self.done[name] = self.selection_set(definition.selection_set)
        self.in_progress.discard(name)
        return self.done[name]

    def list_size(self, field: ast.Field) -> int:
        """The largest of `first`/`last` given as a positive integer, else 1."""
        size = 1
        for argument in field.arguments or ():
            if argument.name.value not in LIST_SIZE_ARGUMENTS:
                continue
            value = argument.value
            if isinstance(value, ast.Variable):
                value = self.variables.get(value.name.value)
            elif isinstance(value, ast.IntValue):
                value = int(value.value)
            if isinstance(value, int) and not isinstance(value, bool) and value > size:
                size = value
        self.largest_page = max(self.largest_page, size)
        return size


def measure(document: ast.Document, variables: Optional[Mapping] = None) -> Measure:
    """The deepest and costliest of the document's operations (whichever one runs)."""
    measurer = _Measurer(document, variables or {})
    depth = cost = 0
    for definition in document.definitions:
        if isinstance(definition, ast.OperationDefinition):
            try:
                op_depth, op_cost = measurer.selection_set(definition.selection_set)
            except EndlessFragment:
                return Measure(depth=float("inf"), cost=float("inf"))
            depth, cost = max(depth, op_depth), max(cost, op_cost)
    return Measure(depth=depth, cost=cost, largest_page=measurer.largest_page)


def root_fields(document: ast.Document, operation: str, names: Iterable[str]) -> int:
    """How many root fields of the given names the document's `operation`
    (query/mutation) operations select, aliases and fragments included."""
    wanted = frozenset(names)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, ast.FragmentDefinition)
    }

    memo: Dict[str, int] = {}

    def count(selection_set, seen):
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, ast.Field):
                total += selection.name.value in wanted
            elif isinstance(selection, ast.InlineFragment):
                total += count(selection.selection_set, seen)
            elif isinstance(selection, ast.FragmentSpread):
                name = selection.name.value
                if name in fragments and name not in seen:
                    if name not in memo:  # once per fragment: linear time
                        memo[name] = count(fragments[name].selection_set, seen | {name})
                    total += memo[name]
        return total

    return sum(
        count(d.selection_set, frozenset())
        for d in document.definitions
        if isinstance(d, ast.OperationDefinition) and d.operation == operation
    )
