"""Store base: the engine a ``Store`` holds, and driver errors -> ``StoreError``.

Needs: an SQLAlchemy engine (``store.open_store`` makes it). Adds: ``StoreBase``, the
connection handling that the read (``store_read``) and write (``store_write``) halves of
``Store`` share, and the one-line ``StoreError`` a driver error becomes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sitrep.errors import StoreError


class StoreBase:
    """What every part of ``Store`` uses: the engine, its shown name, FTS5 or not."""

    def __init__(self, engine: Engine, *, shown: str, has_fts: bool) -> None:
        self._engine = engine
        self._shown = shown
        self._has_fts = has_fts

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._shown!r})"

    @property
    def dialect(self) -> str:
        """The SQLAlchemy dialect: "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    @property
    def url(self) -> str:
        """The full SQLAlchemy URL, password included: for worker processes to connect."""
        return self._engine.url.render_as_string(hide_password=False)

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()

    def _connect(self) -> AbstractContextManager[Connection]:
        return _driver_errors(self._engine.connect, self._shown)

    def _begin(self) -> AbstractContextManager[Connection]:
        return _driver_errors(self._engine.begin, self._shown)


@contextmanager
def _driver_errors(opener: Callable[[], Any], shown: str) -> Iterator[Connection]:
    """Run ``with opener() as conn`` and turn driver errors into StoreError."""
    try:
        with opener() as conn:
            yield conn
    except sa.exc.DBAPIError as err:
        raise _store_error(err, shown) from err


def _store_error(err: sa.exc.DBAPIError, shown: str) -> StoreError:
    # One line for the CLI, ending in exactly one full stop or question mark.
    detail = " ".join(str(err.orig).split()).rstrip(".") or type(err.orig).__name__
    detail = detail if detail.endswith(("?", "!")) else detail + "."
    if isinstance(err, sa.exc.IntegrityError):
        return StoreError(f"Database {shown} rejected a write: {detail} This is a bug; report it.")
    return StoreError(
        f"Database {shown} failed: {detail} Check the path or URL, that the file is "
        "writable or the server is running, and that no other program holds a lock on it."
    )


