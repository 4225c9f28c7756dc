"""Running a build: the plugin's options in one shape (config), the site built aside and
swapped in (staging), a serve rebuild's reuse of the last site (reuse), checks and a loopback
server for a built site (linkcheck, preview)."""
