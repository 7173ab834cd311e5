"""Exception types users can see. One base class; messages give the value and the next step."""


class SitrepError(Exception):
    """Base class for errors that the CLI reports in one line."""


class InputError(SitrepError):
    """An input file or record could not be read (empty, binary, not UTF-8, malformed)."""


class ModelMissing(SitrepError):
    """The spaCy English model is not installed."""


class GazetteerMissing(SitrepError):
    """The gazetteer index does not exist and could not be built."""


class StoreError(SitrepError):
    """The database could not be opened, or its schema is not the one this version expects."""


class SchemaOutdated(StoreError):
    """The database was written by a newer or older schema version."""


class EventNotFound(SitrepError):
    """No event with the requested id exists in the database."""


class ClusterError(SitrepError):
    """The Dask cluster could not be reached, or lost too many workers on one partition."""
