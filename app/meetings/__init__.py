"""Deliberation meetings (议事) and their minutes: header, attendance, agenda, votes, action items,
四议两公开 decision chains, finalising and amendments, minutes PDF, Excel, CLI and demo data."""
