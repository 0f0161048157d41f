package jimbot.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jimbot.graph.store.GraphStore;

/** Everything in a graph as sorted lines of text: two graphs are equal when their dumps are. */
public final class GraphDump {

    private GraphDump() {
    }

    public static List<String> of(GraphStore store) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows(store, "MATCH (n) RETURN labels(n) AS l, properties(n) AS p")) {
            List<?> labels = new ArrayList<>((List<?>) r.get("l"));
            labels.sort(null);
            out.add("N " + labels + " " + new TreeMap<>((Map<?, ?>) r.get("p")));
        }
        for (Map<String, Object> r : rows(store, "MATCH (a)-[x]->(b) RETURN type(x) AS t, properties(x) AS p, "
                + "coalesce(a.id, a.key, a.name) AS a, coalesce(b.id, b.key, b.name) AS b")) {
            out.add("R " + r.get("a") + " -" + r.get("t") + new TreeMap<>((Map<?, ?>) r.get("p")) + "-> " + r.get("b"));
        }
        out.sort(null);
        return out;
    }

    private static List<Map<String, Object>> rows(GraphStore store, String cypher) {
        return store.read(cypher, Map.of(), Duration.ofSeconds(30), Integer.MAX_VALUE).rows();
    }
}
