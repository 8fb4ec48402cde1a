"""drafter: an offline, template-based assistant for drafting Chinese leadership speeches."""

__version__ = "0.1.0"
