"""sitrep: conflict news reports to an ACLED-style event database.

Importing the package is free: it loads no model and opens no database.
"""

__version__ = "0.1.0"
