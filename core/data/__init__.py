"""Data access: the processed files loaded once and checked, their contract, typed queries and caches."""
