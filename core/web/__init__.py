"""The web layer beside Dash: routes, security, embeds, downloads and logging."""
