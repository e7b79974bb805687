"""The regulation: the profile (dated, cited numbers), working days, eligibility facts, the rule registry."""
