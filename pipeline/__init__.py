"""Build-time data pipeline: turns the published files in data/raw into data/processed."""
