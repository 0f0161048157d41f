package jimbot.graph.procedures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import jimbot.graph.projection.ChangeFeed;

/** Every procedure module on the class path, by name; checks calls against each module's descriptor. */
public final class ProcedureRegistry {

    private static final System.Logger LOG = System.getLogger(ProcedureRegistry.class.getName());

    private final Map<String, ProcedureModule> modules;

    private ProcedureRegistry(List<ProcedureModule> found) {
        Map<String, ProcedureModule> byName = new TreeMap<>();
        for (ProcedureModule m : found) {
            ProcedureModule clash = byName.put(m.descriptor().name(), m);
            if (clash != null) {
                throw new IllegalStateException("two procedure modules are named " + m.descriptor().name() + ": "
                        + clash.getClass().getName() + " and " + m.getClass().getName());
            }
        }
        this.modules = byName;
    }

    /** The modules {@link ServiceLoader} finds, subscribed to {@code feed} for incremental updates. */
    public static ProcedureRegistry load(ClassLoader loader, ChangeFeed feed) {
        List<ProcedureModule> found = new ArrayList<>();
        ServiceLoader.load(ProcedureModule.class, loader).forEach(found::add);
        ProcedureRegistry r = of(found);
        r.modules.values().forEach(m -> feed.listen(m.descriptor().name(), m::onDeltas));
        LOG.log(System.Logger.Level.INFO, "procedures loaded names={0}", r.modules.keySet());
        return r;
    }

    /** A registry of these modules (tests). */
    public static ProcedureRegistry of(List<ProcedureModule> modules) {
        return new ProcedureRegistry(modules);
    }

    public List<Descriptor> descriptors() {
        return modules.values().stream().map(ProcedureModule::descriptor)
                .sorted(Comparator.comparing(Descriptor::name)).toList();
    }

    public Optional<ProcedureModule> find(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    /** Calls a module after checking the mode and every parameter (names, types, ranges), filling defaults. */
    public List<Map<String, Object>> call(String name, Mode mode, Map<String, Object> params, ProcedureContext context) {
        ProcedureModule module = find(name).orElseThrow(() -> new java.util.NoSuchElementException(
                "no procedure named '" + name + "'; known: " + modules.keySet()));
        Descriptor d = module.descriptor();
        if (!d.modes().contains(mode)) {
            throw new InvalidParameterException("mode", "one of " + new TreeSet<>(d.modes()),
                    name + " does not support mode " + mode.name().toLowerCase(Locale.ROOT));
        }
        return module.call(mode, checked(d, params), context);
    }

    static Map<String, Object> checked(Descriptor d, Map<String, Object> params) {
        Map<String, Descriptor.Parameter> declared = new LinkedHashMap<>();
        d.parameters().forEach(p -> declared.put(p.name(), p));
        for (String given : params.keySet()) {
            if (!declared.containsKey(given)) {
                throw new InvalidParameterException(given, "one of " + declared.keySet(),
                        d.name() + " has no parameter '" + given + "'");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Descriptor.Parameter p : d.parameters()) {
            Object v = params.get(p.name());
            if (v == null) {
                if (p.fallback().isEmpty()) {
                    throw new InvalidParameterException(p.name(), p.type().word(), d.name() + " needs parameter '" + p.name() + "'");
                }
                out.put(p.name(), p.fallback().get());
                continue;
            }
            if (!p.type().accepts(v)) {
                throw new InvalidParameterException(p.name(), p.type().word(), String.format(Locale.ROOT,
                        "%s: parameter '%s' is %s; expected %s", d.name(), p.name(), v, p.type().word()));
            }
            Object n = p.type().normalise(v);
            if (n instanceof Number num) {
                double x = num.doubleValue();
                if (Double.isNaN(x) || p.min().isPresent() && x < p.min().get() || p.max().isPresent() && x > p.max().get()) {
                    String range = bound(p, p.min(), "-inf") + ".." + bound(p, p.max(), "inf");
                    String expected = (p.type() == ValueType.INTEGER ? "a whole number in " : "a value in ") + range;
                    throw new InvalidParameterException(p.name(), expected, String.format(Locale.ROOT,
                            "%s: parameter '%s' is %s; expected %s", d.name(), p.name(), v, expected));
                }
            }
            out.put(p.name(), n);
        }
        return out;
    }

    /** A range bound as the parameter's type writes it: 0..100 for an integer, 0.0001..1.0 for a float. */
    private static String bound(Descriptor.Parameter p, Optional<Double> b, String none) {
        if (b.isEmpty()) {
            return none;
        }
        double x = b.get();
        return p.type() == ValueType.INTEGER && x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                : Double.toString(x);
    }
}
