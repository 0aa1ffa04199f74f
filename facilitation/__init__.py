"""facilitation: script, run and write up World Café and Open Space workshops."""

__version__ = "0.1.0"
