package jimbot.api.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What a service needs to know about the call it is answering: who sent it and how long it may take. */
public final class Calls {

    private static final Context.Key<String> PEER = Context.key("jimbot-peer");

    private Calls() {
    }

    /** The caller's address (host only), as HTTP clients are identified. */
    public static String peerHost() {
        String peer = PEER.get();
        return peer == null ? "unknown" : peer;
    }

    /** The time left before the caller's deadline, capped by {@code cap}. */
    public static Duration budget(Duration cap) {
        Deadline deadline = Context.current().getDeadline();
        if (deadline == null) {
            return cap;
        }
        long left = deadline.timeRemaining(TimeUnit.MILLISECONDS);
        return Duration.ofMillis(Math.max(1, Math.min(left, cap.toMillis())));
    }

    /** An interceptor that records the caller's address in the call's context. */
    static ServerInterceptor peers() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                SocketAddress address = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
                String host = Optional.ofNullable(address)
                        .map(a -> a instanceof InetSocketAddress inet && inet.getAddress() != null
                                ? inet.getAddress().getHostAddress() : a.toString())
                        .orElse("unknown");
                return Contexts.interceptCall(Context.current().withValue(PEER, host), call, headers, next);
            }
        };
    }
}
