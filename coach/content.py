"""content (being written)."""
