"""What a rule is: a code, a name, typed options with defaults, and a generator.

A rule is a plain function ``fn(ctx, opts)`` that yields :class:`~floorplan.findings.Outcome`
values. It never sets its own code, name, severity or reference: the engine stamps them
from the profile. It keeps no state and hands over the geometry it measured as marks.

This module imports nothing heavy, so ``floorplan rules`` starts fast.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

#: option types a profile may give (TOML values)
OPTION_TYPES = {float: "number", int: "integer", str: "text", bool: "true/false",
                list: "list", dict: "table"}


@dataclass(frozen=True)
class Option:
    """One option of a rule: its type, its default and what it means."""

    name: str
    type: type
    default: Any
    help: str = ""

    def check(self, value: Any) -> Any:
        """The value converted to the option's type; ``TypeError`` when it cannot be."""
        if value is None:
            return None
        t = self.type
        if t is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if t is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if t in (str, bool, list, dict) and isinstance(value, t):
            return value
        raise TypeError(f"expected {OPTION_TYPES[t]}, got {value!r}")


@dataclass(frozen=True)
class Rule:
    """A registered rule."""

    code: str
    name: str
    fn: Callable[..., Iterator[Any]]
    options: tuple[Option, ...] = ()
    family: str = ""

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.fn.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")

    def option(self, name: str) -> Option | None:
        for o in self.options:
            if o.name == name:
                return o
        return None

    @property
    def defaults(self) -> dict[str, Any]:
        return {o.name: o.default for o in self.options}


#: options every rule understands (handled by the engine, not the rule)
COMMON_OPTIONS = (
    Option("schemes", list, None,
           "the schemes the rule applies to (shared_house, flat, flats_scheme); "
           "none given: every scheme"),
)


def rule(code: str, name: str, options: tuple[Option, ...] = (),
         schemes: tuple[str, ...] | None = None) -> Callable:
    """Mark a generator function as rule ``code`` / ``name`` with typed ``options``.

    ``schemes`` is the default of the common ``schemes`` option: the schemes the rule
    applies to (the engine reports ``not_applicable`` for others).
    """

    def wrap(fn: Callable) -> Callable:
        module = fn.__module__.rsplit(".", 1)[-1]
        common = tuple(Option(o.name, o.type, list(schemes) if schemes else None, o.help)
                       if o.name == "schemes" else o for o in COMMON_OPTIONS)
        fn.rule = Rule(code, name, fn, tuple(options) + common, module)  # type: ignore[attr-defined]
        return fn

    return wrap
