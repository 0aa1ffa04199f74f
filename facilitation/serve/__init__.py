"""Serving the phones, the parts without a server: who can reach it, the sheet of join codes
and QR codes. The server itself is facilitation/web/."""
