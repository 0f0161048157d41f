package jimbot.journal;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jimbot.v1.Event;

/**
 * Sees every newly stored event in offset order, inside the journal's writer, and may complete it with a patch (the intake
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
        /**
         * The fields to set on {@code event} as it is stored at {@code offset}, as an Event holding only those
         * fields (the default instance when none). Returning a patch rather than the whole event lets the
         * journal encode events on the callers' threads and only append the patch in its single writer.
         */
        Event sequence(Event event, long offset);

        /** State keys changed by this group: a value to store, or empty to delete. */
        Map<String, Optional<ByteString>> changes();

        /** The group's events are durable: make its state the current state. */
        void commit();

        /** The group's write failed: forget its state changes. */
        void abort();
    }

    /**
     * Runs several sequencers on each event, as sent, and merges their patches; their patches and their state
     * keys must not overlap.
     */
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
                        Event patch = Event.getDefaultInstance();
                        for (Group g : groups) {
                            Event more = g.sequence(event, offset);
                            if (!more.equals(Event.getDefaultInstance())) {
                                patch = patch.equals(Event.getDefaultInstance()) ? more : patch.toBuilder().mergeFrom(more).build();
                            }
                        }
                        return patch;
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
                    return Event.getDefaultInstance();
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
