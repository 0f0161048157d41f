package jimbot.coordinator;

import java.util.List;
import java.util.Optional;

/** One kind of resource: whether a request can ever be granted, taking it now if it fits, giving it back. */
interface Pool {

    Kind kind();

    /** Why the request must be denied at once (it can never fit, or policy refuses it); empty when it may wait. */
    Optional<String> refuse(Request r);

    /** Takes what the request needs if it fits now; the lease's device and reservations filled in. */
    Optional<Lease> take(Request r, Lease draft);

    /** Returns what a lease held. */
    void giveBack(Lease lease);

    /** Why the request does not fit now, for a denial after its timeout. */
    String busy(Request r);

    long capacity();

    long allocated();

    /** Nanoseconds until the request may fit with nothing given back (rate limits refill); 0: only a release helps. */
    default long nanosUntilFits(Request r) {
        return 0;
    }

    /** A pool that counts units against one capacity (CPU cores). */
    static Pool counting(Kind kind, long capacity, String unit) {
        return new Pool() {
            private long used;

            @Override
            public Kind kind() {
                return kind;
            }

            @Override
            public Optional<String> refuse(Request r) {
                return r.quantity() > capacity ? Optional.of("asks for " + r.quantity() + " " + unit + "; only " + capacity
                        + " exist") : Optional.empty();
            }

            @Override
            public Optional<Lease> take(Request r, Lease draft) {
                if (used + r.quantity() > capacity) {
                    return Optional.empty();
                }
                used += r.quantity();
                return Optional.of(draft);
            }

            @Override
            public void giveBack(Lease lease) {
                used -= lease.request().quantity();
            }

            @Override
            public String busy(Request r) {
                return (capacity - used) + " of " + capacity + " " + unit + " free, " + r.quantity() + " asked";
            }

            @Override
            public long capacity() {
                return capacity;
            }

            @Override
            public long allocated() {
                return used;
            }
        };
    }

    /** GPUs: each lease takes memory on one device and one of its slots (one slot: exclusive time slices). */
    final class Gpus implements Pool {
        private final int[] capacityMb;
        private final int[] usedMb;
        private final int[] holders;
        private final int slots;

        Gpus(List<Integer> devicesMb, int slots) {
            this.capacityMb = devicesMb.stream().mapToInt(Integer::intValue).toArray();
            this.usedMb = new int[capacityMb.length];
            this.holders = new int[capacityMb.length];
            this.slots = slots;
        }

        @Override
        public Kind kind() {
            return Kind.GPU;
        }

        @Override
        public Optional<String> refuse(Request r) {
            int largest = java.util.Arrays.stream(capacityMb).max().orElse(0);
            return r.quantity() > largest ? Optional.of("asks for " + r.quantity() + " MB of GPU memory; the largest GPU has "
                    + largest + " MB") : Optional.empty();
        }

        @Override
        public Optional<Lease> take(Request r, Lease draft) {
            for (int d = 0; d < capacityMb.length; d++) {
                if (holders[d] < slots && usedMb[d] + r.quantity() <= capacityMb[d]) {
                    holders[d]++;
                    usedMb[d] += r.quantity();
                    return Optional.of(new Lease(draft.request(), draft.token(), draft.grantedAt(), draft.expiresAt(), d,
                            0, 0, ""));
                }
            }
            return Optional.empty();
        }

        @Override
        public void giveBack(Lease lease) {
            holders[lease.device()]--;
            usedMb[lease.device()] -= lease.request().quantity();
        }

        @Override
        public String busy(Request r) {
            StringBuilder b = new StringBuilder();
            for (int d = 0; d < capacityMb.length; d++) {
                b.append(d == 0 ? "" : "; ").append("GPU ").append(d).append(": ").append(holders[d]).append('/').append(slots)
                        .append(" slots, ").append(capacityMb[d] - usedMb[d]).append(" MB free");
            }
            return b + " (" + r.quantity() + " MB asked)";
        }

        @Override
        public long capacity() {
            return java.util.Arrays.stream(capacityMb).asLongStream().sum();
        }

        @Override
        public long allocated() {
            return java.util.Arrays.stream(usedMb).asLongStream().sum();
        }
    }

    /** Host memory: one capacity, and per-component budgets. */
    final class Memory implements Pool {
        private final long capacity;
        private final java.util.Map<String, Integer> budgets;
        private final java.util.Map<String, Long> usedByBudget = new java.util.HashMap<>();
        private final boolean queueOverBudget;
        private long used;

        Memory(long capacity, java.util.Map<String, Integer> budgets, boolean queueOverBudget) {
            this.capacity = capacity;
            this.budgets = budgets;
            this.queueOverBudget = queueOverBudget;
        }

        /** The budget a component draws on: its own name, or the budget its name starts with ("ray_rllib" → "ray"). */
        Optional<String> budgetOf(String component) {
            if (budgets.containsKey(component)) {
                return Optional.of(component);
            }
            return budgets.keySet().stream().filter(k -> component.startsWith(k + "_")).max(java.util.Comparator.comparingInt(String::length));
        }

        @Override
        public Kind kind() {
            return Kind.MEMORY;
        }

        @Override
        public Optional<String> refuse(Request r) {
            if (r.quantity() > capacity) {
                return Optional.of("asks for " + r.quantity() + " MB; the host shares " + capacity + " MB");
            }
            Optional<String> budget = budgetOf(r.component());
            if (budget.isPresent()) {
                long limit = budgets.get(budget.get());
                long held = usedByBudget.getOrDefault(budget.get(), 0L);
                if (r.quantity() > limit || !queueOverBudget && held + r.quantity() > limit) {
                    return Optional.of("over the '" + budget.get() + "' budget: " + held + " of " + limit + " MB held, "
                            + r.quantity() + " asked");
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<Lease> take(Request r, Lease draft) {
            Optional<String> budget = budgetOf(r.component());
            long held = budget.map(b -> usedByBudget.getOrDefault(b, 0L)).orElse(0L);
            if (used + r.quantity() > capacity || budget.isPresent() && held + r.quantity() > budgets.get(budget.get())) {
                return Optional.empty();
            }
            used += r.quantity();
            budget.ifPresent(b -> usedByBudget.merge(b, (long) r.quantity(), Long::sum));
            return Optional.of(draft);
        }

        @Override
        public void giveBack(Lease lease) {
            used -= lease.request().quantity();
            budgetOf(lease.request().component()).ifPresent(b -> usedByBudget.merge(b, -(long) lease.request().quantity(), Long::sum));
        }

        @Override
        public String busy(Request r) {
            return (capacity - used) + " of " + capacity + " MB free" + budgetOf(r.component())
                    .map(b -> ", budget '" + b + "' " + usedByBudget.getOrDefault(b, 0L) + " of " + budgets.get(b) + " MB held")
                    .orElse("") + ", " + r.quantity() + " MB asked";
        }

        @Override
        public long capacity() {
            return capacity;
        }

        @Override
        public long allocated() {
            return used;
        }
    }
}
