package jimbot.journal;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jimbot.v1.Event;

/**
 * Sees every newly stored event in offset order, inside the journal's writer, and may complete it (the intake
 * assigns game ids this way, after dedupe, so a resend never moves a run boundary). Its state is persisted in
 * the same atomic write as the events that changed it.
 */
public interface Sequencer {

    /** Restores the state persisted by earlier runs; called once, before the first group. */
    void restore(Journal.StateView state);

    /** Starts the sequencing of one write group; groups never overlap. */
    Group begin();

    /** One write group: sequence events, hand over the state changes, then commit or abort. */
    interface Group {
        /** The event as it is to be stored at {@code offset}. */
        Event sequence(Event event, long offset);

        /** State keys changed by this group: a value to store, or empty to delete. */
        Map<String, Optional<ByteString>> changes();

        /** The group's events are durable: make its state the current state. */
        void commit();

        /** The group's write failed: forget its state changes. */
        void abort();
    }

    /** Runs several sequencers in order on each event; their state keys must not overlap. */
    static Sequencer chain(Sequencer... steps) {
        List<Sequencer> all = List.of(steps);
        return new Sequencer() {
            @Override
            public void restore(Journal.StateView state) {
                all.forEach(s -> s.restore(state));
            }

            @Override
            public Group begin() {
                List<Group> groups = all.stream().map(Sequencer::begin).toList();
                return new Group() {
                    @Override
                    public Event sequence(Event event, long offset) {
                        Event out = event;
                        for (Group g : groups) {
                            out = g.sequence(out, offset);
                        }
                        return out;
                    }

                    @Override
                    public Map<String, Optional<ByteString>> changes() {
                        Map<String, Optional<ByteString>> merged = new LinkedHashMap<>();
                        groups.forEach(g -> merged.putAll(g.changes()));
                        return merged;
                    }

                    @Override
                    public void commit() {
                        groups.forEach(Group::commit);
                    }

                    @Override
                    public void abort() {
                        groups.forEach(Group::abort);
                    }
                };
            }
        };
    }

    /** A sequencer that passes events through unchanged and keeps no state. */
    Sequencer NONE = new Sequencer() {
        @Override
        public void restore(Journal.StateView state) {
        }

        @Override
        public Group begin() {
            return new Group() {
                @Override
                public Event sequence(Event event, long offset) {
                    return event;
                }

                @Override
                public Map<String, Optional<ByteString>> changes() {
                    return Map.of();
                }

                @Override
                public void commit() {
                }

                @Override
                public void abort() {
                }
            };
        }
    };
}
