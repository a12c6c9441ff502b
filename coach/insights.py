"""insights (being written)."""
