"""The version, in a module of its own so that modules can import it without importing
the package root (which would make an import circle through ``floorplan.api``)."""

__version__ = "0.1.0"
