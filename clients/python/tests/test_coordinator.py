"""The resource coordinator from Python: the contract's unmodified client and the example training loop.

Needs JIMBOT_GRPC of a running engine; PythonClientIT runs this file with /usr/bin/python3."""
import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples"))

import jimbot_client  # noqa: E402,F401
import grpc  # noqa: E402
import coordinated_training as example  # noqa: E402
from jimbot import resource_coordinator_pb2 as rc  # noqa: E402
from jimbot import resource_coordinator_pb2_grpc as rc_grpc  # noqa: E402
from jimbot.v1 import resources_pb2_grpc as leases_grpc  # noqa: E402

GRPC = os.environ.get("JIMBOT_GRPC", "127.0.0.1:50051")


class CoordinatorTest(unittest.TestCase):

    def setUp(self):
        self.channel = grpc.insecure_channel(GRPC)
        self.coordinator = rc_grpc.ResourceCoordinatorStub(self.channel)

    def tearDown(self):
        self.channel.close()

    def test_the_contract_client_grants_lists_and_releases(self):
        health = self.coordinator.HealthCheck(rc.HealthCheckRequest(), timeout=5)
        self.assertTrue(health.healthy)
        grants = {}
        for rid, kind, qty in (("py-gpu", rc.RESOURCE_TYPE_GPU, 4000), ("py-claude", rc.RESOURCE_TYPE_CLAUDE_API, 1),
                               ("py-mem", rc.RESOURCE_TYPE_MEMORY, 512)):
            r = self.coordinator.RequestResource(rc.ResourceRequest(
                request_id=rid, component="analytics", resource=kind, quantity=qty, priority=rc.PRIORITY_LOW,
                timeout=example.ms(2000), duration=example.ms(30000)), timeout=5)
            self.assertEqual(rc.REQUEST_STATUS_GRANTED, r.status, r.message)
            self.assertEqual(qty, r.granted_quantity)
            grants[rid] = r
        status = self.coordinator.GetResourceStatus(rc.ResourceStatusRequest(resource=rc.RESOURCE_TYPE_GPU), timeout=5)
        self.assertEqual(["py-gpu"], [a.request_id for a in status.statuses[0].allocations])
        self.assertEqual(24000, status.statuses[0].total_capacity)
        for rid, r in grants.items():
            self.assertTrue(self.coordinator.ReleaseResource(rc.ReleaseRequest(request_id=rid, token=r.token),
                                                             timeout=5).success)

    def test_the_training_loop_and_the_advisor_share_the_resources(self):
        results = {}
        trainers = [threading.Thread(target=lambda i=i: results.__setitem__(
            i, example.train(self.coordinator, steps=10, step_ms=10))) for i in range(2)]
        for t in trainers:
            t.start()
        settled = example.advise(self.coordinator, leases_grpc.LeasesStub(self.channel), questions=2)
        for t in trainers:
            t.join(60)
        self.assertEqual([10, 10], [len(results[0]), len(results[1])])  # every step got its slice
        self.assertEqual([(900, 350), (900, 350)], settled)  # reserved 3000/800, used 2100/450
        gpu = self.coordinator.GetResourceStatus(rc.ResourceStatusRequest(resource=rc.RESOURCE_TYPE_GPU), timeout=5)
        self.assertEqual(0, gpu.statuses[0].allocated)


if __name__ == "__main__":
    unittest.main(verbosity=2)
