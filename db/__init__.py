"""Wufu's database layer: SQLAlchemy models, engine setup and Alembic migrations.

Imports nothing from app/ or ui/, and never PySide6.
"""
