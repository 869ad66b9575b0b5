package io.tlsbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tlsbench.record.RecordOpenFuzzTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every raw-byte core target behind one entry point, for the bounded fuzzing run in CI: Jazzer
 * fuzzes one target per JVM and its start-up (instrumentation, hooks) costs tens of seconds on a
 * busy machine, so CI fuzzes this one instead of paying that start-up two dozen times. The first
 * input byte picks the target ({@link #TARGETS}: the byte[] fuzz tests of the classes below, by
 * name), the rest is that target's input. The long run (.ci/fuzz --targets all) fuzzes each on its own.
 */
class CoreFuzzTest {

    /** New classes go at the end: a committed seed's selector byte keeps naming the same target. */
    static final List<Method> TARGETS = targets(RecordOpenFuzzTest.class, HandshakeDecoderFuzzTest.class,
            EngineFlightFuzzTest.class, MessageDecoderFuzzTest.class);

    private static List<Method> targets(Class<?>... classes) {
        List<Method> out = new ArrayList<>();
        for (Class<?> c : classes) {
            Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(FuzzTest.class))
                    .filter(m -> Arrays.equals(m.getParameterTypes(), new Class<?>[] {byte[].class}))
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(out::add);
        }
        out.forEach(m -> m.setAccessible(true));
        return List.copyOf(out);
    }

    @FuzzTest
    void anyTarget(byte[] input) throws ReflectiveOperationException {
        if (input.length == 0) {
            return;
        }
        Method target = TARGETS.get((input[0] & 0xff) % TARGETS.size());
        try {
            target.invoke(target.getDeclaringClass().getDeclaredConstructor().newInstance(),
                    (Object) Arrays.copyOfRange(input, 1, input.length));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // a finding, as the target itself reports it
            }
            throw e;
        }
    }
}
