"""The Python client against a real engine: the example agent end to end, resume, errors, Cypher.

Needs JIMBOT_HTTP (http://127.0.0.1:PORT) and JIMBOT_GRPC (127.0.0.1:PORT) of a running engine; the Java test
PythonClientIT starts one and runs this file with Debian's /usr/bin/python3.
"""
import json
import os
import socket
import sys
import threading
import time
import unittest
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples"))

import grpc  # noqa: E402

import agent  # noqa: E402
from jimbot_client import EngineError, JimbotClient, events, pb  # noqa: E402
from jimbot_client.client import card  # noqa: E402

HTTP = os.environ.get("JIMBOT_HTTP", "http://127.0.0.1:8080")
GRPC = os.environ.get("JIMBOT_GRPC", "127.0.0.1:50051")


def http(method, path, body=None, instance=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(HTTP + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if instance:
        req.add_header("X-Jimbot-Instance", instance)
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, r.read().decode()


def game_state(event_id):
    return {"type": "GAME_STATE", "source": "BalatroMCP", "event_id": event_id, "timestamp": 183245.802, "version": 1,
            "payload": {"in_game": True, "game_id": "unknown", "ante": 1, "round": 1, "hand_number": 0,
                        "money": 4, "hand_size": 8, "hands_remaining": 4, "discards_remaining": 3,
                        "game_state": "PLAYING",
                        "jokers": [{"id": "j1", "name": "Cavendish", "position": 0},
                                   {"id": "j2", "name": "Joker", "position": 1}],
                        "hand": [{"rank": "King", "suit": "Spades"}, {"rank": "King", "suit": "Hearts"},
                                 {"rank": "7", "suit": "Clubs"}, {"rank": "3", "suit": "Diamonds"},
                                 {"rank": "9", "suit": "Spades"}]}}


def find(event_id):
    """The journal's record of an event we posted: its game and offset."""
    _, body = http("GET", "/api/v1/events?from=0&limit=10000")
    for line in body.splitlines():
        e = json.loads(line)
        if e.get("event_id") == event_id:
            return e["game_id"], e["offset"]
    raise AssertionError(f"event {event_id} is not in the journal")


class Proxy:
    """A TCP proxy in front of the engine's gRPC port that can drop every connection (as a network failure or an
    engine restart would) and hold new ones until it is resumed."""

    def __init__(self, target):
        host, port = target.rsplit(":", 1)
        self.upstream = (host, int(port))
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.address = f"127.0.0.1:{self.listener.getsockname()[1]}"
        self.accepted = 0
        self._open = threading.Event()
        self._open.set()
        self._sockets = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                self.accepted += 1
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        self._open.wait()  # held while the proxy is paused
        upstream = socket.create_connection(self.upstream)
        with self._lock:
            self._sockets += [client, upstream]
        for src, dst in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    @staticmethod
    def _pump(src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def drop(self):
        """Cuts every connection and holds new ones until resume()."""
        self._open.clear()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for s in sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def resume(self):
        self._open.set()

    def close(self):
        self.listener.close()
        self.drop()
        self._open.set()


class EngineTest(unittest.TestCase):

    def setUp(self):
        self.engine = JimbotClient(GRPC)

    def tearDown(self):
        self.engine.close()

    def test_example_agent_plays_the_best_hand_and_the_game_receives_it(self):
        instance = "agent-" + uuid.uuid4().hex[:8]
        state_id = str(uuid.uuid4())
        status, _ = http("POST", "/api/v1/events/batch", {"batch_id": state_id, "events": [game_state(state_id)]},
                         instance)
        self.assertEqual(200, status)
        game, offset = find(state_id)
        self.assertTrue(game)
        self.assertEqual("", http("GET", "/api/v1/commands/poll", instance=instance)[1])  # the mod's first poll

        decisions = agent.run(self.engine, game_id=game, from_offset=offset, max_decisions=1)
        self.assertEqual(1, len(decisions))
        d = decisions[0]
        self.assertEqual("Pair", d.hand)
        self.assertIn(0, d.cards)
        self.assertIn(1, d.cards)
        self.assertEqual(["Joker", "Cavendish"], d.joker_order)  # +4 mult before ×3
        self.assertEqual(len(d.cards) + 1, len(d.command_ids))

        # the game's poll gets the moves, in order
        _, lines = http("GET", "/api/v1/commands/poll", instance=instance)
        self.assertEqual([f"select_card:{i}" for i in d.cards] + ["play_hand"], lines.strip().splitlines())

        # and the engine reports each as delivered
        delivered = set()
        for update in self.engine.watch_commands(game_id=game, from_offset=offset, timeout=10):
            if update.record.stage == events.CommandRecord.STAGE_DELIVERED:
                delivered.add(update.record.command.sequence)
            if delivered >= set(d.command_ids):
                break
        self.assertEqual(set(d.command_ids), delivered)

        # a restarted agent does not queue the same moves twice
        again = agent.decide(self.engine, next(self.engine.subscribe(
            pattern="game.state.update", game_id=game, from_offset=offset)))
        self.assertEqual(d.command_ids, again.command_ids)

    def test_subscribe_resumes_after_a_disconnect_without_loss_or_duplicates(self):
        instance = "resume-" + uuid.uuid4().hex[:8]

        def money(i):
            return {"type": "MONEY_CHANGED", "source": "BalatroMCP", "event_id": f"{instance}-{i}",
                    "timestamp": 1.0 + i, "payload": {"old_value": i, "new_value": i + 1, "difference": 1}}

        offsets = [self.engine.publish(money(i), instance=instance).offset for i in range(20)]
        self.assertTrue(self.engine.publish(money(0), instance=instance).duplicate)
        seen = []
        first = self.engine.subscribe(pattern="game.money.changed", from_offset=offsets[0])
        for event in first:
            if event.event_id.startswith(instance):
                seen.append(event.offset)
            if len(seen) == 7:
                break
        first.close()  # disconnect
        offsets += [self.engine.publish(money(i), instance=instance).offset for i in range(20, 35)]
        for event in self.engine.subscribe(pattern="game.money.changed", from_offset=seen[-1] + 1):
            if event.event_id.startswith(instance):
                seen.append(event.offset)
            if len(seen) == len(offsets):
                break
        self.assertEqual(offsets, seen)

    def test_subscribe_from_now_loses_nothing_when_the_connection_drops_before_the_first_event(self):
        instance = "gap-" + uuid.uuid4().hex[:8]

        def money(i):
            return {"type": "MONEY_CHANGED", "source": "BalatroMCP", "event_id": f"{instance}-{i}",
                    "timestamp": 1.0 + i, "payload": {"old_value": i, "new_value": i + 1, "difference": 1}}

        proxy = Proxy(GRPC)
        through_proxy = JimbotClient(proxy.address)
        got = []
        try:
            subscription = through_proxy.subscribe(pattern="game.money.changed", retry_seconds=0.2)  # from now
            # posted after the call, before anything was read: the subscription starts where the journal ended
            posted = [self.engine.publish(money(0), instance=instance).event_id]

            def follow():
                for event in subscription:
                    if event.event_id.startswith(instance):
                        got.append(event.event_id)
                    if len(got) == 16:
                        return

            reader = threading.Thread(target=follow, daemon=True)
            reader.start()
            time.sleep(1.0)  # the stream is open; nothing of ours has arrived yet: posted[0] may be on its way
            proxy.drop()  # the connection breaks; the client notices and reconnects (held by the proxy)
            posted += [self.engine.publish(money(i), instance=instance).event_id for i in range(1, 11)]
            time.sleep(1.0)
            proxy.resume()
            posted += [self.engine.publish(money(i), instance=instance).event_id for i in range(11, 16)]
            reader.join(20)
            self.assertGreaterEqual(proxy.accepted, 2, "the client reconnected")
            self.assertEqual(posted, got)
        finally:
            through_proxy.close()
            proxy.close()

    def test_a_mistake_names_the_field(self):
        play = pb.Play(played=[card("King", "Spades"), card("King", "Hearts")],
                       jokers=[pb.PlayJoker(name="Not A Joker")])
        with self.assertRaises(EngineError) as caught:
            self.engine.score_hand(play)
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, caught.exception.code)
        self.assertEqual("play.jokers[0].name", caught.exception.field)

    def test_scores_and_orders_a_described_play(self):
        play = pb.Play(played=[card("King", "Spades"), card("King", "Hearts")],
                       jokers=[pb.PlayJoker(name="Cavendish"), pb.PlayJoker(name="Joker")])
        self.assertEqual("300", self.engine.score_hand(play).score)
        order = self.engine.optimize_joker_order(play)
        self.assertEqual(["Joker", "Cavendish"], list(order.best_jokers))
        self.assertEqual("540", order.best_score)

    def test_shop_advice_needs_a_game(self):
        with self.assertRaises(EngineError) as caught:
            self.engine._unary(self.engine.strategy.RecommendShop, pb.ShopRequest(), None)
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, caught.exception.code)
        self.assertEqual("game_id", caught.exception.field)

    def test_patterns_answer_from_the_pattern_module(self):
        reply = self.engine._unary(self.engine.strategy.GetPatterns, pb.PatternsRequest(top=5), None)
        for p in reply.patterns:
            self.assertGreaterEqual(len(p.items), 2)
            self.assertGreaterEqual(p.confidence, 0)

    def test_synergies_answer_from_the_synergy_module(self):
        reply = self.engine._unary(self.engine.strategy.GetSynergies, pb.SynergiesRequest(top=5), None)
        for s in reply.synergies:  # whatever runs this engine has seen; each pair names both jokers
            self.assertTrue(s.joker and s.partner)
            self.assertGreaterEqual(s.runs, 3)

    def test_synergy_and_pattern_options_pass_through(self):
        for s in self.engine.synergies(top=5, metric="ante", min_runs=1):
            self.assertLessEqual(s.lo, s.hi)
        for p in self.engine.patterns(outcome="all", min_support=0.01, max_size=3, top=5):
            self.assertLessEqual(len(p.items), 3)
            self.assertGreaterEqual(p.share, 0.01)
        with self.assertRaises(EngineError) as caught:
            self.engine.synergies(metric="luck")
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, caught.exception.code)
        self.assertEqual("metric", caught.exception.field)

    def test_procedures_and_read_only_cypher(self):
        names = [p.name for p in self.engine.procedures()]
        self.assertIn("scoring.evaluate", names)
        rows = self.engine.call("scoring.evaluate", played=[{"rank": "Ace", "suit": "Spades"}])
        self.assertEqual("High Card", rows[0]["hand"])
        self.assertEqual([{"n": 1.0}], self.engine.query("RETURN $x AS n", x=1))
        with self.assertRaises(EngineError) as caught:
            self.engine.query("CREATE (:Run {id: 'x'})")
        self.assertEqual("query", caught.exception.field)

    def test_status_codes_read_as_their_names(self):
        with self.assertRaises(EngineError) as caught:
            self.engine.synergies(metric="luck")
        code = caught.exception.code
        self.assertEqual("INVALID_ARGUMENT", code)
        self.assertEqual("INVALID_ARGUMENT", str(code))
        self.assertEqual("INVALID_ARGUMENT", f"{code}")
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, code)  # and still the grpc code
        self.assertIs(grpc.StatusCode.INVALID_ARGUMENT, code.status_code)
        self.assertTrue(str(caught.exception).startswith("INVALID_ARGUMENT: "))

    def test_whole_numbers_come_back_as_ints(self):
        rows = self.engine.query("MATCH (j:Joker) RETURN count(j) AS jokers, 0.5 AS half, 2.0 AS two")
        self.assertEqual([{"jokers": 150, "half": 0.5, "two": 2}], rows)
        self.assertIsInstance(rows[0]["jokers"], int)
        self.assertEqual(["jokers", "half", "two"], list(rows[0]))  # the query's column order
        stats = self.engine.call("graph.stats")
        self.assertEqual(["kind", "name", "count"], list(stats[0]))
        self.assertTrue(all(isinstance(r["count"], int) for r in stats))
        scored = self.engine.call("scoring.evaluate", played=[card("King", "Spades"), card("King", "Hearts")],
                                  jokers=["Joker"])[0]
        self.assertIsInstance(scored["score"], int)  # an integer column
        self.assertEqual(180, scored["score"])
        self.assertIsInstance(scored["chips"], float)  # a float column stays a float, whole or not
        self.assertEqual(30.0, scored["chips"])

    def test_call_takes_a_dict(self):
        params = {"played": [{"rank": "King", "suit": "Spades"}, {"rank": "King", "suit": "Hearts"}],
                  "jokers": ["Cavendish", "Joker"]}
        self.assertEqual(300, self.engine.call("scoring.evaluate", params)[0]["score"])
        self.assertEqual(540, self.engine.call("ordering.optimize", params)[0]["score"])
        self.assertEqual("300", self.engine.score_hand(params).score)  # a dict play, jokers by name

    def test_argument_errors_are_engine_errors_naming_the_field(self):
        cases = {
            "params.played": lambda: self.engine.call("scoring.evaluate", {"played": {1, 2}}),
            "params": lambda: self.engine.call("scoring.evaluate", ["not", "a", "dict"]),
            "top": lambda: self.engine.best_play(game_id="run-0", top="3"),
            "payload": lambda: self.engine.submit("run-0", "play_hand", payload=[1]),
            "event": lambda: self.engine.publish("GAME_STATE"),
            "play.playd": lambda: self.engine.score_hand({"playd": []}),
            "play.jokers[0].name": lambda: self.engine.score_hand({"played": [{"rank": "King", "suit": "Spades"}],
                                                                   "jokers": ["Jokr"]}),
            "from_offset": lambda: self.engine.subscribe(from_offset=-1),
            "pattern": lambda: self.engine.subscribe(pattern="game..>"),  # refused at the call, not at next()
            "min_runs": lambda: self.engine.synergies(min_runs=1.5),
            "params.x": lambda: self.engine.query("RETURN $x AS x", x=object()),
            "foil": lambda: card("King", "Spades", foil=True),
        }
        for field, call in cases.items():
            with self.subTest(field=field):
                with self.assertRaises(EngineError) as caught:
                    call()
                self.assertEqual("INVALID_ARGUMENT", caught.exception.code)
                self.assertEqual(field, caught.exception.field)

    def test_a_deadline_is_honoured(self):
        with self.assertRaises(EngineError) as caught:
            for _ in self.engine.watch_commands(game_id="no-such-game", timeout=0.3):
                pass
        self.assertEqual(grpc.StatusCode.DEADLINE_EXCEEDED, caught.exception.code)


if __name__ == "__main__":
    unittest.main(verbosity=2)
