"""Pure Python domain logic: no Qt, no I/O."""
