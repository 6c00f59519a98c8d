"""Order management backend for the online shop."""

__version__ = "0.4.0"
