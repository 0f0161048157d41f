"""The client: one channel, typed helpers over the generated stubs, and errors that name the field."""
from __future__ import annotations

import dataclasses
import math
import numbers
import queue
import re
import threading
import time
import weakref
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Union

import grpc
from google.protobuf import json_format, struct_pb2
from google.protobuf.message import Message
from google.rpc import error_details_pb2, status_pb2
from jimbot.v1 import engine_pb2 as pb
from jimbot.v1 import engine_pb2_grpc as rpc
from jimbot.v1 import events_pb2 as events

# Codes after which a subscription is resumed rather than given up.
_RESUMABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}
# Subscribe's response headers: where the stream starts, and the journal's end when the call arrived.
FROM_OFFSET_HEADER = "jimbot-from-offset"
JOURNAL_END_HEADER = "jimbot-journal-end"
# A Struct carries numbers as doubles: integers are exact up to 2^53.
_EXACT = 2 ** 53
_DIGITS = re.compile(r"-?[0-9]+")


class Code(str):
    """A gRPC status code by its name (``"INVALID_ARGUMENT"``); it also equals the ``grpc.StatusCode`` of that name."""

    def __new__(cls, code: Union[grpc.StatusCode, str]) -> "Code":
        return super().__new__(cls, code.name if isinstance(code, grpc.StatusCode) else str(code))

    @property
    def status_code(self) -> grpc.StatusCode:
        return grpc.StatusCode[str(self)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, grpc.StatusCode):
            return str.__eq__(self, other.name)
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__


@dataclasses.dataclass(frozen=True)
class FieldViolation:
    """One field the engine refused: its path (``play.jokers[0].name``) and why."""

    field: str
    description: str


class EngineError(Exception):
    """A failed call: the status code (``e.code``, e.g. ``INVALID_ARGUMENT``), the engine's message and, for
    INVALID_ARGUMENT, the fields at fault (``e.field`` is the first). Arguments the client cannot even send (a wrong
    type, an unknown field) are refused the same way, before any call."""

    def __init__(self, code: Union[grpc.StatusCode, str], message: str, violations: Sequence[FieldViolation] = ()):
        self.code = Code(code)
        self.message = message
        self.violations = list(violations)
        super().__init__(f"{self.code}: {message}")

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

    @staticmethod
    def invalid(field: str, description: str) -> "EngineError":
        """An argument refused by the client itself, as the engine would refuse it."""
        return EngineError(grpc.StatusCode.INVALID_ARGUMENT, description, [FieldViolation(field, description)])


# -- Python values to and from google.protobuf.Struct ------------------------------------------------------------

def _to_value(v: Any, path: str) -> struct_pb2.Value:
    out = struct_pb2.Value()
    if v is None:
        out.null_value = struct_pb2.NULL_VALUE
    elif isinstance(v, bool):
        out.bool_value = v
    elif isinstance(v, numbers.Integral):
        if abs(int(v)) > _EXACT:
            raise EngineError.invalid(path, f"{path}: {v} is past 2^53, which a protobuf Struct (doubles only) "
                                            f"cannot carry exactly")
        out.number_value = int(v)
    elif isinstance(v, numbers.Real):
        if not math.isfinite(float(v)):
            raise EngineError.invalid(path, f"{path}: {v} is not a finite number")
        out.number_value = float(v)
    elif isinstance(v, str):
        out.string_value = v
    elif isinstance(v, Message):
        out.CopyFrom(_to_value(json_format.MessageToDict(v, preserving_proto_field_name=True), path))
    elif isinstance(v, Mapping):
        out.struct_value.CopyFrom(struct(v, path))
    elif isinstance(v, (list, tuple)):
        for i, x in enumerate(v):
            out.list_value.values.add().CopyFrom(_to_value(x, f"{path}[{i}]"))
    else:
        raise EngineError.invalid(path, f"{path}: a {type(v).__name__} cannot be sent; expected a number, string, "
                                        f"boolean, None, list or dict")
    return out


def struct(value: Optional[Mapping], field: str = "params") -> struct_pb2.Struct:
    """A dict as a google.protobuf.Struct; what cannot be sent is an EngineError naming ``field`` and the key."""
    s = struct_pb2.Struct()
    if value is None:
        return s
    if not isinstance(value, Mapping):
        raise EngineError.invalid(field, f"{field}: expected a dict, got a {type(value).__name__}")
    for k, v in value.items():
        if not isinstance(k, str):
            raise EngineError.invalid(field, f"{field}: key {k!r} is not a string")
        s.fields[k].CopyFrom(_to_value(v, f"{field}.{k}"))
    return s


def plain(value: struct_pb2.Value, kind: str = "") -> Any:
    """A Struct value as Python. ``kind`` is the engine's declared type where it declares one: "integer" gives an int
    (also from the decimal text used past 2^53), "float" a float. Undeclared numbers follow the engine's own rule for
    Structs: a whole number is an int."""
    which = value.WhichOneof("kind")
    if which is None or which == "null_value":
        return None
    if which == "bool_value":
        return value.bool_value
    if which == "string_value":
        text = value.string_value
        return int(text) if kind == "integer" and _DIGITS.fullmatch(text) else text
    if which == "number_value":
        n = value.number_value
        if kind == "float":
            return n
        if kind == "integer" or (n.is_integer() and abs(n) <= _EXACT):
            return int(n)
        return n
    if which == "struct_value":
        return row(value.struct_value)
    return [plain(v) for v in value.list_value.values]


def row(s: struct_pb2.Struct, columns: Sequence[str] = (), kinds: Mapping[str, str] = {}) -> Dict[str, Any]:
    """A Struct as a dict: the named columns first, in order, then any other keys sorted."""
    names = [c for c in columns if c in s.fields] + sorted(k for k in s.fields if k not in columns)
    return {k: plain(s.fields[k], kinds.get(k, "")) for k in names}


def _request(cls, **fields):
    """A request message; a value of the wrong type is an EngineError naming its field."""
    try:
        return cls(**fields)
    except (TypeError, ValueError) as e:
        for name, value in fields.items():
            try:
                cls(**{name: value})
            except (TypeError, ValueError) as one:
                raise EngineError.invalid(name, f"{name}: {one}") from None
        raise EngineError.invalid(cls.DESCRIPTOR.name, str(e)) from None


def card(rank: str, suit: str, **extra: str) -> events.Card:
    """A playing card in the game's words: card("King", "Spades", enhancement="glass")."""
    return _request(events.Card, rank=rank, suit=suit, **extra)


def _play(value: Union[pb.Play, Mapping], field: str = "play") -> pb.Play:
    """A pb.Play, or a dict in the HTTP body's words (jokers may be names) read into one."""
    if isinstance(value, pb.Play):
        return value
    if not isinstance(value, Mapping):
        raise EngineError.invalid(field, f"{field}: expected a pb.Play or a dict, got a {type(value).__name__}")
    known = pb.Play.DESCRIPTOR.fields_by_name
    d: Dict[str, Any] = {}
    for k, v in value.items():
        if k not in known:
            raise EngineError.invalid(f"{field}.{k}", f"{field}.{k}: no such field; expected one of "
                                                      f"{', '.join(sorted(known))}")
        if isinstance(v, (list, tuple)):
            v = [json_format.MessageToDict(x, preserving_proto_field_name=True) if isinstance(x, Message)
                 else {"name": x} if k == "jokers" and isinstance(x, str) else x for x in v]
        try:
            json_format.ParseDict({k: v}, pb.Play())
        except (json_format.ParseError, TypeError, ValueError) as e:
            raise EngineError.invalid(f"{field}.{k}", f"{field}.{k}: {e}") from None
        d[k] = v
    return json_format.ParseDict(d, pb.Play())


# -- subscriptions ------------------------------------------------------------------------------------------------

class _Shared:
    """What a subscription shares with its reader threads (which hold no reference to the subscription itself, so
    an abandoned subscription is collected and closed)."""

    def __init__(self, next_offset: Optional[int]):
        self.lock = threading.Lock()
        self.queue: "queue.Queue" = queue.Queue(maxsize=64)
        self.generation = 0
        self.closed = False
        self.next = next_offset
        self.journal_end: Optional[int] = None
        self.stream = None

    def current(self, generation: int) -> bool:
        with self.lock:
            return not self.closed and self.generation == generation

    def put(self, generation: int, item) -> bool:
        while self.current(generation):
            try:
                self.queue.put((generation, item), timeout=0.25)
                return True
            except queue.Full:
                continue
        return False


def _read(shared: _Shared, stream, generation: int, started: threading.Event) -> None:
    try:
        headers = dict(stream.initial_metadata() or ())
        with shared.lock:
            if JOURNAL_END_HEADER in headers and shared.journal_end is None:
                shared.journal_end = int(headers[JOURNAL_END_HEADER])
            if FROM_OFFSET_HEADER in headers and shared.next is None:
                shared.next = int(headers[FROM_OFFSET_HEADER])  # pinned: a reconnect resumes from here
        started.set()
        for event in stream:
            if not shared.put(generation, ("event", event)):
                return
        shared.put(generation, ("end", None))
    except grpc.RpcError as e:
        started.set()
        shared.put(generation, ("error", e))


class Subscription:
    """The events of one ``subscribe()`` call, in journal order. Iterate over it (``for event in subscription``),
    or ``poll(timeout)`` for the next event with a bounded wait. ``close()`` (or a ``with`` block) ends it.

    The call is made at once: without a ``from_offset`` the engine pins the journal's end when the call arrives
    (``offset`` says where), so what is posted after ``subscribe()`` returns is delivered even if the connection
    drops before the first event. After a disconnect it resubscribes from the last offset delivered plus one."""

    def __init__(self, client: "JimbotClient", pattern: str, game_id: str, from_offset: Optional[int],
                 resume: bool, retry_seconds: float, wait: float):
        self._request = _request(pb.SubscribeRequest, pattern=pattern, game_id=game_id)
        if from_offset is not None:
            _request(pb.SubscribeRequest, from_offset=from_offset)
        self._client = client
        self._resume = resume
        self._retry = retry_seconds
        self._reopen_at: Optional[float] = None
        self._shared = _Shared(from_offset)
        self._finalizer = weakref.finalize(self, Subscription._cancel, self._shared)
        client._subscriptions.add(self)
        started = self._open()
        started.wait(wait)  # the engine answers at once; a slower answer is pinned when it comes
        stream = self._shared.stream
        if stream.done() and stream.code() != grpc.StatusCode.OK and not (resume and stream.code() in _RESUMABLE):
            self.close()
            raise EngineError.of(stream)  # refused (a bad pattern, a missing token): now, not at the first event

    def _open(self) -> threading.Event:
        started = threading.Event()
        with self._shared.lock:
            if self._shared.closed:
                started.set()
                return started
            self._shared.generation += 1
            generation = self._shared.generation
            request = pb.SubscribeRequest()
            request.CopyFrom(self._request)
            if self._shared.next is not None:
                request.from_offset = self._shared.next
            stream = self._client.bus.Subscribe(request, metadata=self._client._metadata)
            self._shared.stream = stream
        threading.Thread(target=_read, args=(self._shared, stream, generation, started), daemon=True,
                         name=f"jimbot-subscribe-{generation}").start()
        return started

    @property
    def offset(self) -> Optional[int]:
        """The next offset this subscription delivers from (None until the engine has said where it starts)."""
        return self._shared.next

    @property
    def journal_end(self) -> Optional[int]:
        """The journal's end when the engine first answered: offsets below it were in the journal at the call."""
        return self._shared.journal_end

    @property
    def closed(self) -> bool:
        return self._shared.closed

    def poll(self, timeout: Optional[float] = None) -> Optional[events.Event]:
        """The next event; None when none came within ``timeout`` seconds (None: wait as long as it takes) or the
        subscription is closed. A refusal the subscription cannot resume from is an EngineError."""
        deadline = None if timeout is None else time.monotonic() + timeout
        shared = self._shared
        while not shared.closed:
            now = time.monotonic()
            if self._reopen_at is not None and now >= self._reopen_at:
                self._reopen_at = None
                self._open()
                continue
            wake = min(t for t in (deadline, self._reopen_at, now + 0.5) if t is not None)
            try:
                generation, (kind, value) = shared.queue.get(timeout=max(0.0, wake - now))
            except queue.Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    return None
                continue
            if not shared.current(generation):
                continue  # from a stream that was replaced or closed
            if kind == "event":
                with shared.lock:
                    shared.next = value.offset + 1
                return value
            if kind == "end":
                self.close()
                return None
            if self._resume and value.code() in _RESUMABLE:
                self._reopen_at = time.monotonic() + self._retry
                continue
            self.close()
            raise EngineError.of(value)
        return None

    def __iter__(self) -> "Subscription":
        return self

    def __next__(self) -> events.Event:
        event = self.poll()
        if event is None:
            raise StopIteration
        return event

    @staticmethod
    def _cancel(shared: _Shared) -> None:
        with shared.lock:
            shared.closed = True
            shared.generation += 1
            stream = shared.stream
        if stream is not None:
            stream.cancel()

    def close(self) -> None:
        """Ends the subscription (cancels its call)."""
        self._finalizer()
        self._client._subscriptions.discard(self)

    def __enter__(self) -> "Subscription":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class JimbotClient:
    """A connection to one engine. Every unary call takes an optional timeout in seconds (the gRPC deadline; default
    the client's ``timeout``)."""

    def __init__(self, target: str, token: Optional[str] = None, timeout: float = 10.0):
        self.target = target
        self.timeout = timeout
        self._metadata = (("authorization", f"Bearer {token}"),) if token else ()
        self.channel = grpc.insecure_channel(target)
        self.bus = rpc.EventBusStub(self.channel)
        self.commands = rpc.CommandsStub(self.channel)
        self.strategy = rpc.StrategyStub(self.channel)
        self.graph = rpc.GraphStub(self.channel)
        self._subscriptions: "weakref.WeakSet[Subscription]" = weakref.WeakSet()
        self._columns: Dict[str, pb.ProcedureDescriptor] = {}

    def __enter__(self) -> "JimbotClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for s in list(self._subscriptions):
            s.close()
        self.channel.close()

    def wait_ready(self, timeout: Optional[float] = None) -> None:
        """Waits until the engine accepts the connection; an EngineError (UNAVAILABLE) after ``timeout`` seconds."""
        wait = self.timeout if timeout is None else timeout
        try:
            grpc.channel_ready_future(self.channel).result(timeout=wait)
        except grpc.FutureTimeoutError:
            raise EngineError(grpc.StatusCode.UNAVAILABLE,
                              f"no engine answers at {self.target} (waited {wait:g} s)") from None

    def _unary(self, method, request, timeout: Optional[float]):
        try:
            return method(request, timeout=timeout or self.timeout, metadata=self._metadata)
        except grpc.RpcError as e:
            raise EngineError.of(e) from None

    # -- events ------------------------------------------------------------------------------------------------

    def publish(self, event: Mapping, instance: str = "", timeout: Optional[float] = None) -> pb.PublishReply:
        """Publishes one event as the JimBot mod writes it; returns once it is durable."""
        return self._unary(self.bus.Publish, _request(pb.PublishRequest, event=struct(event, "event"),
                                                      instance=instance), timeout)

    def subscribe(self, pattern: str = "", game_id: str = "", from_offset: Optional[int] = None,
                  resume: bool = True, retry_seconds: float = 0.5) -> Subscription:
        """Events whose topic matches ``pattern`` (and of ``game_id``), from ``from_offset`` (None: from the journal's
        end when the engine gets the call), then live. The call is made here, before the first event is asked for.
        With ``resume``, a dropped connection is re-established from the last offset delivered plus one (or from the
        pinned start when nothing was delivered yet), so nothing is lost or repeated."""
        return Subscription(self, pattern, game_id, from_offset, resume, retry_seconds, self.timeout)

    def history(self, game_id: str, from_offset: int = 0, limit: int = 0,
                timeout: Optional[float] = None) -> List[events.Event]:
        """A game's events so far (at most ``limit``; 0: all)."""
        request = _request(pb.GameHistoryRequest, game_id=game_id, from_offset=from_offset, limit=limit)
        try:
            return list(self.bus.GetGameHistory(request, timeout=timeout or self.timeout, metadata=self._metadata))
        except grpc.RpcError as e:
            raise EngineError.of(e) from None

    # -- commands ----------------------------------------------------------------------------------------------

    def submit(self, game_id: str, command: str, payload: Optional[Mapping] = None, client_ref: str = "",
               timeout: Optional[float] = None) -> pb.SubmitCommandReply:
        """Queues a command for the game's poll; the same client_ref queues once."""
        return self._unary(self.commands.SubmitCommand, _request(
            pb.SubmitCommandRequest, game_id=game_id, type=command, payload=struct(payload, "payload"),
            client_ref=client_ref), timeout)

    def watch_commands(self, game_id: str = "", from_offset: Optional[int] = None,
                       timeout: Optional[float] = None) -> Iterator[pb.CommandUpdate]:
        """Each command's queued and delivered records, as the journal has them (``timeout``: the whole stream's
        deadline; None: none)."""
        request = _request(pb.WatchCommandsRequest, game_id=game_id)
        if from_offset is not None:
            request.MergeFrom(_request(pb.WatchCommandsRequest, from_offset=from_offset))
        try:
            yield from self.commands.WatchCommands(request, timeout=timeout, metadata=self._metadata)
        except grpc.RpcError as e:
            raise EngineError.of(e) from None

    # -- strategy ----------------------------------------------------------------------------------------------

    def score_hand(self, play: Union[pb.Play, Mapping], steps: bool = False,
                   timeout: Optional[float] = None) -> pb.ScoreHandReply:
        """The exact score of a play (a pb.Play, or a dict as the HTTP body: jokers may be names)."""
        return self._unary(self.strategy.ScoreHand, _request(pb.ScoreHandRequest, play=_play(play), steps=steps),
                           timeout)

    def optimize_joker_order(self, play: Optional[Union[pb.Play, Mapping]] = None, game_id: str = "",
                             timeout: Optional[float] = None) -> pb.JokerOrderReply:
        """The best joker order for a play, or for the best play of a game's latest hand."""
        request = (_request(pb.JokerOrderRequest, play=_play(play)) if play is not None
                   else _request(pb.JokerOrderRequest, game_id=game_id))
        return self._unary(self.strategy.OptimizeJokerOrder, request, timeout)

    def best_play(self, play: Optional[Union[pb.Play, Mapping]] = None, game_id: str = "", top: int = 3,
                  timeout: Optional[float] = None) -> pb.BestPlayReply:
        """The best plays (card indexes into the hand) for a hand (``play.held``), or for a game's latest hand."""
        request = (_request(pb.BestPlayRequest, play=_play(play), top=top) if play is not None
                   else _request(pb.BestPlayRequest, game_id=game_id, top=top))
        return self._unary(self.strategy.BestPlay, request, timeout)

    def synergies(self, jokers: Union[str, Sequence[str]] = (), top: int = 20, metric: str = "won",
                  min_runs: int = 0, timeout: Optional[float] = None) -> List[pb.JokerSynergy]:
        """Joker pairs by uplift (every pair, or the named jokers' partners); metric "won", "ante" or "score"."""
        names = [jokers] if isinstance(jokers, str) else list(jokers)
        request = _request(pb.SynergiesRequest, jokers=names, top=top, metric=metric, min_runs=min_runs)
        return list(self._unary(self.strategy.GetSynergies, request, timeout).synergies)

    def patterns(self, outcome: str = "won", min_support: float = 0.0, max_size: int = 0, top: int = 20,
                 timeout: Optional[float] = None) -> List[pb.GamePattern]:
        """Frequent joker sets of won, lost or all finished runs (0: the engine's defaults, 5 % and 4 jokers)."""
        request = _request(pb.PatternsRequest, outcome=outcome, min_support=min_support, max_size=max_size, top=top)
        return list(self._unary(self.strategy.GetPatterns, request, timeout).patterns)

    def recommend_shop(self, game_id: str, timeout: Optional[float] = None) -> List[pb.ShopAdvice]:
        """The shop jokers of a game's latest state, best buy first."""
        return list(self._unary(self.strategy.RecommendShop, _request(pb.ShopRequest, game_id=game_id),
                                timeout).items)

    # -- graph -------------------------------------------------------------------------------------------------

    def procedures(self, timeout: Optional[float] = None) -> List[pb.ProcedureDescriptor]:
        """Every procedure's descriptor: parameters (types, defaults, ranges), columns, modes."""
        found = list(self._unary(self.graph.ListProcedures, pb.ListProceduresRequest(), timeout).procedures)
        self._columns = {p.name: p for p in found}
        return found

    def call(self, name: str, params: Optional[Mapping] = None, mode: str = "stream",
             timeout: Optional[float] = None, **kwargs) -> List[Dict[str, Any]]:
        """Calls a procedure with ``params`` (a dict) and/or keyword parameters; rows as dicts, columns in the
        procedure's order, numbers as its columns declare them (integer columns as int)."""
        if isinstance(params, str):
            raise EngineError.invalid("params", f"params: expected a dict of parameters, got the string {params!r} "
                                                f"(pass the mode as mode=...)")
        merged = dict(_params(params))
        merged.update(kwargs)
        request = _request(pb.CallProcedureRequest, name=name, mode=mode)
        request.params.CopyFrom(struct(merged, "params"))
        reply = self._unary(self.graph.CallProcedure, request, timeout)
        if name not in self._columns:
            try:
                self.procedures(timeout)
            except EngineError:
                pass  # the rows still come back, with undeclared numbers
        descriptor = self._columns.get(name)
        columns = [c.name for c in descriptor.columns] if descriptor else []
        kinds = {c.name: c.type for c in descriptor.columns} if descriptor else {}
        return [row(r, columns, kinds) for r in reply.rows]

    def query(self, cypher: str, params: Optional[Mapping] = None, max_rows: int = 0,
              timeout: Optional[float] = None, **kwargs) -> List[Dict[str, Any]]:
        """A read-only Cypher query with ``params`` (a dict) and/or keyword parameters; rows as dicts in the query's
        column order. A Struct has only doubles and Cypher declares no types, so whole numbers come back as int."""
        merged = dict(_params(params))
        merged.update(kwargs)
        request = _request(pb.QueryRequest, query=cypher, max_rows=max_rows)
        request.params.CopyFrom(struct(merged, "params"))
        rows: List[Dict[str, Any]] = []
        columns: List[str] = []
        try:
            for item in self.graph.Query(request, timeout=timeout or self.timeout, metadata=self._metadata):
                if item.HasField("columns"):
                    columns = list(item.columns.names)
                elif item.HasField("row"):
                    rows.append(row(item.row, columns))
        except grpc.RpcError as e:
            raise EngineError.of(e) from None
        return rows


def _params(params: Optional[Mapping]) -> Mapping:
    """``params`` checked to be a dict (or None)."""
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise EngineError.invalid("params", f"params: expected a dict, got a {type(params).__name__}")
    return params
