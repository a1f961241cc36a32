"""The one owner of SQL: every statement the product runs, and the schema migrations.

Nothing outside this package writes SQL (tests/test_architecture.py checks it).
"""

from gateway.store.db import TRANSIENT_ERRORS, Store
from gateway.store.migrations import _MIGRATIONS, SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "TRANSIENT_ERRORS", "_MIGRATIONS", "Store"]
