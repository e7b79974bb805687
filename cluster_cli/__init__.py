"""cluster_cli — data checks, reports and contracts for an IT vocational-education cluster."""

__version__ = "0.1.0"
