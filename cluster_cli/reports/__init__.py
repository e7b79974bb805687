"""Computations over the dataset: debts, grants, allowances, matching, members, calendar — typed results."""
