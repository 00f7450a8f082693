"""Languages: the message catalog, number formats and the key-fact sentences' building blocks."""
