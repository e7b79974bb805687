"""Reading the data folder: YAML with lines, the fast path, the cache, discovery."""
