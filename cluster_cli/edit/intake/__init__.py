"""`cluster import`: a sheet (CSV or XLSX) read into rows (`sheet`), its columns turned into
fields by a mapping (`mapping`), the rows merged into the data folder's files in memory
(`merge`), then written through `edit.write`'s session."""
