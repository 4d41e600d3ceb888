"""Public names a package takes from a submodule imported on first use (PEP 562).

A package lists such names in ``__all__`` like any other, imports them under
``TYPE_CHECKING`` so that type checkers see them, and gets its module
``__getattr__`` and ``__dir__`` here::

    __getattr__, __dir__ = lazy_names(__name__, {"Case": "_case"})

The first ``package.Case`` (or ``from package import Case``) imports
``package._case`` and keeps the class on the package, so later look-ups are
plain attribute reads; ``dir(package)`` lists the names before they are
loaded, so Sphinx autodoc and ``from package import *`` see every one.
Classes keep the ``__module__`` of their submodule, so pickling is unchanged.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_names"]


def lazy_names(
    package: str, names: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of *package* for *names* (name → submodule of *package*)."""

    def attribute(name: str) -> object:
        submodule = names.get(name)
        if submodule is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(f"{package}.{submodule}"), name)
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    def listing() -> list[str]:
        return sorted({*vars(sys.modules[package]), *names})

    return attribute, listing
