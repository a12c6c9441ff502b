"""exports (being written)."""
