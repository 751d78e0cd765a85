"""Qt item models: caches of immutable rows that the window refills from services."""
