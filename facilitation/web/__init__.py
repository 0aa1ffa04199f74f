"""The phones' web server (`facilitation serve`): note-takers, participants and conveners on
the venue's Wi-Fi. One aiohttp process, server-rendered pages, assets shipped in the package,
nothing fetched from elsewhere. No Textual here. The factory is `app.make_app`."""
