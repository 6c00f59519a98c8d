"""Order management backend for the online shop."""

__version__ = "0.1.0"
