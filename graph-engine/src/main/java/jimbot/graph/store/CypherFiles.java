package jimbot.graph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code cypher} module's files from the class path: schema per dialect, the projector's statements,
 * and the named analyst queries (listed in {@code queries/INDEX}, each with a header saying what it answers and its
 * parameters).
 */
public final class CypherFiles {

    private static final String ROOT = "/jimbot/cypher/";

    private CypherFiles() {
    }

    /** The text of one file, e.g. {@code projector/runs.cypher}. */
    public static String text(String path) {
        try (InputStream in = CypherFiles.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("cypher file " + path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cypher file " + path, e);
        }
    }

    /** A projector statement without its comment lines. */
    public static String statement(String path) {
        return withoutComments(text(path));
    }

    /** The schema statements for a dialect, one per statement (';'-terminated). */
    public static List<String> schema(Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (String part : withoutComments(text(dialect.schemaFile())).split(";")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Every named analyst query. */
    public static List<NamedQuery> queries() {
        List<NamedQuery> out = new ArrayList<>();
        for (String name : text("queries/INDEX").split("\\R")) {
            if (!name.isBlank()) {
                out.add(query(name.trim()));
            }
        }
        return out;
    }

    /** One named analyst query. */
    public static Optional<NamedQuery> query(String name, List<NamedQuery> all) {
        return all.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    private static NamedQuery query(String name) {
        String text = text("queries/" + name + ".cypher");
        String answers = "";
        List<NamedQuery.Param> params = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.trim();
            if (!l.startsWith("//")) {
                continue;
            }
            String c = l.substring(2).trim();
            if (c.startsWith("answers:")) {
                answers = c.substring("answers:".length()).trim();
            } else if (c.startsWith("param:")) {
                String[] f = c.substring("param:".length()).trim().split("\\s+", 4);
                if (f.length < 3) {
                    throw new IllegalStateException("query " + name + ": bad param line '" + l + "'");
                }
                NamedQuery.Type type = NamedQuery.Type.valueOf(f[1].toUpperCase(Locale.ROOT));
                Optional<Object> fallback = f[2].equals("-") ? Optional.empty() : Optional.of(type.parse(f[2]));
                params.add(new NamedQuery.Param(f[0], type, fallback, f.length > 3 ? f[3] : ""));
            }
        }
        if (answers.isEmpty()) {
            throw new IllegalStateException("query " + name + " has no '// answers:' header");
        }
        return new NamedQuery(name, answers, params, withoutComments(text));
    }

    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.trim().startsWith("//")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().trim();
    }
}
