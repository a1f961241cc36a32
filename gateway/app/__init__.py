"""Use cases: they wire the domain rules, the store, mail and the site builder — reading a message,
the batch pipeline, the service loop, the snapshot for the site, checks, the demo, re-processing."""
