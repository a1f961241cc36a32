"""Pure rules: records in, decisions out — the calendar and deadlines, compliance, the schedule of
the deadline clock, what to remind, digest and warn about, and how to answer a message. No SQL, no
sockets, no clock, no templates (tests/test_architecture.py checks the imports)."""
