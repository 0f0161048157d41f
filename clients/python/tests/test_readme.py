"""The README as a reader uses it, against a real engine: the package installed with Debian's pip, the API examples
run as doctests by that installed package, and the example commands run word for word, their output compared with
the sample output printed under them (numbers aside: offsets, ids and timings vary).

Needs JIMBOT_HTTP and JIMBOT_GRPC of a running engine. PythonClientIT plays `./jimbot simulate --runs 20 --seed 7`
into a fresh engine and runs this file before the other tests, as the README's samples were taken.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(CLIENT))
README = os.path.join(CLIENT, "README.md")
HTTP = os.environ.get("JIMBOT_HTTP", "http://127.0.0.1:8080")
GRPC = os.environ.get("JIMBOT_GRPC", "127.0.0.1:50051")
REQUIRED = os.environ.get("JIMBOT_REQUIRE_PYTHON") == "1"
# A played game's states, as the README's sample has them: a pair, three of a kind, a flush.
HANDS = [[("King", "Spades"), ("King", "Hearts"), ("7", "Clubs"), ("3", "Diamonds"), ("9", "Spades")],
         [("7", "Spades"), ("7", "Hearts"), ("7", "Clubs"), ("2", "Diamonds"), ("Queen", "Spades")],
         [("2", "Hearts"), ("5", "Hearts"), ("8", "Hearts"), ("Jack", "Hearts"), ("Ace", "Hearts")]]


def example_runs(path):
    """Each example command of a README (a line starting with "$ " in a code block), its trailing comment and the
    lines printed under it."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    runs = []
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M):
        current = None
        for line in block.splitlines():
            if line.startswith("$ "):
                command, _, comment = line[2:].partition("#")
                current = (command.strip(), comment.strip(), [])
                runs.append(current)
            elif current is not None:
                current[2].append(line)
    return runs


def shape(line):
    """What must match between a sample and a run: all but timings and the engine's port. Offsets, ids and counts
    must be the sample's, so the engine must have just played the sample's simulation (as PythonClientIT does)."""
    line = re.sub(r"[0-9]+(\.[0-9]+)? ms\b", "N ms", line.rstrip())
    return re.sub(r"127\.0\.0\.1:[0-9]+", "127.0.0.1:PORT", line)


def post_state(instance, n, phase="SELECTING_HAND", hand=None):
    event = {"type": "GAME_STATE", "source": "BalatroMCP", "event_id": f"{instance}-{n}", "timestamp": 1.0 + n,
             "payload": {"in_game": True, "game_id": "unknown", "ante": 1, "round": 1, "hand_number": n,
                         "money": 4, "hand_size": 8, "hands_remaining": 4 - n, "discards_remaining": 3,
                         "game_state": phase,
                         "jokers": [{"id": "j1", "name": "Cavendish", "position": 0},
                                    {"id": "j2", "name": "Joker", "position": 1}],
                         "hand": [{"rank": r, "suit": s} for r, s in (hand or [])]}}
    body = json.dumps({"batch_id": event["event_id"], "events": [event]}).encode()
    req = urllib.request.Request(HTTP + "/api/v1/events/batch", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "X-Jimbot-Instance": instance})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200, r.status


def run_example(command, playing, timeout=120):
    """Runs a README command from the repository's root; with ``playing``, a game posts a playable state each time
    the agent waits for one (three in all), then moves on to the shop."""
    env = dict(os.environ, JIMBOT_GRPC=GRPC)
    p = subprocess.Popen(shlex.split(command), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True)
    lines = []
    instance = "readme-" + uuid.uuid4().hex[:8]
    posted = [0]

    def play():
        if posted[0] < len(HANDS):
            post_state(instance, posted[0], hand=HANDS[posted[0]])
        elif posted[0] == len(HANDS):
            post_state(instance, posted[0], phase="SHOP")  # the game moves on: a later replay has nothing to play
        posted[0] += 1

    timer = threading.Timer(timeout, p.kill)
    timer.start()
    try:
        for line in p.stdout:
            lines.append(line.rstrip("\n"))
            if playing and (line.startswith("waiting for live states") or " play cards " in line):
                play()
        p.wait()
    finally:
        timer.cancel()
        p.stdout.close()
    return p.returncode, lines


class ReadmeTest(unittest.TestCase):
    """In this order: the example commands (they replay the journal, which the API examples then add to), the
    install, the API examples."""

    python = None

    def test_1_example_commands_print_what_the_readme_shows(self):
        runs = example_runs(README)
        self.assertGreaterEqual(len(runs), 3)
        for command, comment, expected in runs:
            with self.subTest(command=command):
                self.assertTrue(command.startswith("/usr/bin/python3 clients/python/examples/"), command)
                code, out = run_example(command, playing="while a game plays" in comment)
                print(f"$ {command}" + (f"    # {comment}" if comment else ""))
                print("\n".join(out))
                self.assertEqual(0, code, "\n".join(out))
                self.assertEqual([shape(x) for x in expected], [shape(x) for x in out])

    def test_1_an_example_without_an_engine_says_so_and_exits(self):
        for example in ("agent.py", "coordinated_training.py"):
            with self.subTest(example=example):
                out = subprocess.run(["/usr/bin/python3", os.path.join(CLIENT, "examples", example), "--target",
                                      "127.0.0.1:9"], capture_output=True, text=True, timeout=60)
                self.assertEqual(2, out.returncode, out.stdout + out.stderr)
                self.assertIn("no engine answers at 127.0.0.1:9 (waited 10 s)", out.stderr)
                self.assertIn("./jimbot serve, or pass --target", out.stderr)

    def test_1_the_root_readme_runs_the_same_examples(self):
        tested = {c for c, _, _ in example_runs(README)}
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            root = [line.partition("#")[0].strip() for line in f if "clients/python/examples/" in line
                    and line.startswith("/usr/bin/python3")]
        self.assertTrue(root)
        for command in root:
            self.assertIn(command, tested)

    def test_2_the_package_installs_with_debians_pip_and_nothing_downloaded(self):
        python = installed_python()
        if python is None:
            self.skipTest("python3 -m venv is missing (Debian: python3-venv); the README's PYTHONPATH way is used")
        out = subprocess.run([python, "-c", "import jimbot_client; print(jimbot_client.__file__)"],
                             cwd=tempfile.gettempdir(), capture_output=True, text=True, timeout=60)
        self.assertEqual(0, out.returncode, out.stderr)
        self.assertEqual(os.path.join(CLIENT, "jimbot_client", "__init__.py"), out.stdout.strip())

    def test_3_the_api_examples_print_what_the_readme_shows(self):
        python = installed_python()
        env = dict(os.environ, JIMBOT_GRPC=GRPC)
        if python is None:
            python = "/usr/bin/python3"
            env["PYTHONPATH"] = CLIENT
        out = subprocess.run([python, "-m", "doctest", "-o", "ELLIPSIS", "-o", "NORMALIZE_WHITESPACE", README],
                             cwd=tempfile.gettempdir(), env=env, capture_output=True, text=True, timeout=240)
        self.assertEqual(0, out.returncode, out.stdout + out.stderr)


_venv = {}


def installed_python():
    """The README's install: a venv over Debian's packages, ``pip install --no-index --no-build-isolation -e``; its
    python, or None where venv is missing (an error when JIMBOT_REQUIRE_PYTHON=1)."""
    if "python" in _venv:
        return _venv["python"]
    try:
        import ensurepip  # noqa: F401  (python3-venv)
    except ImportError:
        if REQUIRED:
            raise AssertionError("JIMBOT_REQUIRE_PYTHON=1 but python3 -m venv is missing: apt-get install python3-venv")
        _venv["python"] = None
        return None
    where = tempfile.mkdtemp(prefix="jimbot-venv-")
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", where], check=True, timeout=120)
    pip = subprocess.run([os.path.join(where, "bin", "pip"), "install", "--no-index", "--no-build-isolation", "-e",
                          CLIENT], capture_output=True, text=True, timeout=300)
    if pip.returncode != 0:
        raise AssertionError("pip install -e clients/python failed:\n" + pip.stdout + pip.stderr)
    _venv["python"] = os.path.join(where, "bin", "python")
    _venv["dir"] = where
    return _venv["python"]


def tearDownModule():
    if _venv.get("dir"):
        shutil.rmtree(_venv["dir"], ignore_errors=True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
