"""Places stage."""
