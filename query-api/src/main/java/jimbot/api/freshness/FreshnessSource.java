package jimbot.api.freshness;

import java.time.Clock;
import java.util.Optional;
import jimbot.graph.projection.ChangeFeed;
import jimbot.journal.Freshness;
import jimbot.journal.Journal;

/**
 * Where each kind of answer learns how fresh it is. Taken before the answer is computed, so an answer never claims
 * more than it reflects.
 */
public interface FreshnessSource {

    /** Answers from the graph database or the live projection: as of the projector's last committed batch. */
    Freshness graph();

    /** Answers of a module on the change feed: as of the last deltas it applied; stale when it failed. */
    Freshness module(String name);

    /** Answers computed from the request, or read from the journal now. */
    Freshness journal();

    /** The engine's: the journal's end and the change feed's listeners. */
    static FreshnessSource of(Journal journal, ChangeFeed feed, Clock clock) {
        return new FreshnessSource() {
            @Override
            public Freshness graph() {
                return Freshness.of(journal, feed.asOfOffset(), clock);
            }

            @Override
            public Freshness module(String name) {
                return feed.status(name).map(s -> Freshness.of(journal, s.asOfOffset(), s.failed(), clock))
                        .orElseGet(this::graph); // a module that keeps nothing of its own reads the projection
            }

            @Override
            public Freshness journal() {
                return Freshness.current(journal);
            }
        };
    }

    /** Answers with no journal behind them (tests of a service on its own): nothing reflected yet. */
    FreshnessSource NONE = new FreshnessSource() {
        private final Freshness none = new Freshness(-1, 0, 0, Optional.empty());

        @Override
        public Freshness graph() {
            return none;
        }

        @Override
        public Freshness module(String name) {
            return none;
        }

        @Override
        public Freshness journal() {
            return none;
        }
    };
}
