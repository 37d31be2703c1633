"""Anonymous usage counts: what is counted, the per-process buffer, the report and its chart."""
