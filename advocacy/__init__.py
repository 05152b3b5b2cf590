"""Påvirk: advocacy tracking and letter writing for Norwegian organisations."""

__version__ = "0.1.0"
