"""Textual screens: the only part of facilitation that imports Textual."""
