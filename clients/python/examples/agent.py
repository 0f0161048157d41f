#!/usr/bin/env python3
"""An example agent loop against the JimBot Engine.

It follows the game's ``game.state.update`` events; for each state where a hand can be played it asks the engine
for the best joker order and the best play, then submits the moves (``select_card:N`` for each card, then
``play_hand``), which the game picks up on its next command poll. Each move carries a client_ref derived from the
state's journal offset, so a restarted agent never queues the same move twice. The engine answers for a game's
latest state, so a replayed state that a later one has replaced is skipped (a finished game has none left to play).

It says what it does, and stops after --max-decisions decisions or --wait seconds without a new state.

    python3 examples/agent.py --target 127.0.0.1:50051 --from-offset 0 --max-decisions 3
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import os
import sys
import time
from typing import Callable, List, Optional

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from jimbot_client import EngineError, JimbotClient  # noqa: E402

# Phases in which the game waits for a hand to be played (JimBot mod and standalone mod words).
PLAYABLE = {"PLAYING", "SELECTING_HAND", "HAND_SELECTION", "DRAW_TO_HAND"}
# How long the stream may be quiet before a replay counts as caught up, with an engine that does not say where the
# journal ended.
QUIET = 1.0


def count(n: int, word: str) -> str:
    """``3 decisions``, ``1 decision``."""
    return f"{n} {word}" + ("" if n == 1 else "s")


@dataclasses.dataclass
class Decision:
    """What the agent did for one state."""

    game_id: str
    state_offset: int
    cards: List[int]
    hand: str
    score: str
    joker_order: List[str]
    command_ids: List[int]
    decide_ms: float


def decide(engine: JimbotClient, event, skipped: Optional[collections.Counter] = None) -> Optional[Decision]:
    """Asks the engine about one state and submits the moves; None when there is nothing to play (``skipped``
    counts why: "no hand to play", or "superseded" when a later state of the game has arrived)."""
    skipped = skipped if skipped is not None else collections.Counter()
    state = event.game_state
    if not state.in_game or len(state.hand) == 0 or state.phase not in PLAYABLE:
        skipped["no hand to play"] += 1
        return None
    game = event.game_id
    started = time.perf_counter()
    best = engine.best_play(game_id=game, top=1)
    if best.offset != event.offset or not best.plays:
        skipped["superseded"] += 1
        return None  # a newer state has arrived: act on that one instead
    order = engine.optimize_joker_order(game_id=game)
    play = best.plays[0]
    ref = f"{game}@{event.offset}"
    ids = [engine.submit(game, "select_card", {"params": [i]}, client_ref=f"{ref}/select/{i}").command_id
           for i in play.cards]
    ids.append(engine.submit(game, "play_hand", client_ref=f"{ref}/play").command_id)
    return Decision(game, event.offset, list(play.cards), play.hand, play.score, list(order.best_jokers), ids,
                    (time.perf_counter() - started) * 1000)


def run(engine: JimbotClient, game_id: str = "", from_offset: Optional[int] = None,
        max_decisions: Optional[int] = None, wait: Optional[float] = 30.0,
        log: Callable[[str], None] = print) -> List[Decision]:
    """The loop: subscribe, decide, submit. Stops after max_decisions (None: no limit) or once no new state has
    come for ``wait`` seconds (None or 0: never).

    A replay (``from_offset``) reads every event up to the journal's end as of the call, so that it knows exactly
    when the replay is over, and acts on the states among them; live, it asks the engine for states only."""
    made: List[Decision] = []
    skipped: collections.Counter = collections.Counter()
    wait = wait or None
    games = f"game {game_id}" if game_id else "every game"
    stops = " or ".join(s for s in (count(max_decisions, "decision") if max_decisions is not None else "",
                                    f"{wait:g} s without a new state" if wait else "") if s)
    stops = f"stopping after {stops}" if stops else "running until interrupted"
    replay = from_offset is not None
    subscription = (engine.subscribe(from_offset=from_offset) if replay
                    else engine.subscribe(pattern="game.state.update", game_id=game_id))
    with subscription as events:
        end = events.journal_end  # None from an engine too old to say: then a quiet second ends the replay
        replaying = replay and (end is None or from_offset < end)
        if replaying:
            log(f"replaying game.state.update of {games} from offset {from_offset} to the journal's end "
                f"(offset {end}), then live; {stops}")
        else:
            log(f"following new game.state.update of {games} from offset {events.offset}; {stops}")
        seen = 0
        last = time.monotonic()

        def done() -> bool:
            return max_decisions is not None and len(made) >= max_decisions

        def replayed() -> None:
            nonlocal replaying, last
            replaying = False
            last = time.monotonic()
            log(f"replayed {count(seen, 'state')} up to offset {end}: {count(len(made), 'decision')}; "
                f"{count(skipped['superseded'], 'playable state')} "
                f"{'was' if skipped['superseded'] == 1 else 'were'} no longer their game's latest, "
                f"{skipped['no hand to play']} had no hand to play")
            if not done():
                log("waiting for live states…")

        if not replaying:
            log("waiting for live states…")
        while not done():
            quiet = None
            if replaying and end is None:
                quiet = QUIET  # an engine that does not say where the journal ended: a quiet stream is its end
            elif wait is not None:
                quiet = max(0.0, last + wait - time.monotonic())
            event = events.poll(timeout=quiet)
            if event is None:
                if replaying and end is None:
                    replayed()
                elif wait is not None and time.monotonic() - last >= wait:
                    if replaying:
                        log(f"the engine sent nothing for {wait:g} s while replaying (at offset {events.offset}); "
                            f"stopping with {count(len(made), 'decision')}")
                        return made
                    log(f"no new state in {wait:g} s; stopping with " + (f"{len(made)} of {count(max_decisions, 'decision')}"
                        if max_decisions is not None else count(len(made), "decision")))
                    return made
                continue
            if replaying and end is not None and event.offset >= end:
                replayed()  # past the journal's end (cannot happen while every event is read; kept for safety)
            if event.topic == "game.state.update" and (not game_id or event.game_id == game_id):
                seen += replaying
                last = time.monotonic()
                try:
                    decision = decide(engine, event, skipped)
                except EngineError as e:
                    decision = None
                    log(f"offset {event.offset}: {e} (field {e.field})" if e.field
                        else f"offset {event.offset}: {e}")
                if decision is not None:
                    made.append(decision)
                    log(f"{decision.game_id} @{decision.state_offset}: play cards {decision.cards} "
                        f"({decision.hand}, scores {decision.score}) with jokers {decision.joker_order}; "
                        f"commands {decision.command_ids}; {decision.decide_ms:.1f} ms")
            if replaying and end is not None and event.offset + 1 >= end:
                replayed()  # that was the journal's last event at the call
    log(f"made {len(made)} of {count(max_decisions, 'decision')}; done")
    return made


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--target", default=os.environ.get("JIMBOT_GRPC", "127.0.0.1:50051"),
                   help="the engine's gRPC address (default: $JIMBOT_GRPC, else 127.0.0.1:50051)")
    p.add_argument("--game", default="", help="only this game (default: every game)")
    p.add_argument("--from-offset", type=int, default=None,
                   help="replay from this journal offset, then follow live states (default: only new states)")
    p.add_argument("--max-decisions", type=int, default=None, help="stop after this many decisions")
    p.add_argument("--wait", type=float, default=30.0,
                   help="stop after this many seconds without a new state (default 30; 0: never)")
    p.add_argument("--token", default=os.environ.get("JIMBOT_GRPC_TOKEN"), help="bearer token, if the engine needs one")
    args = p.parse_args()
    with JimbotClient(args.target, token=args.token) as engine:
        try:
            engine.wait_ready(timeout=10)
            run(engine, args.game, args.from_offset, args.max_decisions, args.wait)
        except EngineError as e:
            print(f"agent: {e}" + ("; start one with ./jimbot serve, or pass --target" if e.code == "UNAVAILABLE"
                                   else ""), file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("agent: interrupted", file=sys.stderr)
            return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
