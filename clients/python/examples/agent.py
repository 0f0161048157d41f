#!/usr/bin/env python3
"""An example agent loop against the JimBot Engine.

It follows the game's ``game.state.update`` events; for each state where a hand can be played it asks the engine
for the best joker order and the best play, then submits the moves (``select_card:N`` for each card, then
``play_hand``), which the game picks up on its next command poll. Each move carries a client_ref derived from the
state's journal offset, so a restarted agent never queues the same move twice.

    python3 examples/agent.py --target 127.0.0.1:50051 --from-offset 0 --max-decisions 1
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from typing import Callable, List, Optional

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from jimbot_client import EngineError, JimbotClient  # noqa: E402

# Phases in which the game waits for a hand to be played (JimBot mod and standalone mod words).
PLAYABLE = {"PLAYING", "SELECTING_HAND", "HAND_SELECTION", "DRAW_TO_HAND"}


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


def decide(engine: JimbotClient, event) -> Optional[Decision]:
    """Asks the engine about one state and submits the moves; None when there is nothing to play."""
    state = event.game_state
    if not state.in_game or len(state.hand) == 0 or state.phase not in PLAYABLE:
        return None
    game = event.game_id
    started = time.perf_counter()
    best = engine.best_play(game_id=game, top=1)
    if best.offset != event.offset or not best.plays:
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
        max_decisions: Optional[int] = None, log: Callable[[str], None] = print) -> List[Decision]:
    """The loop: subscribe, decide, submit; stops after max_decisions (None: never)."""
    made: List[Decision] = []
    for event in engine.subscribe(pattern="game.state.update", game_id=game_id, from_offset=from_offset):
        try:
            decision = decide(engine, event)
        except EngineError as e:
            log(f"offset {event.offset}: {e} (field {e.field})" if e.field else f"offset {event.offset}: {e}")
            continue
        if decision is None:
            continue
        made.append(decision)
        log(f"{decision.game_id} @{decision.state_offset}: play cards {decision.cards} ({decision.hand}, "
            f"scores {decision.score}) with jokers {decision.joker_order}; commands {decision.command_ids}; "
            f"{decision.decide_ms:.1f} ms")
        if max_decisions is not None and len(made) >= max_decisions:
            break
    return made


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--target", default="127.0.0.1:50051", help="the engine's gRPC address")
    p.add_argument("--game", default="", help="only this game (default: every game)")
    p.add_argument("--from-offset", type=int, default=None, help="replay from this journal offset (default: only new states)")
    p.add_argument("--max-decisions", type=int, default=None, help="stop after this many decisions")
    p.add_argument("--token", default=os.environ.get("JIMBOT_GRPC_TOKEN"), help="bearer token, if the engine needs one")
    args = p.parse_args()
    with JimbotClient(args.target, token=args.token) as engine:
        run(engine, args.game, args.from_offset, args.max_decisions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
