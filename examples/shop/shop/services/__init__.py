"""Business operations spanning several repositories."""
