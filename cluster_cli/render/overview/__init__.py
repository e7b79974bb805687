"""`cluster overview`: a static HTML site of the cluster as of a date (collect → pages → site)."""
