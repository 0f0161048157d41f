package jimbot.ingest.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jimbot.ingest.normalize.Normalizer;
import jimbot.journal.Journal;
import jimbot.journal.Sequencer;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import jimbot.v1.GameState;

/**
 * Assigns every event its game id, per client, after dedupe and in journal order.
 *
 * <p>Standalone mod: the game id is the session_id of the client's latest full state. JimBot mod: its seed when
 * the mod ever sends a real one; otherwise (always, in practice) the engine segments runs itself. A client's
 * run starts with its first game event, and a new one starts when an in-game GAME_STATE shows a fresh start
 * (ante 1, round ≤ 1) after a game over, a menu, a win (ante above 8), or after the run had moved past that
 * point (the ante and round of a run never go back). The new run's id is {@code run-<offset>}, the journal offset of
 * the event that started it, so ids are stable across restarts and replays. Menu states and system events
 * outside a run belong to no game (""), as does the standalone mod's start-up {@code debug_test}.
 */
public final class RunSegmenter implements Sequencer {

    static final String KEY_PREFIX = "client/";
    private static final int MAX_GAME_ID = 200;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, ClientRun> clients = new ConcurrentHashMap<>();

    @Override
    public void restore(Journal.StateView state) {
        for (Map.Entry<String, ByteString> e : state.state(KEY_PREFIX).entrySet()) {
            try {
                ClientRun run = JSON.readValue(e.getValue().toByteArray(), ClientRun.class);
                clients.put(run.client(), run);
            } catch (IOException ex) {
                throw new IllegalStateException("unreadable run state under " + e.getKey(), ex);
            }
        }
    }

    @Override
    public Group begin() {
        return new SegmentGroup();
    }

    /** The client's current state, as of the latest durable event. */
    public Optional<ClientRun> client(String client) {
        return Optional.ofNullable(clients.get(client));
    }

    /** The clients whose current run is {@code gameId}, most recently seen first. */
    public List<ClientRun> clientsOf(String gameId) {
        return clients.values().stream().filter(c -> c.gameId().equals(gameId) && !gameId.isEmpty())
                .sorted(Comparator.comparingLong(ClientRun::lastSeenMs).reversed()).toList();
    }

    /** Runs that a client is in and that sent an event within {@code window} of {@code nowMs}, newest first. */
    public List<ClientRun> live(long nowMs, Duration window) {
        long since = nowMs - window.toMillis();
        return clients.values().stream().filter(c -> !c.gameId().isEmpty() && !c.inMenu() && c.lastSeenMs() >= since)
                .sorted(Comparator.comparingLong(ClientRun::lastSeenMs).reversed()).toList();
    }

    private final class SegmentGroup implements Group {
        private final Map<String, ClientRun> touched = new LinkedHashMap<>();

        @Override
        public Event sequence(Event event, long offset) {
            if (event.getDialect() != Dialect.DIALECT_JIMBOT && event.getDialect() != Dialect.DIALECT_STANDALONE) {
                return Event.getDefaultInstance();
            }
            String client = event.getClient();
            ClientRun current = touched.get(client);
            if (current == null) {
                current = clients.getOrDefault(client, ClientRun.first(client, event.getDialect()));
            }
            Assigned assigned = event.getDialect() == Dialect.DIALECT_JIMBOT
                    ? jimbot(current, event, offset)
                    : standalone(current, event);
            touched.put(client, assigned.client().seen(event.getReceivedAtMs()));
            Event.Builder patch = Event.newBuilder().setGameId(assigned.gameId());
            if (event.getSession().isEmpty()) {
                patch.setSession(assigned.client().session());
            }
            return patch.build();
        }

        @Override
        public Map<String, Optional<ByteString>> changes() {
            Map<String, Optional<ByteString>> out = new HashMap<>();
            for (ClientRun run : touched.values()) {
                try {
                    out.put(KEY_PREFIX + run.client(), Optional.of(ByteString.copyFrom(JSON.writeValueAsBytes(run))));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot encode run state of " + run.client(), e);
                }
            }
            return out;
        }

        @Override
        public void commit() {
            clients.putAll(touched);
        }

        @Override
        public void abort() {
            touched.clear();
        }
    }

    private record Assigned(ClientRun client, String gameId) {
    }

    private static Assigned jimbot(ClientRun current, Event event, long offset) {
        String reported = event.getReportedGameId();
        String seed = Normalizer.isRealSeed(reported) ? gameId(reported) : "";
        boolean gameEvent = event.getTopic().startsWith("game.");
        if (event.hasGameState()) {
            GameState state = event.getGameState();
            boolean menu = !state.getInGame() || state.getPhase().equals("MENU");
            if (menu) {
                return new Assigned(current.menu(), "");
            }
            boolean fresh = state.getAnte() <= 1 && state.getRound() <= 1;
            boolean movedOn = current.ante() > 1 || current.round() > 1;
            ClientRun run = current;
            if (!seed.isEmpty()) {
                if (!seed.equals(current.gameId())) {
                    run = current.startRun(seed, offset);
                }
            } else if (current.gameId().isEmpty() || (fresh && (current.boundary() || movedOn))) {
                run = current.startRun("run-" + offset, offset);
            }
            boolean over = state.getPhase().equals("GAME_OVER") || state.getAnte() > 8;
            run = run.progress(state.getAnte(), state.getRound(), over);
            return new Assigned(run, run.gameId());
        }
        if (!seed.isEmpty() && gameEvent) {
            ClientRun run = seed.equals(current.gameId()) ? current : current.startRun(seed, offset);
            return new Assigned(run, seed);
        }
        if (gameEvent) {
            ClientRun run = current.gameId().isEmpty() ? current.startRun("run-" + offset, offset) : current;
            return new Assigned(run, run.gameId());
        }
        return new Assigned(current, current.inMenu() ? "" : current.gameId());
    }

    private static Assigned standalone(ClientRun current, Event event) {
        ClientRun run = current;
        if (event.hasGameState() && !event.getGameState().getSessionId().isEmpty()) {
            run = current.withSession(gameId(event.getGameState().getSessionId()));
        } else if (!event.getSession().isEmpty() && !event.getSession().equals(current.session())) {
            run = current.withSession(gameId(event.getSession()));
        }
        if (event.getType().equals("DEBUG_TEST")) {
            return new Assigned(run, "");
        }
        return new Assigned(run, run.session());
    }

    /** A game id safe to use as a key: no control characters, bounded length. */
    static String gameId(String raw) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_GAME_ID));
        for (int i = 0; i < raw.length() && out.length() < MAX_GAME_ID; i++) {
            char c = raw.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '_' : c);
        }
        return out.toString();
    }
}
