"""Residents (居民花名册): validation, search keys, masking and address helpers."""
