"""Reusable widgets: the big countdown, the Markdown teleprompter."""
