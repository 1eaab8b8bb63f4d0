"""Commands that publish: ``export`` (see jeudis.export)."""
