"""Getting documents in: files, JSONL, standard input (and later the web)."""
