"""Certified household access: the district's policy, grants and their lifecycle."""
