package io.tlsbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.bench.axis.Axis;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark classes' @Param fields are the axes BenchmarkClass lists, by name and type, so a
 * renamed parameter or value breaks the build here rather than emptying a report section.
 */
class BenchmarkClassTest {

    /** @Param fields of the class, its nested states and their superclasses, by name. */
    private static Map<String, Field> params(Class<?> cls) {
        Map<String, Field> out = new LinkedHashMap<>();
        List<Class<?>> states = new ArrayList<>(List.of(cls));
        states.addAll(Arrays.asList(cls.getClasses()));
        for (Class<?> c : states) {
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.isAnnotationPresent(Param.class)) {
                        out.putIfAbsent(f.getName(), f);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void paramFieldsAreTheAxesByNameAndType() {
        for (BenchmarkClass b : BenchmarkClass.values()) {
            Map<String, Field> fields = params(b.type);
            Set<String> axes = new TreeSet<>();
            b.axes.forEach(a -> axes.add(a.name()));
            assertEquals(axes, new TreeSet<>(fields.keySet()), b.simpleName());
            for (Axis<?> a : b.axes) {
                assertEquals(a.jmhType(), fields.get(a.name()).getType(), b.simpleName() + "." + a.name());
            }
        }
    }

    /** The values a class runs by default are the axis's values, spelled as JMH takes them (checked through JMH's own list). */
    @Test
    void defaultValuesAreTheAxesValues() {
        Map<String, BenchmarkListEntry> list = new LinkedHashMap<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(".*"), List.of())) {
            list.put(e.getUsername(), e);
        }
        Set<String> classes = new TreeSet<>();
        for (BenchmarkListEntry e : list.values()) {
            BenchmarkClass b = BenchmarkClass.ofBenchmark(e.getUsername());
            assertNotNull(b, e.getUserClassQName() + " is not in BenchmarkClass");
            classes.add(b.className());
            for (Map.Entry<String, String[]> p : e.getParams().get().entrySet()) {
                Axis<?> a = b.axis(p.getKey());
                if (a == Axis.HANDSHAKE_SUITE) {
                    for (String v : p.getValue()) {
                        assertTrue(a.values().contains(a.parse(v)), v);
                    }
                } else {
                    assertEquals(jmhValues(a), List.of(p.getValue()), e.getUsername() + " " + p.getKey());
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        for (BenchmarkClass b : BenchmarkClass.values()) {
            expected.add(b.className());
        }
        assertEquals(expected, classes, "every BenchmarkClass is in JMH's list");
    }

    private static <T> List<String> jmhValues(Axis<T> a) {
        List<String> out = new ArrayList<>();
        a.values().forEach(v -> out.add(a.jmh(v)));
        return out;
    }

    /** The method-name constants the presets use name @Benchmark methods of their class. */
    @Test
    void methodConstantsNameBenchmarkMethods() throws Exception {
        int constants = 0;
        for (BenchmarkClass b : BenchmarkClass.values()) {
            Set<String> methods = new TreeSet<>();
            for (Method m : b.type.getMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    methods.add(m.getName());
                }
            }
            Set<String> named = new TreeSet<>();
            for (Field f : b.type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getName().equals(f.getName().toUpperCase())) {
                    named.add((String) f.get(null));
                    constants++;
                }
            }
            assertEquals(methods, named, b.simpleName() + ": one constant per @Benchmark method");
        }
        assertEquals(10, constants);
    }
}
