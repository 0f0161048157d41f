"""The client: one channel, typed helpers over the generated stubs, and errors that name the field."""
from __future__ import annotations

import dataclasses
import time
from typing import Iterator, List, Mapping, Optional, Sequence

import grpc
from google.protobuf import json_format, struct_pb2
from google.rpc import error_details_pb2, status_pb2
from jimbot.v1 import engine_pb2 as pb
from jimbot.v1 import engine_pb2_grpc as rpc
from jimbot.v1 import events_pb2 as events

# Codes after which a subscription is resumed rather than given up.
_RESUMABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}


@dataclasses.dataclass(frozen=True)
class FieldViolation:
    """One field the engine refused: its path (``play.jokers[0].name``) and why."""

    field: str
    description: str


class EngineError(Exception):
    """A failed call: the gRPC code, the engine's message and, for INVALID_ARGUMENT, the fields at fault."""

    def __init__(self, code: grpc.StatusCode, message: str, violations: Sequence[FieldViolation] = ()):
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message
        self.violations = list(violations)

    @property
    def field(self) -> Optional[str]:
        return self.violations[0].field if self.violations else None

    @staticmethod
    def of(error: grpc.RpcError) -> "EngineError":
        violations: List[FieldViolation] = []
        for key, value in (error.trailing_metadata() or ()):
            if key == "grpc-status-details-bin":
                status = status_pb2.Status.FromString(value)
                for detail in status.details:
                    if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                        bad = error_details_pb2.BadRequest()
                        detail.Unpack(bad)
                        violations += [FieldViolation(v.field, v.description) for v in bad.field_violations]
        return EngineError(error.code(), error.details() or "", violations)


def struct(value: Mapping) -> struct_pb2.Struct:
    """A dict as a google.protobuf.Struct."""
    s = struct_pb2.Struct()
    s.update(dict(value))
    return s


def card(rank: str, suit: str, **extra: str) -> events.Card:
    """A playing card in the game's words: card("King", "Spades", enhancement="glass")."""
    return events.Card(rank=rank, suit=suit, **extra)


class JimbotClient:
    """A connection to one engine. Every call takes an optional timeout in seconds (the gRPC deadline)."""

    def __init__(self, target: str, token: Optional[str] = None, timeout: float = 10.0):
        self.target = target
        self.timeout = timeout
        self._metadata = (("authorization", f"Bearer {token}"),) if token else ()
        self.channel = grpc.insecure_channel(target)
        self.bus = rpc.EventBusStub(self.channel)
        self.commands = rpc.CommandsStub(self.channel)
        self.strategy = rpc.StrategyStub(self.channel)
        self.graph = rpc.GraphStub(self.channel)

    def __enter__(self) -> "JimbotClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.channel.close()

    def _unary(self, method, request, timeout: Optional[float]):
        try:
            return method(request, timeout=timeout or self.timeout, metadata=self._metadata)
        except grpc.RpcError as e:
            raise EngineError.of(e) from None

    # -- events ------------------------------------------------------------------------------------------------

    def publish(self, event: Mapping, instance: str = "") -> pb.PublishReply:
        """Publishes one event as the JimBot mod writes it; returns once it is durable."""
        return self._unary(self.bus.Publish, pb.PublishRequest(event=struct(event), instance=instance), None)

    def subscribe(self, pattern: str = "", game_id: str = "", from_offset: Optional[int] = None,
                  resume: bool = True, retry_seconds: float = 0.5) -> Iterator[events.Event]:
        """Events from ``from_offset`` (None: only new ones), then live. With ``resume``, a dropped connection is
        re-established from the last offset seen plus one, so nothing is lost or repeated."""
        next_offset = from_offset
        while True:
            request = pb.SubscribeRequest(pattern=pattern, game_id=game_id)
            if next_offset is not None:
                request.from_offset = next_offset
            stream = self.bus.Subscribe(request, metadata=self._metadata)
            try:
                for event in stream:
                    next_offset = event.offset + 1
                    yield event
                return
            except grpc.RpcError as e:
                if not resume or e.code() not in _RESUMABLE:
                    raise EngineError.of(e) from None
                time.sleep(retry_seconds)
            finally:
                stream.cancel()

    def history(self, game_id: str, from_offset: int = 0, limit: int = 0) -> List[events.Event]:
        """A game's events so far."""
        try:
            return list(self.bus.GetGameHistory(pb.GameHistoryRequest(game_id=game_id, from_offset=from_offset,
                                                                      limit=limit),
                                                timeout=self.timeout, metadata=self._metadata))
        except grpc.RpcError as e:
            raise EngineError.of(e) from None

    # -- commands ----------------------------------------------------------------------------------------------

    def submit(self, game_id: str, command: str, payload: Optional[Mapping] = None,
               client_ref: str = "") -> pb.SubmitCommandReply:
        """Queues a command for the game's poll; the same client_ref queues once."""
        return self._unary(self.commands.SubmitCommand, pb.SubmitCommandRequest(
            game_id=game_id, type=command, payload=struct(payload or {}), client_ref=client_ref), None)

    def watch_commands(self, game_id: str = "", from_offset: Optional[int] = None,
                       timeout: Optional[float] = None) -> Iterator[pb.CommandUpdate]:
        """Each command's queued and delivered records, as the journal has them."""
        request = pb.WatchCommandsRequest(game_id=game_id)
        if from_offset is not None:
            request.from_offset = from_offset
        try:
            yield from self.commands.WatchCommands(request, timeout=timeout, metadata=self._metadata)
        except grpc.RpcError as e:
            raise EngineError.of(e) from None

    # -- strategy ----------------------------------------------------------------------------------------------

    def score_hand(self, play: pb.Play, steps: bool = False, timeout: Optional[float] = None) -> pb.ScoreHandReply:
        return self._unary(self.strategy.ScoreHand, pb.ScoreHandRequest(play=play, steps=steps), timeout)

    def optimize_joker_order(self, play: Optional[pb.Play] = None, game_id: str = "",
                             timeout: Optional[float] = None) -> pb.JokerOrderReply:
        """The best joker order for a play, or for the best play of a game's latest hand."""
        request = pb.JokerOrderRequest(play=play) if play is not None else pb.JokerOrderRequest(game_id=game_id)
        return self._unary(self.strategy.OptimizeJokerOrder, request, timeout)

    def best_play(self, play: Optional[pb.Play] = None, game_id: str = "", top: int = 3,
                  timeout: Optional[float] = None) -> pb.BestPlayReply:
        """The best plays (card indexes into the hand) for a hand, or for a game's latest hand."""
        request = (pb.BestPlayRequest(play=play, top=top) if play is not None
                   else pb.BestPlayRequest(game_id=game_id, top=top))
        return self._unary(self.strategy.BestPlay, request, timeout)

    def synergies(self, jokers: Sequence[str] = (), top: int = 20, metric: str = "won", min_runs: int = 0,
                  timeout: Optional[float] = None) -> List[pb.JokerSynergy]:
        """Joker pairs by uplift (every pair, or the named jokers' partners); metric "won", "ante" or "score"."""
        request = pb.SynergiesRequest(jokers=list(jokers), top=top, metric=metric, min_runs=min_runs)
        return list(self._unary(self.strategy.GetSynergies, request, timeout).synergies)

    def patterns(self, outcome: str = "won", min_support: float = 0.0, max_size: int = 0, top: int = 20,
                 timeout: Optional[float] = None) -> List[pb.GamePattern]:
        """Frequent joker sets of won, lost or all finished runs (0: the engine's defaults, 5 % and 4 jokers)."""
        request = pb.PatternsRequest(outcome=outcome, min_support=min_support, max_size=max_size, top=top)
        return list(self._unary(self.strategy.GetPatterns, request, timeout).patterns)

    # -- graph -------------------------------------------------------------------------------------------------

    def procedures(self) -> List[pb.ProcedureDescriptor]:
        return list(self._unary(self.graph.ListProcedures, pb.ListProceduresRequest(), None).procedures)

    def call(self, name: str, mode: str = "stream", **params) -> List[dict]:
        """Calls a procedure; rows as dicts."""
        reply = self._unary(self.graph.CallProcedure,
                            pb.CallProcedureRequest(name=name, mode=mode, params=struct(params)), None)
        return [json_format.MessageToDict(r) for r in reply.rows]

    def query(self, cypher: str, max_rows: int = 0, timeout: Optional[float] = None, **params) -> List[dict]:
        """A read-only Cypher query; rows as dicts."""
        rows: List[dict] = []
        try:
            for item in self.graph.Query(pb.QueryRequest(query=cypher, params=struct(params), max_rows=max_rows),
                                         timeout=timeout or self.timeout, metadata=self._metadata):
                if item.HasField("row"):
                    rows.append(json_format.MessageToDict(item.row))
        except grpc.RpcError as e:
            raise EngineError.of(e) from None
        return rows
