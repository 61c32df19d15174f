"""Project configuration: config files and their source positions, profiles, which config
governs a file, and which files a folder walk lints."""
