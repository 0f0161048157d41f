package jimbot.algorithms.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 150 vanilla jokers, read from {@code jokers.tsv} (the game-facts file). Looks jokers up by key or by name as
 * the game and the mods write them, case-insensitively, including the spellings in the wild ("Gluttonous Joker"
 * for key gluttenous_joker, "Troubador", "Driver's license", "Mail-in Rebate", "Showman").
 */
public final class JokerCatalog {

    private static final JokerCatalog VANILLA = load();

    /** Other spellings seen in the game's files, the mods and calculators, by normalised name. */
    private static final Map<String, String> ALIASES = Map.of(
            "troubador", "troubadour",
            "ringmaster", "ring_master",
            "gluttenousjoker", "gluttenous_joker",
            "gluttonous", "gluttenous_joker",
            "seltzer", "selzer",
            "canio", "caino",
            "oopsall6s", "oops",
            "mailinrebate", "mail",
            "driverslicense", "drivers_license");

    private final List<JokerSpec> jokers;
    private final Map<String, JokerSpec> byKey;
    private final Map<String, JokerSpec> byName;

    private JokerCatalog(List<JokerSpec> jokers) {
        this.jokers = List.copyOf(jokers);
        Map<String, JokerSpec> keys = new HashMap<>();
        Map<String, JokerSpec> names = new HashMap<>();
        for (JokerSpec j : jokers) {
            keys.put(j.key(), j);
            names.put(Names.normal(j.name()), j);
            names.putIfAbsent(Names.normal(j.key()), j);
            names.putIfAbsent(Names.normal("j_" + j.key()), j);
        }
        this.byKey = Map.copyOf(keys);
        this.byName = Map.copyOf(names);
    }

    /** The vanilla catalog. */
    public static JokerCatalog vanilla() {
        return VANILLA;
    }

    /** Every joker, in collection order. */
    public List<JokerSpec> all() {
        return jokers;
    }

    /** By save key ("greedy_joker"), exactly. */
    public Optional<JokerSpec> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** By name or key as anyone writes it: "Greedy Joker", "greedy joker", "j_greedy_joker", "Showman". */
    public Optional<JokerSpec> find(String nameOrKey) {
        String n = Names.normal(nameOrKey);
        JokerSpec direct = byName.get(n);
        if (direct != null) {
            return Optional.of(direct);
        }
        String alias = ALIASES.get(n);
        if (alias != null) {
            return Optional.ofNullable(byKey.get(alias));
        }
        if (n.startsWith("the")) {
            return Optional.ofNullable(byName.get(n.substring(3)));
        }
        return Optional.ofNullable(byName.get("the" + n));
    }

    private static JokerCatalog load() {
        try (InputStream in = JokerCatalog.class.getResourceAsStream("jokers.tsv")) {
            if (in == null) {
                throw new IllegalStateException("jokers.tsv is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            List<String> columns = Arrays.asList(header.split("\t"));
            int order = columns.indexOf("order");
            int key = columns.indexOf("key");
            int name = columns.indexOf("name");
            int rarity = columns.indexOf("rarity");
            int cost = columns.indexOf("cost");
            int type = columns.indexOf("type");
            int timing = columns.indexOf("timing");
            int flags = columns.indexOf("flags");
            int bp = columns.indexOf("blueprint_compatible");
            int effect = columns.indexOf("effect");
            List<JokerSpec> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Set<String> flagSet = f[flags].isBlank() ? Set.of() : Set.of(f[flags].split(","));
                out.add(new JokerSpec(Integer.parseInt(f[order].trim()), f[key].trim(), f[name].trim(),
                        Rarity.ofLetter(f[rarity]), Integer.parseInt(f[cost].trim()), f[type].trim(), f[timing].trim(),
                        flagSet, f[bp].trim().equals("y"), f[effect].trim()));
            }
            return new JokerCatalog(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jokers.tsv", e);
        }
    }
}
