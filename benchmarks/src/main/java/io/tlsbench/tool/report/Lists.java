package io.tlsbench.tool.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The few list operations the report's tables and charts are built from. */
public final class Lists {

    private Lists() {
    }

    /** Distinct values in first-seen order. */
    public static <T, V> List<V> distinct(List<T> xs, Function<T, V> f) {
        Set<V> s = new LinkedHashSet<>();
        for (T x : xs) {
            s.add(f.apply(x));
        }
        return new ArrayList<>(s);
    }

    public static <T> List<T> filter(List<T> xs, Predicate<T> p) {
        List<T> out = new ArrayList<>();
        for (T x : xs) {
            if (p.test(x)) {
                out.add(x);
            }
        }
        return out;
    }

    /** The preferred value if present, else the first; null for none. */
    public static <T> T prefer(List<T> values, T preferred) {
        if (values.contains(preferred)) {
            return preferred;
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
