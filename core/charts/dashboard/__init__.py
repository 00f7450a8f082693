"""The dashboard's charts (map, trend, ranking) and its headline figures, built from the view state."""
