#!/usr/bin/env python3
"""serve.py DIR PORTFILE SECONDS - serves DIR on 127.0.0.1 (a free port,
written to PORTFILE) for at most SECONDS, for headless Chromium: fetch() of
a TEI file by CETEIcean needs http, and a page reads an iframe's document
only from its own origin. Nothing but DIR is served; no listing."""
import functools
import http.server
import sys
import threading


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def list_directory(self, path):
        self.send_error(404)
        return None


def main():
    directory, portfile, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    Quiet.extensions_map = dict(Quiet.extensions_map, **{".xml": "application/xml", ".js": "text/javascript"})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=directory))
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.replace(portfile + ".tmp", portfile)
    threading.Timer(seconds, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
