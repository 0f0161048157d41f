"""A thin, typed Python client for the JimBot Engine's gRPC API (package jimbot.v1).

Run ``generate.sh`` once to generate the stubs (they are build output, kept out of git), then::

    from jimbot_client import JimbotClient
    with JimbotClient("127.0.0.1:50051") as engine:
        for event in engine.subscribe(game_id="run-0", pattern="game.state.update", from_offset=0):
            ...
"""
import os
import sys

_GEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_gen")
if not os.path.isdir(os.path.join(_GEN, "jimbot", "v1")):
    raise ImportError("jimbot_client: the stubs are not generated; run clients/python/generate.sh")
if _GEN not in sys.path:
    # the generated modules import each other as jimbot.v1.*, google.rpc.*
    sys.path.insert(0, _GEN)

from jimbot.v1 import engine_pb2 as pb  # noqa: E402
from jimbot.v1 import events_pb2 as events  # noqa: E402

from .client import Code, EngineError, FieldViolation, JimbotClient, Subscription, card, plain  # noqa: E402

__all__ = ["JimbotClient", "Subscription", "EngineError", "FieldViolation", "Code", "card", "plain", "pb", "events"]
