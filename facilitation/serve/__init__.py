"""Serving note capture to browsers, the parts without Textual: who can reach the server and
the sheet of join codes. The textual-serve server itself is facilitation/tui/capture/server.py."""
