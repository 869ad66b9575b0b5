package io.tlsbench.tool.run;

import io.tlsbench.bench.axis.Axis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Values for some of a benchmark class's axes, in order; JMH runs their cross product. An axis
 * left out keeps the class's own @Param list. Printed with the axes' labels, as the run plan shows it.
 */
public final class Params {

    private final Map<Axis<?>, List<?>> values;

    private Params(Map<Axis<?>, List<?>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Params none() {
        return new Params(new LinkedHashMap<>());
    }

    public static <T> Params of(Axis<T> axis, List<T> v) {
        return none().with(axis, v);
    }

    /** These params and the axis's values (replacing any it had). */
    public <T> Params with(Axis<T> axis, List<T> v) {
        Map<Axis<?>, List<?>> m = new LinkedHashMap<>(values);
        m.put(axis, List.copyOf(v));
        return new Params(m);
    }

    /** The axis's values, or null when the class's own list applies. */
    @SuppressWarnings("unchecked")
    public <T> List<T> get(Axis<T> axis) {
        return (List<T>) values.get(axis);
    }

    public List<Axis<?>> axes() {
        return new ArrayList<>(values.keySet());
    }

    /** How many values the JMH parameter of this name has here, or -1 when it is left to the class. */
    public int count(String jmhName) {
        for (Map.Entry<Axis<?>, List<?>> e : values.entrySet()) {
            if (e.getKey().name().equals(jmhName)) {
                return e.getValue().size();
            }
        }
        return -1;
    }

    /** Combinations of the values given here. */
    public int combinations() {
        int n = 1;
        for (List<?> v : values.values()) {
            n *= v.size();
        }
        return n;
    }

    /** JMH parameter name → the values as JMH spells them. */
    public Map<String, String[]> jmh() {
        Map<String, String[]> out = new LinkedHashMap<>();
        values.forEach((axis, v) -> out.put(axis.name(), jmhValues(axis, v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> String[] jmhValues(Axis<T> axis, List<?> v) {
        String[] out = new String[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = axis.jmh((T) v.get(i));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> String labels(Axis<T> axis, List<?> v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        v.forEach(x -> j.add(axis.label((T) x)));
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {name=[label, label], ...}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        values.forEach((axis, v) -> j.add(axis.name() + "=" + labels(axis, v)));
        return j.toString();
    }
}
