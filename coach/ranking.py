"""ranking (being written)."""
