"""The shell around the pure parsers: CLI, config, lists, store, mail sources and sinks, pipeline."""
