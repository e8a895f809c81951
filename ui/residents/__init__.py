"""居民花名册 tab: the roster table, its filters and the resident panel."""
