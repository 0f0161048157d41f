package jimbot.coordinator;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jimbot.coordinator.wire.AllocationInfo;
import jimbot.coordinator.wire.HealthCheckRequest;
import jimbot.coordinator.wire.HealthCheckResponse;
import jimbot.coordinator.wire.Priority;
import jimbot.coordinator.wire.ReleaseRequest;
import jimbot.coordinator.wire.ReleaseResponse;
import jimbot.coordinator.wire.RequestStatus;
import jimbot.coordinator.wire.ResourceCoordinatorGrpc;
import jimbot.coordinator.wire.ResourceRequest;
import jimbot.coordinator.wire.ResourceResponse;
import jimbot.coordinator.wire.ResourceStatus;
import jimbot.coordinator.wire.ResourceStatusRequest;
import jimbot.coordinator.wire.ResourceStatusResponse;
import jimbot.coordinator.wire.ResourceType;
import jimbot.grpc.Pacer;

/** {@code jimbot.ResourceCoordinator} exactly as the contract's clients speak it. */
public final class CoordinatorRpc extends ResourceCoordinatorGrpc.ResourceCoordinatorImplBase {

    private final Coordinator coordinator;
    private final String version;

    public CoordinatorRpc(Coordinator coordinator, String version) {
        this.coordinator = coordinator;
        this.version = version;
    }

    static Kind kind(ResourceType t) {
        return switch (t) {
            case RESOURCE_TYPE_GPU -> Kind.GPU;
            case RESOURCE_TYPE_CLAUDE_API -> Kind.CLAUDE_API;
            case RESOURCE_TYPE_MEMORY -> Kind.MEMORY;
            case RESOURCE_TYPE_CPU -> Kind.CPU;
            case RESOURCE_TYPE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static ResourceType wire(Kind k) {
        return switch (k) {
            case GPU -> ResourceType.RESOURCE_TYPE_GPU;
            case CLAUDE_API -> ResourceType.RESOURCE_TYPE_CLAUDE_API;
            case MEMORY -> ResourceType.RESOURCE_TYPE_MEMORY;
            case CPU -> ResourceType.RESOURCE_TYPE_CPU;
        };
    }

    static PriorityClass priority(Priority p) {
        return switch (p) {
            case PRIORITY_LOW -> PriorityClass.LOW;
            case PRIORITY_HIGH -> PriorityClass.HIGH;
            case PRIORITY_CRITICAL -> PriorityClass.CRITICAL;
            case PRIORITY_NORMAL, PRIORITY_UNSPECIFIED, UNRECOGNIZED -> PriorityClass.NORMAL;
        };
    }

    static Timestamp time(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(Math.max(0, d.getSeconds()), d.getSeconds() < 0 ? 0 : Math.max(0, d.getNanos()));
    }

    static RequestStatus wire(jimbot.coordinator.Status s) {
        return switch (s) {
            case GRANTED -> RequestStatus.REQUEST_STATUS_GRANTED;
            case DENIED -> RequestStatus.REQUEST_STATUS_DENIED;
            case QUEUED -> RequestStatus.REQUEST_STATUS_QUEUED;
            case RELEASED -> RequestStatus.REQUEST_STATUS_RELEASED;
            case EXPIRED -> RequestStatus.REQUEST_STATUS_EXPIRED;
        };
    }

    @Override
    public void requestResource(ResourceRequest request, StreamObserver<ResourceResponse> out) {
        ResourceResponse.Builder reply = ResourceResponse.newBuilder().setRequestId(request.getRequestId());
        Kind kind = kind(request.getResource());
        if (kind == null || request.getRequestId().isBlank()) {
            out.onNext(reply.setStatus(RequestStatus.REQUEST_STATUS_DENIED).setMessage(kind == null
                    ? "resource: expected GPU, CLAUDE_API, MEMORY or CPU" : "request_id: expected a non-empty id").build());
            out.onCompleted();
            return;
        }
        Outcome o;
        try {
            o = coordinator.request(new Request(request.getRequestId(), request.getComponent(), kind, request.getQuantity(),
                    priority(request.getPriority()), duration(request.getTimeout()), duration(request.getDuration()),
                    request.getMetadataMap()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.onError(Status.CANCELLED.withDescription("the call ended while waiting").asRuntimeException());
            return;
        }
        reply.setStatus(wire(o.status())).setMessage(o.message());
        o.lease().ifPresent(l -> reply.setGrantedAt(time(l.grantedAt())).setExpiresAt(time(l.expiresAt()))
                .setToken(l.token()).setGrantedQuantity(l.request().quantity()));
        out.onNext(reply.build());
        out.onCompleted();
    }

    @Override
    public void releaseResource(ReleaseRequest request, StreamObserver<ReleaseResponse> out) {
        Outcome o = coordinator.release(request.getRequestId(), request.getToken(), request.getComponent());
        out.onNext(ReleaseResponse.newBuilder().setSuccess(o.status() == jimbot.coordinator.Status.RELEASED)
                .setMessage(o.message()).build());
        out.onCompleted();
    }

    private static Set<Kind> kinds(ResourceStatusRequest request) {
        Kind k = kind(request.getResource());
        return k == null ? EnumSet.allOf(Kind.class) : EnumSet.of(k);
    }

    static ResourceStatus status(Coordinator.Snapshot s) {
        ResourceStatus.Builder b = ResourceStatus.newBuilder().setResource(wire(s.kind()))
                .setTotalCapacity(clamp(s.capacity())).setAllocated(clamp(s.allocated()))
                .setAvailable(clamp(Math.max(0, s.capacity() - s.allocated())));
        for (Lease l : s.leases()) {
            b.addAllocations(AllocationInfo.newBuilder().setRequestId(l.request().id()).setComponent(l.request().component())
                    .setQuantity(l.request().quantity()).setAllocatedAt(time(l.grantedAt())).setExpiresAt(time(l.expiresAt())));
        }
        return b.build();
    }

    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    @Override
    public void getResourceStatus(ResourceStatusRequest request, StreamObserver<ResourceStatusResponse> out) {
        Set<Kind> wanted = kinds(request);
        ResourceStatusResponse.Builder b = ResourceStatusResponse.newBuilder().setTimestamp(time(Instant.now()));
        coordinator.snapshot().stream().filter(s -> wanted.contains(s.kind())).forEach(s -> b.addStatuses(status(s)));
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckResponse> out) {
        out.onNext(HealthCheckResponse.newBuilder().setHealthy(true).setVersion(version)
                .setUptimeSeconds(Duration.between(coordinator.started(), Instant.now()).toSeconds())
                .putMetadata("gpus", Integer.toString(coordinator.config().gpuDevicesMb().size()))
                .putMetadata("slice_ms", Long.toString(coordinator.config().slice().toMillis())).build());
        out.onCompleted();
    }

    /** The current status of each resource asked for, then again whenever it changes (changes in between coalesce). */
    @Override
    public void streamResourceStatus(ResourceStatusRequest request, StreamObserver<ResourceStatus> observer) {
        ServerCallStreamObserver<ResourceStatus> out = (ServerCallStreamObserver<ResourceStatus>) observer;
        Set<Kind> wanted = kinds(request);
        Pacer pacer = new Pacer(out);
        Thread.ofVirtual().name("coordinator-status").start(() -> {
            long seen = -1;
            java.util.Map<Kind, ResourceStatus> last = new java.util.EnumMap<>(Kind.class);
            try {
                while (!pacer.cancelled()) {
                    if (coordinator.closed()) {
                        out.onError(Status.UNAVAILABLE.withDescription("the engine is stopping").asRuntimeException());
                        return;
                    }
                    long now = coordinator.version();
                    if (now != seen) {
                        seen = now;
                        List<Coordinator.Snapshot> snapshot = coordinator.snapshot();
                        for (Coordinator.Snapshot s : snapshot) {
                            ResourceStatus status = status(s);
                            if (wanted.contains(s.kind()) && !status.equals(last.get(s.kind()))) {
                                if (!pacer.ready()) {
                                    return;
                                }
                                out.onNext(status);
                                last.put(s.kind(), status);
                            }
                        }
                    }
                    coordinator.awaitChange(seen, Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
