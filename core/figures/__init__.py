"""Pure figure builders: prepared data in, plotly figure dicts out (no data access, no Dash)."""
