package jimbot.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every .cypher file stays portable to Memgraph (the issue's rules), and every named query is indexed and documented. */
class CypherLintTest {

    static final Path ROOT = Path.of("../cypher/src/main/resources/jimbot/cypher");

    /** Constructs Memgraph does not run, with why. */
    static final List<Rule> RULES = List.of(
            new Rule("CALL {...} IN TRANSACTIONS", Pattern.compile("IN\\s+TRANSACTIONS", Pattern.CASE_INSENSITIVE)),
            new Rule("COUNT {} subquery", Pattern.compile("\\bCOUNT\\s*\\{", Pattern.CASE_INSENSITIVE)),
            new Rule("COLLECT {} subquery", Pattern.compile("\\bCOLLECT\\s*\\{", Pattern.CASE_INSENSITIVE)),
            new Rule("EXISTS {} subquery", Pattern.compile("\\bEXISTS\\s*\\{", Pattern.CASE_INSENSITIVE)),
            new Rule("CALL {} subquery", Pattern.compile("\\bCALL\\s*\\{", Pattern.CASE_INSENSITIVE)),
            new Rule("type predicate IS ::", Pattern.compile("\\bIS\\s+(NOT\\s+)?::", Pattern.CASE_INSENSITIVE)),
            new Rule("quantified path pattern", Pattern.compile("\\)\\s*\\{\\s*\\d*\\s*,?\\s*\\d*\\s*\\}|\\)\\s*[+*]\\s*\\(")),
            new Rule("APOC call", Pattern.compile("\\bapoc\\.", Pattern.CASE_INSENSITIVE)),
            new Rule("GDS call", Pattern.compile("\\bgds\\.", Pattern.CASE_INSENSITIVE)),
            new Rule("old {param} syntax", Pattern.compile("(?<![:\\w])\\{\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\}")));

    record Rule(String what, Pattern pattern) {
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
    }

    @Test
    void everyFileFollowsMemgraphsPortabilityRules() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThan(30);
        for (Path f : files) {
            if (f.toString().contains("schema")) {
                continue; // DDL is per dialect by design
            }
            String cypher = CypherFiles.withoutComments(Files.readString(f));
            for (Rule rule : RULES) {
                assertThat(rule.pattern().matcher(cypher).find()).as("%s uses %s", f.getFileName(), rule.what()).isFalse();
            }
        }
    }

    @Test
    void theLintCatchesWhatItMustCatch() {
        assertThat(violates("MATCH (n) CALL { WITH n SET n.x = 1 } IN TRANSACTIONS")).isTrue();
        assertThat(violates("MATCH (n) WHERE COUNT { (n)--() } > 1 RETURN n")).isTrue();
        assertThat(violates("MATCH (n) WHERE n.x IS :: INTEGER RETURN n")).isTrue();
        assertThat(violates("MATCH p = (a)((x)-[]->(y)){1,3}(b) RETURN p")).isTrue();
        assertThat(violates("CALL apoc.help('x')")).isTrue();
        assertThat(violates("CALL gds.pageRank.stream('g')")).isTrue();
        assertThat(violates("MATCH (n {id: {id}}) RETURN n")).isTrue();
        assertThat(violates("MATCH (r:Run {won: true}) RETURN count(r) LIMIT $limit")).isFalse();
    }

    private static boolean violates(String cypher) {
        return RULES.stream().anyMatch(r -> r.pattern().matcher(cypher).find());
    }

    @Test
    void everyNamedQueryIsIndexedAndSaysWhatItAnswers() throws IOException {
        List<String> onDisk;
        try (Stream<Path> s = Files.list(ROOT.resolve("queries"))) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cypher"))
                    .map(n -> n.substring(0, n.length() - ".cypher".length())).sorted().toList();
        }
        List<NamedQuery> queries = CypherFiles.queries();
        assertThat(queries).extracting(NamedQuery::name).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(15);
        for (NamedQuery q : queries) {
            assertThat(q.answers()).as(q.name()).isNotBlank();
            for (String used : paramsUsed(q.cypher())) {
                assertThat(q.params()).as("%s declares $%s", q.name(), used).extracting(NamedQuery.Param::name).contains(used);
            }
        }
    }

    private static List<String> paramsUsed(String cypher) {
        return Pattern.compile("\\$([a-zA-Z_][a-zA-Z0-9_]*)").matcher(cypher).results().map(m -> m.group(1)).distinct().toList();
    }
}
