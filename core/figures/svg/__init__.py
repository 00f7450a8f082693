"""Charts drawn as SVG on the server with no browser, as the page's plotly charts draw them (same projection,
colours, extent and proportions): the first paint of a page and link previews. Pure functions of plain inputs;
coordinates are pixels of the box the interactive chart fills; every text is escaped; each SVG is an image named by
its title."""
