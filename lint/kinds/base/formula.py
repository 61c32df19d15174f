"""A safe evaluator for Vale's ``metric`` formulas and conditions: arithmetic over named counts.

Vale runs a formula as a Tengo program. Here it is parsed with :mod:`ast` and only a whitelist
of node types is accepted: numbers, the rule's variable names, ``+ - * / % **``, unary
``+``/``-``, parentheses, comparisons (for ``condition``), and the calls ``math.sqrt``,
``math.pow``, ``math.abs``, ``math.floor``, ``math.ceil``, ``abs``, ``min`` and ``max``.
Nothing is ever handed to ``eval``/``exec``: a tree walk computes the value in floats, so no
name, attribute, subscript or call outside the list can run, and ``10 ** 10 ** 10`` is an
overflow (infinity) rather than a huge integer. As in Go, dividing by zero gives ±inf or NaN.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

MAX_LENGTH = 1000  # characters: a readability formula is one line
MAX_NODES = 200

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: lambda a, b: _divide(a, b),
    ast.Mod: lambda a, b: math.fmod(a, b) if b else math.nan,  # Go's math.Mod: sign of a
    ast.Pow: lambda a, b: _power(a, b),
}
_COMPARE: dict[type[ast.cmpop], Callable[[float, float], bool]] = {
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
}
_MATH: dict[str, Callable[..., float]] = {
    "sqrt": lambda x: math.sqrt(x) if x >= 0 else math.nan,
    "pow": lambda a, b: _power(a, b),
    "abs": abs,
    "floor": math.floor,
    "ceil": math.ceil,
}
_BUILTINS: dict[str, Callable[..., float]] = {"abs": abs, "min": min, "max": max}
_ARITY = {"sqrt": 1, "pow": 2, "abs": 1, "floor": 1, "ceil": 1}
CONDITION = re.compile(r"\s*(<=|>=|==|!=|<|>)\s*(\S.*?)\s*", re.S)


class FormulaError(ValueError):
    """A formula or condition this evaluator does not accept (the message says why)."""


@dataclass(frozen=True)
class Formula:
    """A parsed formula: ``value(variables)`` computes it."""

    source: str
    tree: ast.expr

    def value(self, variables: Mapping[str, float]) -> float:
        return _eval(self.tree, variables)


def parse(source: str, names: Collection[str]) -> Formula:
    """Parse ``source`` as arithmetic over ``names``; FormulaError when it is anything else."""
    text = " ".join(source.split())  # YAML's `|` leaves a line break; Tengo ignores it too
    if not text:
        raise FormulaError("the formula is empty")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"the formula is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise FormulaError(f"{text!r} is not a formula ({type(exc).__name__})") from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise FormulaError(f"the formula has more than {MAX_NODES} parts")
    _check(tree, names)
    return Formula(text, tree)


def parse_condition(source: str, names: Collection[str]) -> tuple[str, Formula]:
    """``"> 8"``: the comparison and the formula it compares the value with."""
    m = CONDITION.fullmatch(source)
    if not m:
        raise FormulaError(
            f"{source!r} is not a condition: write a comparison and a value, such as '> 8'"
        )
    return m.group(1), parse(m.group(2), names)


def compare(value: float, op: str, other: float) -> bool:
    return _COMPARE[_OPS[op]](value, other)


_OPS: dict[str, type[ast.cmpop]] = {
    ">": ast.Gt, ">=": ast.GtE, "<": ast.Lt, "<=": ast.LtE, "==": ast.Eq, "!=": ast.NotEq
}


def _check(node: ast.expr, names: Collection[str]) -> None:
    """Raise FormulaError unless every node of the tree is on the whitelist."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError(f"{node.value!r} is not a number")
        try:
            float(node.value)
        except OverflowError:  # a 400-digit integer: floats are what the formula computes in
            raise FormulaError("a number in the formula is too large") from None
    elif isinstance(node, ast.Name):
        if node.id not in names:
            known = ", ".join(sorted(names))
            raise FormulaError(f"unknown variable '{node.id}' (known: {known})")
    elif isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise FormulaError(f"the operator {type(node.op).__name__} is not arithmetic")
        _check(node.left, names)
        _check(node.right, names)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd | ast.USub):
        _check(node.operand, names)
    elif isinstance(node, ast.Call):
        _check_call(node, names)
    else:
        raise FormulaError(f"{ast.unparse(node)!r} is not allowed in a formula")


def _check_call(node: ast.Call, names: Collection[str]) -> None:
    func = node.func
    if node.keywords:
        raise FormulaError("a function takes no named arguments")
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        if func.value.id != "math" or func.attr not in _MATH:
            raise FormulaError(f"'{ast.unparse(func)}' is not a known function")
        if len(node.args) != _ARITY[func.attr]:
            raise FormulaError(f"math.{func.attr} takes {_ARITY[func.attr]} argument(s)")
    elif isinstance(func, ast.Name) and func.id in _BUILTINS:
        if (len(node.args) != 1) if func.id == "abs" else (len(node.args) < 2):
            wanted = "one argument" if func.id == "abs" else "two or more arguments"
            raise FormulaError(f"{func.id} takes {wanted}")
    else:
        raise FormulaError(f"'{ast.unparse(func)}' is not a known function")
    for arg in node.args:
        if isinstance(arg, ast.Starred):
            raise FormulaError("a function takes plain arguments")
        _check(arg, names)


def _eval(node: ast.expr, env: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.Name):
        return float(env.get(node.id, 0.0))
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_eval(node.left, env), _eval(node.right, env))
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, env)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Call):
        args = [_eval(a, env) for a in node.args]
        func = node.func
        if isinstance(func, ast.Attribute):
            fn = _MATH[func.attr]
        elif isinstance(func, ast.Name):
            fn = _BUILTINS[func.id]
        else:  # pragma: no cover - checked at parse
            raise FormulaError("not a known function")
        try:
            return float(fn(*args))
        except (OverflowError, ValueError):  # floor(inf), ceil(nan)
            return math.nan
    raise FormulaError(f"{ast.unparse(node)!r} is not allowed in a formula")  # checked at parse


def _divide(a: float, b: float) -> float:
    if b:
        return a / b
    if a == 0 or math.isnan(a):
        return math.nan
    return math.copysign(math.inf, a) * math.copysign(1.0, b)


def _power(a: float, b: float) -> float:
    try:
        result = a**b
    except OverflowError:
        return math.inf
    except ZeroDivisionError:  # 0 ** -1
        return math.inf
    return result if isinstance(result, float) else math.nan  # a negative base, a fraction
