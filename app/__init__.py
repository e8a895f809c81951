"""Wufu's community-office logic. Never imports PySide6 (see HOUSE.md)."""

__version__ = "0.1.0"
