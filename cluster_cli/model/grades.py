"""Grade sets (hinded, 2.44, 4.6): which grade values are positive, negative, numeric.

One definition for the debt engine, the debt report and the grant scores.
"""

from __future__ import annotations

POSITIVE = frozenset({"5", "4", "3", "A"})
"""Passed: a numeric grade 3–5 or a non-differentiated pass (A)."""

NEGATIVE = frozenset({"2", "MA", "X"})
"""Not passed: 2, a non-differentiated fail (MA), or undone work (X)."""

NUMERIC = {"5": 5, "4": 4, "3": 3, "2": 2}
"""Grades that count in an average, with their values."""
