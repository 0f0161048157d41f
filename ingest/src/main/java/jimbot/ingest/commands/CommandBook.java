package jimbot.ingest.commands;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import jimbot.journal.Journal;
import jimbot.journal.Sequencer;
import jimbot.v1.Command;
import jimbot.v1.CommandRecord;
import jimbot.v1.Dialect;
import jimbot.v1.Event;

/**
 * Commands waiting for their game's poll. A command exists once its {@code game.command.queued} record is durable
 * (its sequence is that record's offset) and stops waiting once its {@code game.command.delivered} record is;
 * the waiting set is kept in the journal's state, so it survives a restart.
 */
public final class CommandBook implements Sequencer {

    static final String KEY_PREFIX = "cmd/";

    private final Map<String, TreeMap<Long, Command>> pending = new HashMap<>();
    private final Set<Long> reserved = new HashSet<>();

    @Override
    public synchronized void restore(Journal.StateView state) {
        for (Map.Entry<String, ByteString> e : state.state(KEY_PREFIX).entrySet()) {
            try {
                Command c = Command.parseFrom(e.getValue());
                pending.computeIfAbsent(c.getGameId(), g -> new TreeMap<>()).put(c.getSequence(), c);
            } catch (InvalidProtocolBufferException ex) {
                throw new IllegalStateException("unreadable command state under " + e.getKey(), ex);
            }
        }
    }

    @Override
    public Group begin() {
        return new BookGroup();
    }

    /**
     * Takes up to {@code max} of the game's waiting commands, oldest first, for delivery. They stay reserved
     * (no other poll gets them) until their delivery is journaled or {@link #release}d.
     */
    public synchronized List<Command> reserve(String gameId, int max) {
        List<Command> out = new ArrayList<>();
        TreeMap<Long, Command> waiting = pending.get(gameId);
        if (waiting == null) {
            return out;
        }
        for (Command c : waiting.values()) {
            if (out.size() >= max) {
                break;
            }
            if (reserved.add(c.getSequence())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Returns reserved commands whose delivery could not be journaled, so a later poll gets them. */
    public synchronized void release(List<Command> commands) {
        commands.forEach(c -> reserved.remove(c.getSequence()));
    }

    /** The game's waiting commands, oldest first. */
    public synchronized List<Command> waiting(String gameId) {
        TreeMap<Long, Command> waiting = pending.get(gameId);
        return waiting == null ? List.of() : List.copyOf(waiting.values());
    }

    static String key(long sequence) {
        return KEY_PREFIX + String.format(Locale.ROOT, "%020d", sequence);
    }

    private final class BookGroup implements Group {
        private final Map<Long, Command> added = new LinkedHashMap<>();
        private final Set<Long> delivered = new HashSet<>();

        @Override
        public Event sequence(Event event, long offset) {
            if (event.getDialect() != Dialect.DIALECT_ENGINE || !event.hasCommand()) {
                return Event.getDefaultInstance();
            }
            CommandRecord record = event.getCommand();
            switch (record.getStage()) {
                case STAGE_QUEUED -> {
                    Command command = record.getCommand().toBuilder().setSequence(offset).setGameId(event.getGameId()).build();
                    added.put(offset, command);
                    return Event.newBuilder().setCommand(CommandRecord.newBuilder().setCommand(
                            Command.newBuilder().setSequence(offset).setGameId(event.getGameId()))).build();
                }
                case STAGE_DELIVERED -> delivered.add(record.getCommand().getSequence());
                case STAGE_UNSPECIFIED, UNRECOGNIZED -> {
                    // a record that changes nothing
                }
            }
            return Event.getDefaultInstance();
        }

        @Override
        public Map<String, Optional<ByteString>> changes() {
            Map<String, Optional<ByteString>> out = new LinkedHashMap<>();
            added.forEach((seq, c) -> out.put(key(seq), Optional.of(c.toByteString())));
            delivered.forEach(seq -> out.put(key(seq), Optional.empty()));
            return out;
        }

        @Override
        public void commit() {
            synchronized (CommandBook.this) {
                added.values().forEach(c -> pending.computeIfAbsent(c.getGameId(), g -> new TreeMap<>()).put(c.getSequence(), c));
                for (Long seq : delivered) {
                    reserved.remove(seq);
                    pending.values().forEach(m -> m.remove(seq));
                }
                pending.values().removeIf(TreeMap::isEmpty);
            }
        }

        @Override
        public void abort() {
            added.clear();
            delivered.clear();
        }
    }
}
