"""The view state: settings, the URL codec, valid values from the data, and the trust boundary."""
