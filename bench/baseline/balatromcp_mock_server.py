#!/usr/bin/env python3
"""Baseline for bench/ingest-load.sh: a re-creation (written for this benchmark) of the small Python server the
JimBot BalatroMCP mod shipped with. Like that server it uses the standard library's http.server, parses each
batch, prints one line per event, keeps nothing and answers 200.

--threading selects ThreadingHTTPServer with HTTP/1.1 keep-alive, a more generous variant than the original
(single-threaded HTTPServer, HTTP/1.0, one connection per request)."""

import argparse
import datetime
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        try:
            data = json.loads(body.decode("utf-8"))
            events = data.get("events", [data]) if self.path.endswith("/batch") else [data]
            print(f"[{datetime.datetime.now()}] batch with {len(events)} events")
            for event in events:
                print(f"  {event.get('type')} {event.get('event_id')} {json.dumps(event.get('payload', {}))[:80]}")
            reply = json.dumps({"status": "ok", "received": len(events)}).encode()
            self.send_response(200)
        except Exception as error:  # the original answered errors too; keep the server up
            reply = json.dumps({"status": "error", "error": str(error)}).encode()
            self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def do_GET(self):
        reply = b"" if self.path.startswith("/api/v1/commands/poll") else b'{"status":"ok"}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--threading", action="store_true")
    args = parser.parse_args()
    if args.threading:
        Handler.protocol_version = "HTTP/1.1"
        server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    else:
        server = HTTPServer(("127.0.0.1", args.port), Handler)
    print(f"listening on {server.server_address[1]}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
