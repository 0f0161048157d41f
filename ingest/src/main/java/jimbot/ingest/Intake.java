package jimbot.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import io.micrometer.core.instrument.MeterRegistry;
import jimbot.errors.InvalidArgumentException;
import jimbot.errors.NotFoundException;
import jimbot.errors.UnavailableException;
import jimbot.ingest.commands.CommandBook;
import jimbot.ingest.commands.CommandFormat;
import jimbot.ingest.normalize.Arrival;
import jimbot.ingest.normalize.JsonContent;
import jimbot.ingest.normalize.Normalized;
import jimbot.ingest.normalize.Normalizer;
import jimbot.ingest.runs.ClientRun;
import jimbot.ingest.runs.RunSegmenter;
import jimbot.journal.Journal;
import jimbot.journal.JournalUnavailableException;
import jimbot.journal.Sequencer;
import jimbot.routing.Topics;
import jimbot.v1.Command;
import jimbot.v1.CommandRecord;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import jimbot.v1.Priority;

/**
 * The intake's core, below HTTP: normalises what a mod posted, appends it to the journal, and answers only once
 * it is durable; queues commands and hands them to the game's poll. Transports (HTTP now, gRPC later) call it.
 */
public final class Intake {

    /** Most commands handed to one JimBot poll. */
    static final int MAX_COMMANDS_PER_POLL = 16;
    private static final String ENGINE_SOURCE = "jimbot-engine";
    private static final int MAX_INSTANCE = 64;

    private final Journal journal;
    private final RunSegmenter runs;
    private final CommandBook commands;
    private final IntakeConfig config;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Set<String> polledBefore = ConcurrentHashMap.newKeySet();

    Intake(Journal journal, RunSegmenter runs, CommandBook commands, IntakeConfig config, MeterRegistry meters,
           Clock clock) {
        this.journal = journal;
        this.runs = runs;
        this.commands = commands;
        this.config = config;
        this.metrics = new IngestMetrics(meters);
        this.clock = clock;
    }

    /** The sequencer the journal must be opened with for an intake built by {@link #create}. */
    public record Parts(RunSegmenter runs, CommandBook commands, Sequencer sequencer) {
        /** Fresh run and command state, chained into one sequencer. */
        public static Parts create() {
            RunSegmenter runs = new RunSegmenter();
            CommandBook commands = new CommandBook();
            return new Parts(runs, commands, Sequencer.chain(runs, commands));
        }
    }

    /** An intake over a journal that was opened with {@code parts.sequencer()}. */
    public static Intake create(Journal journal, Parts parts, IntakeConfig config, MeterRegistry meters, Clock clock) {
        return new Intake(journal, parts.runs(), parts.commands(), config, meters, clock);
    }

    /**
     * How the intake names a client, whatever its transport: {@code jimbot@127.0.0.1} or
     * {@code standalone@10.0.0.7/left} (one client per dialect, address and game instance).
     */
    public static String clientKey(Dialect dialect, String host, String instance) {
        StringBuilder clean = new StringBuilder();
        for (int i = 0; i < instance.length() && clean.length() < MAX_INSTANCE; i++) {
            char c = instance.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                clean.append(c);
            }
        }
        String prefix = dialect == Dialect.DIALECT_STANDALONE ? "standalone@" : "jimbot@";
        return prefix + (clean.isEmpty() ? host : host + "/" + clean);
    }

    public IntakeConfig config() {
        return config;
    }

    public Journal journal() {
        return journal;
    }

    public long nowMs() {
        return clock.millis();
    }

    /** What happened to a batch: stored now, already stored, and the events that could not be read. */
    public record BatchReceipt(int accepted, int duplicates, List<RejectedEvent> rejected) {
        public BatchReceipt {
            rejected = List.copyOf(rejected);
        }
    }

    /** One event of a batch that was not stored. */
    public record RejectedEvent(int index, String field, String error) {
    }

    /** What happened to a single event. */
    public record EventReceipt(String eventId, long offset, boolean duplicate, String gameId, String topic) {
    }

    /** A JimBot batch ({@code {"batch_id","source","timestamp","events":[…]}}); blocks until durable. */
    public BatchReceipt acceptJimbotBatch(JsonNode body, Arrival arrival) {
        if (!body.isObject()) {
            throw new InvalidArgumentException("body", "a JSON object with an events list",
                    "a batch must be a JSON object, got " + describe(body));
        }
        JsonNode events = body.path("events");
        if (!events.isArray() && !events.isObject()) {
            throw new InvalidArgumentException("events", "a list of events",
                    "a batch needs an events list, got " + describe(events));
        }
        String batchId = body.path("batch_id").isTextual() ? body.path("batch_id").textValue() : "";
        Arrival inBatch = new Arrival(arrival.dialect(), arrival.client(), arrival.receivedAtMs(), batchId);
        List<Journal.Entry> entries = new ArrayList<>(events.size());
        List<RejectedEvent> rejected = new ArrayList<>();
        int index = 0;
        for (JsonNode node : events) {
            String field = "events[" + index + "]";
            Normalized n = Normalizer.jimbotEvent(node, inBatch, field);
            switch (n) {
                case Normalized.Accepted a -> {
                    entries.add(a.entry());
                    metrics.count(arrival.dialect(), a.entry().event().getType(), IngestMetrics.Outcome.RECEIVED);
                }
                case Normalized.Rejected r -> {
                    rejected.add(new RejectedEvent(index, r.field(), r.field() + ": " + r.message()
                            + "; expected " + r.expected()));
                    metrics.count(arrival.dialect(), typeOf(node), IngestMetrics.Outcome.REJECTED);
                }
            }
            index++;
        }
        int stored = 0;
        int duplicates = 0;
        for (Journal.Appended appended : appendDurably(entries)) {
            if (appended instanceof Journal.Appended.Stored) {
                stored++;
            } else {
                duplicates++;
            }
        }
        return new BatchReceipt(stored, duplicates, rejected);
    }

    /** One JimBot event ({@code POST /api/v1/events}); blocks until durable. */
    public EventReceipt acceptJimbotEvent(JsonNode body, Arrival arrival) {
        return single(Normalizer.jimbotEvent(body, arrival, ""), arrival, body);
    }

    /** One standalone message ({@code POST /game-data}); blocks until durable. */
    public EventReceipt acceptStandalone(JsonNode body, Arrival arrival) {
        return single(Normalizer.standaloneMessage(body, arrival), arrival, body);
    }

    private EventReceipt single(Normalized normalized, Arrival arrival, JsonNode body) {
        return switch (normalized) {
            case Normalized.Rejected r -> {
                metrics.count(arrival.dialect(), typeOf(body), IngestMetrics.Outcome.REJECTED);
                throw new InvalidArgumentException(r.field(), r.expected(), r.field() + ": " + r.message());
            }
            case Normalized.Accepted a -> {
                metrics.count(arrival.dialect(), a.entry().event().getType(), IngestMetrics.Outcome.RECEIVED);
                Journal.Appended appended = appendDurably(List.of(a.entry())).get(0);
                yield receipt(a.entry().event(), appended);
            }
        };
    }

    private EventReceipt receipt(Event sent, Journal.Appended appended) {
        return switch (appended) {
            case Journal.Appended.Stored s -> new EventReceipt(sent.getEventId(), s.offset(), false,
                    s.event().getGameId(), sent.getTopic());
            case Journal.Appended.Duplicate d -> new EventReceipt(sent.getEventId(), d.offset(), true,
                    stored(d.offset()).map(Event::getGameId).orElse(""), sent.getTopic());
        };
    }

    private Optional<Event> stored(long offset) {
        List<Event> one = journal.read(offset, 1);
        return one.isEmpty() || one.get(0).getOffset() != offset ? Optional.empty() : Optional.of(one.get(0));
    }

    /** Appends and waits until durable; counts what was stored and what was a resend. */
    private List<Journal.Appended> appendDurably(List<Journal.Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<Journal.Appended> out;
        try {
            out = journal.append(entries).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while storing events; resend them", e);
        } catch (TimeoutException e) {
            throw new UnavailableException("the journal did not confirm within " + config.ackTimeout()
                    + "; resend the events (a resend is stored once)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JournalUnavailableException) {
                throw new UnavailableException("events not stored: " + cause.getMessage() + "; resend them", cause);
            }
            throw new IllegalStateException("journal append failed", cause);
        }
        for (int i = 0; i < out.size(); i++) {
            Event e = entries.get(i).event();
            metrics.count(e.getDialect(), e.getType(), out.get(i) instanceof Journal.Appended.Stored
                    ? IngestMetrics.Outcome.STORED : IngestMetrics.Outcome.DUPLICATE);
        }
        return out;
    }

    /** A command as submitted: to a game (or the only live one), with an optional idempotency reference. */
    public record CommandRequest(Optional<String> gameId, String type, Struct payload, Optional<String> clientRef) {
    }

    /** A queued command and whether an earlier submit with the same client_ref had already queued it. */
    public record QueuedCommand(Command command, boolean duplicate) {
    }

    /** Parses {@code {"game_id":…,"type":…,"payload":{…},"client_ref":…}}. */
    public static CommandRequest commandRequest(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidArgumentException("body", "a JSON object with type and payload",
                    "a command must be a JSON object, got " + describe(body));
        }
        JsonNode type = body.path("type");
        if (!type.isTextual() || type.textValue().isBlank()) {
            throw new InvalidArgumentException("type", "a command word such as play_hand",
                    "type: expected a non-empty string, got " + describe(type));
        }
        JsonNode payload = body.path("payload");
        if (!payload.isMissingNode() && !payload.isNull() && !payload.isObject()
                && !(payload.isArray() && payload.isEmpty())) {
            throw new InvalidArgumentException("payload", "a JSON object",
                    "payload: expected an object, got " + describe(payload));
        }
        return new CommandRequest(optionalText(body.path("game_id")), type.textValue().trim(),
                JsonContent.toStruct(payload, Set.of()), optionalText(body.path("client_ref")));
    }

    /** Queues a command for its game's next poll; blocks until the queued record is durable. */
    public QueuedCommand submit(CommandRequest request) {
        String game = request.gameId().orElseGet(this::onlyLiveGame);
        List<ClientRun> players = runs.clientsOf(game);
        if (players.isEmpty()) {
            throw new NotFoundException("game_id: no client is playing game '" + game
                    + "'; commands go to a game whose client is sending events");
        }
        Dialect dialect = players.get(0).dialect();
        CommandFormat.problem(request.type(), request.payload(), dialect).ifPresent(problem -> {
            throw new InvalidArgumentException(problem.substring(0, problem.indexOf(':')),
                    dialect == Dialect.DIALECT_JIMBOT ? "a command line the JimBot mod can read" : "a standalone action",
                    problem);
        });
        long now = clock.millis();
        Command command = Command.newBuilder().setGameId(game).setType(request.type())
                .setPayload(request.payload()).setQueuedAtMs(now).setClientRef(request.clientRef().orElse("")).build();
        Event event = engineEvent(game, "QUEUED", Topics.COMMAND_QUEUED, now,
                CommandRecord.newBuilder().setCommand(command).setStage(CommandRecord.Stage.STAGE_QUEUED).build());
        ByteString key = request.clientRef()
                .map(ref -> ByteString.copyFrom(("c" + game + '\0' + ref).getBytes(StandardCharsets.UTF_8)))
                .orElse(ByteString.EMPTY);
        Journal.Appended appended = appendDurably(List.of(Journal.Entry.of(event, key))).get(0);
        return switch (appended) {
            case Journal.Appended.Stored s -> new QueuedCommand(s.event().getCommand().getCommand(), false);
            case Journal.Appended.Duplicate d -> new QueuedCommand(stored(d.offset())
                    .map(e -> e.getCommand().getCommand()).orElse(command), true);
        };
    }

    private String onlyLiveGame() {
        List<ClientRun> live = runs.live(clock.millis(), config.liveWindow());
        List<String> games = live.stream().map(ClientRun::gameId).distinct().toList();
        if (games.size() == 1) {
            return games.get(0);
        }
        if (games.isEmpty()) {
            throw new NotFoundException("game_id: no game is live (none sent an event in the last "
                    + config.liveWindow() + "); name the game");
        }
        throw new InvalidArgumentException("game_id", "one of " + games,
                String.format(Locale.ROOT, "game_id: required when %d games are live: %s", games.size(), games));
    }

    /** The game's commands still waiting for a poll, oldest first. */
    public List<Command> waiting(String gameId) {
        return commands.waiting(gameId);
    }

    /**
     * A JimBot poll from {@code client}: the lines of the commands waiting for the game that client is playing.
     * Nothing on a client's first poll (the mod drops what it gets then); the commands wait for the next one.
     */
    public List<String> pollJimbot(String client) {
        if (polledBefore.add(client)) {
            return List.of();
        }
        return deliver(client, MAX_COMMANDS_PER_POLL, CommandFormat::jimbotLine).stream()
                .map(Delivered::as).toList();
    }

    /** A standalone poll from {@code client}: the oldest waiting action of its game as JSON text, if any. */
    public Optional<String> pollStandalone(String client) {
        Instant now = clock.instant();
        return deliver(client, 1, c -> CommandFormat.standaloneAction(c, now).toString()).stream()
                .findFirst().map(Delivered::as);
    }

    private record Delivered(Command command, String as) {
    }

    private List<Delivered> deliver(String client, int max, Function<Command, String> render) {
        Optional<String> game = runs.client(client).map(ClientRun::gameId).filter(g -> !g.isEmpty());
        if (game.isEmpty()) {
            return List.of();
        }
        List<Command> taken = commands.reserve(game.get(), max);
        if (taken.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        List<Delivered> out = new ArrayList<>(taken.size());
        List<Journal.Entry> records = new ArrayList<>(taken.size());
        for (Command c : taken) {
            String as = render.apply(c);
            out.add(new Delivered(c, as));
            CommandRecord record = CommandRecord.newBuilder().setCommand(c).setStage(CommandRecord.Stage.STAGE_DELIVERED)
                    .setDeliveredAs(as).setDeliveredTo(client).setDeliveredAtMs(now).build();
            records.add(Journal.Entry.of(engineEvent(game.get(), "DELIVERED", Topics.COMMAND_DELIVERED, now, record),
                    ByteString.EMPTY));
        }
        try {
            appendDurably(records);
        } catch (RuntimeException e) {
            commands.release(taken);
            throw e;
        }
        return out;
    }

    private static Event engineEvent(String game, String subtype, String topic, long now, CommandRecord record) {
        return Event.newBuilder().setEventId(UUID.randomUUID().toString()).setType("COMMAND").setSubtype(subtype)
                .setSource(ENGINE_SOURCE).setGameId(game).setReceivedAtMs(now).setPriority(Priority.PRIORITY_NORMAL)
                .setDialect(Dialect.DIALECT_ENGINE).setTopic(topic).setCommand(record).build();
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank() ? Optional.of(node.textValue().trim()) : Optional.empty();
    }

    private static String typeOf(JsonNode node) {
        JsonNode t = node == null ? null : node.isObject() ? (node.has("type") ? node.get("type") : node.get("message_type")) : null;
        return t != null && t.isTextual() ? t.textValue().toUpperCase(Locale.ROOT) : "";
    }

    private static String describe(JsonNode node) {
        return Normalizer.describe(node);
    }
}
