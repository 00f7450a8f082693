"""The chart model: every chart of every page, by id, built from the view state."""
