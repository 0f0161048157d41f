#!/usr/bin/env python3
"""A training loop and a Claude advisor sharing the engine's resource coordinator.

The trainer takes one GPU time slice per step through the contract's ``jimbot.ResourceCoordinator`` (exactly as the
existing clients call it: request, work, release), and the advisor reserves Claude API requests and tokens, then
reports what the call really used through ``jimbot.v1.Leases`` so the token buckets are settled.

    python3 examples/coordinated_training.py --target 127.0.0.1:50051 --steps 20
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import jimbot_client  # noqa: E402,F401  (puts the generated stubs on the path)
import grpc  # noqa: E402
from google.protobuf import duration_pb2  # noqa: E402
from jimbot import resource_coordinator_pb2 as rc  # noqa: E402
from jimbot import resource_coordinator_pb2_grpc as rc_grpc  # noqa: E402
from jimbot.v1 import resources_pb2 as leases  # noqa: E402
from jimbot.v1 import resources_pb2_grpc as leases_grpc  # noqa: E402


def ms(n: int) -> duration_pb2.Duration:
    return duration_pb2.Duration(seconds=n // 1000, nanos=(n % 1000) * 1_000_000)


def train(coordinator, steps: int, step_ms: int = 20, log=print) -> list:
    """One GPU slice per step; returns how long each step waited for its slice, in ms."""
    waits = []
    for step in range(steps):
        request_id = f"train-{uuid.uuid4().hex[:8]}-{step}"
        started = time.perf_counter()
        grant = coordinator.RequestResource(rc.ResourceRequest(
            request_id=request_id, component="ray_rllib", resource=rc.RESOURCE_TYPE_GPU, quantity=6000,
            priority=rc.PRIORITY_HIGH, timeout=ms(2000), duration=ms(100)), timeout=5)
        if grant.status != rc.REQUEST_STATUS_GRANTED:
            log(f"step {step}: {rc.RequestStatus.Name(grant.status)} ({grant.message})")
            continue
        waits.append((time.perf_counter() - started) * 1000)
        time.sleep(step_ms / 1000)  # the step's forward and backward pass would run here
        released = coordinator.ReleaseResource(rc.ReleaseRequest(request_id=request_id, token=grant.token), timeout=5)
        assert released.success, released.message
    return waits


def advise(coordinator, lease_service, questions: int, log=print) -> list:
    """Reserves a Claude call per question, 'calls' the API, and settles the real token usage."""
    settled = []
    for q in range(questions):
        request_id = f"advisor-{uuid.uuid4().hex[:8]}-{q}"
        grant = coordinator.RequestResource(rc.ResourceRequest(
            request_id=request_id, component="claude_advisor", resource=rc.RESOURCE_TYPE_CLAUDE_API, quantity=1,
            priority=rc.PRIORITY_NORMAL, timeout=ms(1000),
            metadata={"model": "claude-sonnet", "input_tokens": "3000", "output_tokens": "800"}), timeout=5)
        if grant.status != rc.REQUEST_STATUS_GRANTED:
            log(f"question {q}: {rc.RequestStatus.Name(grant.status)} ({grant.message})")
            continue
        used_in, used_out = 2100, 450  # what the API call reported
        reply = lease_service.ReportUsage(leases.UsageReport(request_id=request_id, token=grant.token,
                                                             input_tokens=used_in, output_tokens=used_out), timeout=5)
        settled.append((reply.input_tokens_returned, reply.output_tokens_returned))
    return settled


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--target", default=os.environ.get("JIMBOT_GRPC", "127.0.0.1:50051"),
                   help="the engine's gRPC address (default: $JIMBOT_GRPC, else 127.0.0.1:50051)")
    p.add_argument("--steps", type=int, default=20, help="training steps, one GPU slice each")
    p.add_argument("--questions", type=int, default=3, help="questions for the Claude advisor")
    a = p.parse_args()
    with grpc.insecure_channel(a.target) as channel:
        try:
            grpc.channel_ready_future(channel).result(timeout=10)
        except grpc.FutureTimeoutError:
            print(f"coordinated_training: no engine answers at {a.target} (waited 10 s); start one with "
                  f"./jimbot serve, or pass --target", file=sys.stderr)
            return 2
        coordinator = rc_grpc.ResourceCoordinatorStub(channel)
        try:
            print(f"training {a.steps} steps at {a.target}, each on one GPU slice (6000 MB, high priority) "
                  f"requested and released through jimbot.ResourceCoordinator…")
            waits = train(coordinator, a.steps)
            if waits:
                waits.sort()
                print(f"trained {len(waits)} of {a.steps} steps; slice wait p50 {waits[len(waits) // 2]:.2f} ms, "
                      f"max {waits[-1]:.2f} ms")
            else:
                print(f"trained 0 of {a.steps} steps: no GPU slice was granted")
            print(f"asking the advisor {a.questions} questions, each reserving one Claude call (3000 input and "
                  f"800 output tokens) and reporting what it used (2100 and 450) through jimbot.v1.Leases…")
            settled = advise(coordinator, leases_grpc.LeasesStub(channel), a.questions)
            print(f"advisor settled {len(settled)} of {a.questions} calls; tokens returned to the buckets "
                  f"(input, output): {settled}")
            status = coordinator.GetResourceStatus(rc.ResourceStatusRequest(), timeout=5)
        except grpc.RpcError as e:
            print(f"coordinated_training: the engine refused: {e.code().name}: {e.details()}", file=sys.stderr)
            return 2
    print("resources now:")
    for s in status.statuses:
        print(f"  {rc.ResourceType.Name(s.resource)}: {s.allocated}/{s.total_capacity} allocated, "
              f"{s.available} available")
    return 0


if __name__ == "__main__":
    sys.exit(main())
