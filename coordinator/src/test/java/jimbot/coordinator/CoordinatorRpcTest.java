package jimbot.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import jimbot.coordinator.wire.HealthCheckRequest;
import jimbot.coordinator.wire.Priority;
import jimbot.coordinator.wire.ReleaseRequest;
import jimbot.coordinator.wire.RequestStatus;
import jimbot.coordinator.wire.ResourceCoordinatorGrpc;
import jimbot.coordinator.wire.ResourceRequest;
import jimbot.coordinator.wire.ResourceResponse;
import jimbot.coordinator.wire.ResourceStatus;
import jimbot.coordinator.wire.ResourceStatusRequest;
import jimbot.coordinator.wire.ResourceStatusResponse;
import jimbot.coordinator.wire.ResourceType;
import jimbot.v1.LeasesGrpc;
import jimbot.v1.RenewLeaseRequest;
import jimbot.v1.UsageReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract's service over real gRPC, spoken by a client generated from the contract's messages. */
class CoordinatorRpcTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Coordinator coordinator;
    private Server server;
    private ManagedChannel channel;
    private ResourceCoordinatorGrpc.ResourceCoordinatorBlockingStub client;

    @BeforeEach
    void start() throws Exception {
        coordinator = Coordinator.start(CoordinatorConfig.defaults(), meters, Clock.systemUTC());
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new CoordinatorRpc(coordinator, "test")).addService(new LeasesRpc(coordinator)).build().start();
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(), InsecureChannelCredentials.create()).build();
        client = ResourceCoordinatorGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        coordinator.close();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static ResourceRequest ask(String id, String component, ResourceType type, int quantity, Priority p) {
        return ResourceRequest.newBuilder().setRequestId(id).setComponent(component).setResource(type).setQuantity(quantity)
                .setPriority(p).setTimeout(Duration.newBuilder().setSeconds(1)).setDuration(Duration.newBuilder().setSeconds(60))
                .putMetadata("purpose", "test").build();
    }

    @Test
    void grantsListsAndReleasesGpuClaudeAndMemory() {
        ResourceResponse gpu = client.requestResource(ask("g1", "ray_rllib", ResourceType.RESOURCE_TYPE_GPU, 8000, Priority.PRIORITY_HIGH));
        ResourceResponse claude = client.requestResource(ask("c1", "claude_advisor", ResourceType.RESOURCE_TYPE_CLAUDE_API, 1,
                Priority.PRIORITY_NORMAL));
        ResourceResponse memory = client.requestResource(ask("m1", "analytics", ResourceType.RESOURCE_TYPE_MEMORY, 4096,
                Priority.PRIORITY_LOW));
        assertThat(gpu.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_GRANTED);
        assertThat(gpu.getGrantedQuantity()).isEqualTo(8000);
        assertThat(gpu.getToken()).isNotBlank();
        assertThat(gpu.getExpiresAt().getSeconds() - gpu.getGrantedAt().getSeconds()).isBetween(59L, 61L);
        assertThat(claude.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_GRANTED);
        assertThat(memory.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_GRANTED);

        ResourceStatusResponse all = client.getResourceStatus(ResourceStatusRequest.getDefaultInstance());
        assertThat(all.getStatusesList()).hasSize(4);
        ResourceStatus gpuStatus = all.getStatusesList().stream()
                .filter(s -> s.getResource() == ResourceType.RESOURCE_TYPE_GPU).findFirst().orElseThrow();
        assertThat(gpuStatus.getTotalCapacity()).isEqualTo(24_000);
        assertThat(gpuStatus.getAllocated()).isEqualTo(8000);
        assertThat(gpuStatus.getAvailable()).isEqualTo(16_000);
        assertThat(gpuStatus.getAllocations(0).getComponent()).isEqualTo("ray_rllib");
        ResourceStatus claudeStatus = client.getResourceStatus(ResourceStatusRequest.newBuilder()
                .setResource(ResourceType.RESOURCE_TYPE_CLAUDE_API).build()).getStatuses(0);
        assertThat(claudeStatus.getTotalCapacity()).isEqualTo(100);
        assertThat(claudeStatus.getAvailable()).isEqualTo(99);

        assertThat(client.releaseResource(ReleaseRequest.newBuilder().setRequestId("g1").setToken(gpu.getToken()).build())
                .getSuccess()).isTrue();
        assertThat(client.releaseResource(ReleaseRequest.newBuilder().setRequestId("m1").setComponent("analytics").build())
                .getSuccess()).isTrue();
        assertThat(client.releaseResource(ReleaseRequest.newBuilder().setRequestId("g1").setToken(gpu.getToken()).build())
                .getSuccess()).isFalse();
        assertThat(LeasesGrpc.newBlockingStub(channel).reportUsage(UsageReport.newBuilder().setRequestId("c1")
                .setToken(claude.getToken()).setInputTokens(500).setOutputTokens(100).build()).getInputTokensReturned())
                .isEqualTo(1500);
        assertThat(client.healthCheck(HealthCheckRequest.getDefaultInstance()).getHealthy()).isTrue();
    }

    @Test
    void aBusyGpuQueuesThenDeniesAtTheTimeoutAndRenewalIsRefusedWhileOthersWait() {
        ResourceResponse held = client.requestResource(ask("g1", "ray_rllib", ResourceType.RESOURCE_TYPE_GPU, 1000, Priority.PRIORITY_LOW));
        ResourceResponse queued = client.requestResource(ask("g2", "inference", ResourceType.RESOURCE_TYPE_GPU, 1000,
                Priority.PRIORITY_CRITICAL).toBuilder().clearTimeout().build());
        assertThat(queued.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_QUEUED);
        assertThat(LeasesGrpc.newBlockingStub(channel).renewLease(RenewLeaseRequest.newBuilder().setRequestId("g1")
                .setToken(held.getToken()).build()).getRenewed()).isFalse();
        ResourceResponse denied = client.requestResource(ask("g3", "analytics", ResourceType.RESOURCE_TYPE_GPU, 1000,
                Priority.PRIORITY_LOW).toBuilder().setTimeout(Duration.newBuilder().setNanos(100_000_000)).build());
        assertThat(denied.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_DENIED);
        assertThat(denied.getMessage()).contains("not granted within 100 ms");
        client.releaseResource(ReleaseRequest.newBuilder().setToken(held.getToken()).build());
        assertThat(client.requestResource(ask("g2", "inference", ResourceType.RESOURCE_TYPE_GPU, 1000, Priority.PRIORITY_CRITICAL))
                .getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_GRANTED);
    }

    @Test
    void statusIsStreamedAsItChanges() {
        Iterator<ResourceStatus> stream = client.streamResourceStatus(ResourceStatusRequest.newBuilder()
                .setResource(ResourceType.RESOURCE_TYPE_MEMORY).build());
        assertThat(stream.next().getAllocated()).isZero();
        client.requestResource(ask("m1", "analytics", ResourceType.RESOURCE_TYPE_MEMORY, 1024, Priority.PRIORITY_LOW));
        ResourceStatus after = stream.next();
        assertThat(after.getAllocated()).isEqualTo(1024);
        assertThat(after.getAllocations(0).getRequestId()).isEqualTo("m1");
    }
}
