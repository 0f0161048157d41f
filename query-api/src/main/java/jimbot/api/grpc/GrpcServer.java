package jimbot.api.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The engine's gRPC listener: its services plus health checking and server reflection, optionally behind a token. */
public final class GrpcServer implements AutoCloseable {

    /**
     * @param bind address to listen on
     * @param port port (0: any free one)
     * @param token when present, every call but health checks needs it as a bearer token
     * @param shutdownGrace how long stopping waits for calls in flight
     */
    public record Settings(String bind, int port, Optional<String> token, Duration shutdownGrace) {
        public Settings {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(token, "token");
            token = token.filter(t -> !t.isBlank());
        }
    }

    private final Server server;
    private final HealthStatusManager health;
    private final ExecutorService executor;
    private final Duration grace;

    private GrpcServer(Server server, HealthStatusManager health, ExecutorService executor, Duration grace) {
        this.server = server;
        this.health = health;
        this.executor = executor;
        this.grace = grace;
    }

    /** Starts listening; every service's calls run on virtual threads, so a blocking answer holds no platform thread. */
    public static GrpcServer start(Settings settings, List<BindableService> services) {
        HealthStatusManager health = new HealthStatusManager();
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("grpc-", 0).factory());
        NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(settings.bind(), settings.port()))
                .executor(executor)
                .maxInboundMessageSize(8 << 20)
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        for (BindableService s : services) {
            b.addService(ServerInterceptors.intercept(s, settings.token().map(TokenCheck::new)
                    .<List<io.grpc.ServerInterceptor>>map(t -> List.of(t, Calls.peers())).orElse(List.of(Calls.peers()))));
        }
        Server server = b.build();
        try {
            server.start();
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("gRPC could not listen on " + settings.bind() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        for (BindableService s : services) {
            health.setStatus(s.bindService().getServiceDescriptor().getName(), HealthCheckResponse.ServingStatus.SERVING);
        }
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, HealthCheckResponse.ServingStatus.SERVING);
        return new GrpcServer(server, health, executor, settings.shutdownGrace());
    }

    /** The port actually bound. */
    public int port() {
        return server.getPort();
    }

    /** Reports NOT_SERVING, stops taking calls, lets calls in flight finish within the grace period, then cuts them. */
    @Override
    public void close() {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } finally {
            executor.shutdownNow();
        }
    }
}
