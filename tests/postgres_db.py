"""The PostgreSQL server tests use: its URL from the environment, and a fresh database.

Without ``SITREP_TEST_POSTGRES_URL`` a test skips, except in CI (``CI`` set), where it fails:
`.ci/run` starts a server, so a skip there would hide a missing setup step.
"""

from __future__ import annotations

import os

import pytest

POSTGRES_URL_ENV = "SITREP_TEST_POSTGRES_URL"


def require(reason: str) -> None:
    """Skip for ``reason``, or fail in CI, where nothing may be skipped."""
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}")
    pytest.skip(reason)


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        require(f"set {POSTGRES_URL_ENV} to a PostgreSQL URL to run PostgreSQL tests")
    return url  # type: ignore[return-value]


def fresh_postgres() -> str:
    """The test database's URL, with sitrep's tables dropped."""
    from sitrep.store import drop_tables

    url = postgres_url()
    drop_tables(url)
    return url
