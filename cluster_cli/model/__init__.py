"""The data model: records of a cluster's data folder and the `Dataset` that indexes them."""
