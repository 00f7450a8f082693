"""Layout pieces: small factory functions that take their options as arguments."""
