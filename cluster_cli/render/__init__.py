"""Presenting results: views, tables, JSON, CSV, XLSX, ICS."""
