package jimbot.ingest.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import jimbot.ingest.Intake;
import jimbot.v1.Dialect;

/**
 * Who is calling: the dialect, the remote address, plus the {@code X-Jimbot-Instance} header when a client sends one. The
 * JimBot mod's command poll carries neither a game id nor a User-Agent, so this key is how a poll finds its game;
 * several game instances behind one address must each send the header (only the standalone mod can).
 */
final class Clients {

    static final HeaderName INSTANCE = HeaderNames.create("X-Jimbot-Instance");

    private Clients() {
    }

    /** {@code jimbot@127.0.0.1} or {@code standalone@10.0.0.7/left}: see {@link Intake#clientKey}. */
    static String key(ServerRequest req, Dialect dialect) {
        SocketAddress address = req.remotePeer().address();
        String host = address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : req.remotePeer().host();
        return Intake.clientKey(dialect, host, req.headers().first(INSTANCE).orElse(""));
    }
}
