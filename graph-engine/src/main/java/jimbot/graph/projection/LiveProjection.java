package jimbot.graph.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import jimbot.graph.store.GraphStore;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The in-memory projection: runs with the jokers they held, the hands they scored and their outcomes, and a JGraphT
 * graph of jokers whose edge weights count the runs that held both. Rebuilt from the graph database at start, then
 * kept live by the projector's deltas. Reads and updates are safe from any thread.
 */
public final class LiveProjection implements ProjectionView {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SimpleWeightedGraph<String, DefaultWeightedEdge> jokers = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    private final Map<String, RunRecord> runs = new HashMap<>();

    /** A projection loaded from the database (every run with its jokers, scored hands and outcome). */
    public static LiveProjection load(GraphStore store) {
        LiveProjection p = new LiveProjection();
        GraphStore.Rows rows = store.read("""
                MATCH (r:Run)
                OPTIONAL MATCH (r)-[:HELD]->(j:Joker)
                RETURN r.id AS id, r.started AS started, r.ended AS ended, r.won AS won, r.final_ante AS ante,
                       r.final_score AS score, collect(DISTINCT j.key) AS jokers""", Map.of(), Duration.ofMinutes(5),
                Integer.MAX_VALUE);
        List<ProjectionDelta> deltas = new ArrayList<>();
        for (Map<String, Object> row : rows.rows()) {
            String id = (String) row.get("id");
            deltas.add(new ProjectionDelta.RunStarted(id, row.get("started") instanceof Number n ? n.longValue() : 0));
            for (Object key : (List<?>) row.get("jokers")) {
                deltas.add(new ProjectionDelta.JokerHeld(id, (String) key));
            }
            if (row.get("ended") != null) {
                deltas.add(new ProjectionDelta.RunFinished(id, Boolean.TRUE.equals(row.get("won")),
                        row.get("ante") instanceof Number n ? n.intValue() : 0,
                        row.get("score") instanceof Number n ? n.doubleValue() : 0));
            }
        }
        // every hand the projector writes carries an offset and so was fed live as HandScored; a hand holding no joker
        // has no WITH_JOKER match and keeps an empty set
        GraphStore.Rows hands = store.read("""
                MATCH (r:Run)-[:PLAYED_ROUND]->(:Round)-[:PLAYED]->(h:Hand)
                OPTIONAL MATCH (h)-[:WITH_JOKER]->(j:Joker)
                RETURN r.id AS run, h.id AS id, h.score AS score, collect(DISTINCT j.key) AS jokers""", Map.of(),
                Duration.ofMinutes(5), Integer.MAX_VALUE);
        for (Map<String, Object> row : hands.rows()) {
            List<String> keys = new ArrayList<>();
            for (Object key : (List<?>) row.get("jokers")) {
                keys.add((String) key);
            }
            deltas.add(new ProjectionDelta.HandScored((String) row.get("run"), (String) row.get("id"),
                    row.get("score") instanceof Number n ? n.doubleValue() : 0, keys));
        }
        p.apply(deltas);
        return p;
    }

    /** Applies deltas in order (the change feed calls this). */
    public void apply(List<ProjectionDelta> deltas) {
        lock.writeLock().lock();
        try {
            for (ProjectionDelta d : deltas) {
                RunRecord run = runs.computeIfAbsent(d.runId(), RunRecord::new);
                switch (d) {
                    case ProjectionDelta.RunStarted s -> {
                        // the record exists now
                    }
                    case ProjectionDelta.JokerHeld h -> {
                        if (run.jokers.add(h.jokerKey())) {
                            jokers.addVertex(h.jokerKey());
                            for (String other : run.jokers) {
                                if (!other.equals(h.jokerKey())) {
                                    DefaultWeightedEdge e = jokers.getEdge(other, h.jokerKey());
                                    if (e == null) {
                                        e = jokers.addEdge(other, h.jokerKey());
                                        jokers.setEdgeWeight(e, 1);
                                    } else {
                                        jokers.setEdgeWeight(e, jokers.getEdgeWeight(e) + 1);
                                    }
                                }
                            }
                        }
                    }
                    case ProjectionDelta.HandScored h -> run.scored(h);
                    case ProjectionDelta.RunFinished f -> {
                        run.finished = true;
                        run.won = f.won();
                        run.finalAnte = f.finalAnte();
                        run.finalScore = f.finalScore();
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Set<String> jokers() {
        lock.readLock().lock();
        try {
            return Set.copyOf(jokers.vertexSet());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Collection<RunView> runs() {
        lock.readLock().lock();
        try {
            List<RunView> out = new ArrayList<>(runs.size());
            for (RunRecord r : runs.values()) {
                out.add(r.view());
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<RunView> run(String id) {
        lock.readLock().lock();
        try {
            RunRecord r = runs.get(id);
            return r == null ? Optional.empty() : Optional.of(r.view());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<HandView> hands(String runId) {
        lock.readLock().lock();
        try {
            RunRecord r = runs.get(runId);
            return r == null ? List.of() : r.hands.hands();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int together(String a, String b) {
        lock.readLock().lock();
        try {
            DefaultWeightedEdge e = a.equals(b) || !jokers.containsVertex(a) || !jokers.containsVertex(b) ? null
                    : jokers.getEdge(a, b);
            return e == null ? 0 : (int) jokers.getEdgeWeight(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Counts for health and graph.stats-like checks. */
    public int runCount() {
        lock.readLock().lock();
        try {
            return runs.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static final class RunRecord {
        final String id;
        final Set<String> jokers = new HashSet<>();
        boolean finished;
        boolean won;
        int finalAnte;
        double finalScore;
        /** By hand id, so a re-delivered hand replaces the one seen before and views list hands in one order. */
        final HandLedger hands;

        RunRecord(String id) {
            this.id = id;
            this.hands = new HandLedger(id);
        }

        void scored(ProjectionDelta.HandScored h) {
            hands.put(h.handId(), h.score(), Set.copyOf(h.jokerKeys()));
        }

        RunView view() {
            return new RunView(id, jokers, finished, won, finalAnte, finalScore);
        }
    }
}
