"""Alembic migrations of the ClaimDesk database."""
