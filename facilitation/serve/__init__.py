"""Serving note capture to browsers (no Textual here): who can reach the server, the code
sheet, and the textual-serve server that runs one restricted capture process per browser tab."""
