"""A run: the Session, the engine over one document, worker processes, suppression, fixes and
the baseline; never output (formatters are the command's)."""
