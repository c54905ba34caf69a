"""Typed names for the PySide6 and qasync decorators the bridges use.

At run time these are PySide6's `Property` and qasync's `asyncSlot`. For mypy, `Property` is a
descriptor of the getter's return type (PySide's own stub types every property as `Property`,
so `self.count < 3` would not type-check) that also takes QML type names such as "QVariantMap",
and `asyncSlot` keeps the decorated coroutine's signature (qasync has no types).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

if TYPE_CHECKING:

    class _Property(Generic[T]):
        def __get__(self, obj: object, owner: type | None = None) -> T: ...
        def __set__(self, obj: object, value: T) -> None: ...

    @overload
    def Property(
        type: type | str, *, notify: Any = ..., constant: bool = ..., final: bool = ...
    ) -> Callable[[Callable[[Any], T]], _Property[T]]: ...

    @overload
    def Property(
        type: type | str,
        fget: Callable[[Any], T],
        fset: Callable[[Any, Any], None] | None = ...,
        *,
        notify: Any = ...,
        constant: bool = ...,
        final: bool = ...,
    ) -> _Property[T]: ...

    def Property(*args: Any, **kwargs: Any) -> Any: ...

    def asyncSlot(  # the wrapper schedules the coroutine and returns its task
        *types: Any, **kwargs: Any
    ) -> Callable[[Callable[P, Coroutine[Any, Any, R]]], Callable[P, asyncio.Task[R]]]: ...

else:
    from PySide6.QtCore import Property
    from qasync import asyncSlot

__all__ = ["Property", "asyncSlot"]
