"""Run-time core of the dashboard: data store, queries, figures, URL state, messages, settings."""
