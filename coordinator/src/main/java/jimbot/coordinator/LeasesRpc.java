package jimbot.coordinator;

import io.grpc.stub.StreamObserver;
import java.util.Optional;
import jimbot.v1.LeasesGrpc;
import jimbot.v1.RenewLeaseReply;
import jimbot.v1.RenewLeaseRequest;
import jimbot.v1.UsageReply;
import jimbot.v1.UsageReport;

/** {@code jimbot.v1.Leases}: what the contract service cannot say (renewing a lease, settling Claude token usage). */
public final class LeasesRpc extends LeasesGrpc.LeasesImplBase {

    private final Coordinator coordinator;

    public LeasesRpc(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public void renewLease(RenewLeaseRequest request, StreamObserver<RenewLeaseReply> out) {
        Outcome o = coordinator.renew(request.getRequestId(), request.getToken(), CoordinatorRpc.duration(request.getExtendBy()));
        RenewLeaseReply.Builder b = RenewLeaseReply.newBuilder().setRenewed(o.status() == Status.GRANTED).setMessage(o.message());
        o.lease().ifPresent(l -> b.setExpiresAt(CoordinatorRpc.time(l.expiresAt())));
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void reportUsage(UsageReport request, StreamObserver<UsageReply> out) {
        Optional<long[]> back = coordinator.reportUsage(request.getRequestId(), request.getToken(), request.getInputTokens(),
                request.getOutputTokens());
        out.onNext(back.map(b -> UsageReply.newBuilder().setReleased(true).setMessage("released; tokens settled")
                        .setInputTokensReturned(b[0]).setOutputTokensReturned(b[1]).build())
                .orElseGet(() -> UsageReply.newBuilder().setReleased(false)
                        .setMessage("no live Claude API reservation with that token").build()));
        out.onCompleted();
    }
}
