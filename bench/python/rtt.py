#!/usr/bin/env python3
"""Unary OptimizeJokerOrder round trips from Python (issue 6): the gRPC client against the same question asked over
HTTP (POST /api/v1/joker-order, one kept-alive connection), in the same script against the same engine.
Prints one JSON line. Run by bench/grpc-load.sh with Debian's /usr/bin/python3 (needs clients/python/generate.sh)."""
import argparse
import http.client
import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))
from jimbot_client import JimbotClient, pb  # noqa: E402
from jimbot_client.client import card  # noqa: E402

JOKERS = ["Cavendish", "Joker", "Blueprint", "Baseball Card", "Gluttonous Joker"]
PLAYED = [("King", "Spades"), ("King", "Hearts"), ("7", "Clubs"), ("7", "Diamonds"), ("2", "Spades")]


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(len(s) * q + 0.999999) - 1))]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--grpc", required=True)
    p.add_argument("--http", required=True)
    p.add_argument("--calls", type=int, default=2000)
    a = p.parse_args()
    play = pb.Play(played=[card(r, s) for r, s in PLAYED], jokers=[pb.PlayJoker(name=j) for j in JOKERS])
    body = json.dumps({"played": [{"rank": r, "suit": s} for r, s in PLAYED], "jokers": [{"name": j} for j in JOKERS]})
    url = urllib.parse.urlparse(a.http)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    results = {}
    with JimbotClient(a.grpc) as engine:
        def grpc_call():
            r = engine.optimize_joker_order(play)
            assert r.best_jokers
        def http_call():
            conn.request("POST", "/api/v1/joker-order", body, {"Content-Type": "application/json"})
            r = conn.getresponse()
            assert r.status == 200, r.read()
            r.read()
        for name, call in (("grpc", grpc_call), ("http", http_call)):
            for _ in range(300):
                call()
        for name, call in (("grpc", grpc_call), ("http", http_call)):
            times = []
            for _ in range(a.calls):
                t0 = time.perf_counter()
                call()
                times.append((time.perf_counter() - t0) * 1000)
            results[name] = times
    out = {"phase": "python-rtt", "call": "OptimizeJokerOrder", "jokers": len(JOKERS), "calls": a.calls}
    for name, times in results.items():
        out[f"{name}_ms_p50"] = round(pct(times, 0.5), 3)
        out[f"{name}_ms_p99"] = round(pct(times, 0.99), 3)
    out["http_over_grpc_p99"] = round(out["http_ms_p99"] / out["grpc_ms_p99"], 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
