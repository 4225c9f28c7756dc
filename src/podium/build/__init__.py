"""Running a build: workers, staging, the no-plugin (Zensical) path, and checks of a built site."""
