"""SQL access, one module per aggregate. Functions take an open connection and never commit:
the caller owns the transaction."""
