package jimbot.algorithms.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jimbot.graph.procedures.Cancellation;

/**
 * Association rules between jokers in the mined runs: "runs holding all of {@code antecedent} also hold
 * {@code consequent}", from the frequent sets (every subset of a frequent set is frequent, so each rule's counts are
 * exact): support = runs holding both sides / runs, confidence = runs holding both / runs holding the antecedent,
 * lift = confidence / (share of runs holding the consequent).
 */
public final class Rules {

    /** One rule. */
    public record Rule(List<String> antecedent, String consequent, long runs, double support, double confidence, double lift) {
        public Rule {
            antecedent = List.copyOf(antecedent);
        }
    }

    private Rules() {
    }

    /** Rules with at least {@code minConfidence}, by lift then confidence, at most {@code limit}. */
    public static List<Rule> mine(KeptPatterns kept, Patterns.Outcome outcome, double minSupport,
                                  double minConfidence, int maxSize, int limit, Cancellation cancellation) {
        long mined = kept.runs(outcome);
        if (mined == 0) {
            return List.of();
        }
        Map<Set<String>, Long> frequent = kept.frequent(outcome, minSupport, 1, maxSize, cancellation);
        List<Rule> rules = new ArrayList<>();
        for (Map.Entry<Set<String>, Long> e : frequent.entrySet()) {
            if (e.getKey().size() < 2) {
                continue;
            }
            for (String consequent : e.getKey()) {
                TreeSet<String> antecedent = new TreeSet<>(e.getKey());
                antecedent.remove(consequent);
                double confidence = (double) e.getValue() / frequent.get(antecedent);
                if (confidence >= minConfidence) {
                    double base = (double) frequent.get(Set.of(consequent)) / mined;
                    rules.add(new Rule(List.copyOf(antecedent), consequent, e.getValue(), (double) e.getValue() / mined,
                            confidence, confidence / base));
                }
            }
        }
        rules.sort(Comparator.comparingDouble(Rule::lift).reversed().thenComparing(Comparator.comparingDouble(Rule::confidence)
                .reversed()).thenComparing(r -> String.join(",", r.antecedent()) + ">" + r.consequent()));
        return rules.size() > limit ? List.copyOf(rules.subList(0, limit)) : List.copyOf(rules);
    }
}
