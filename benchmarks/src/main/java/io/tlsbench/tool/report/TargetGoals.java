package io.tlsbench.tool.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets' goals and the "why missed" text, read from targets.json beside this class: data,
 * not code. A target's and a cause's {placeholders} are filled from the run.
 */
final class TargetGoals {

    /** The targets the report judges, in report order; targets.json holds each one's data under its id. */
    enum Target {
        KEY_SCHEDULE_VS_JDK, KEY_SCHEDULE_VS_BCTLS, SEAL_OF_LIMIT, SEAL_VS_JSSE, SEAL_OF_NATIVE, RSA_VS_JSSE, RSA_OF_NATIVE,
        RESUMED_VS_FULL, ECDHE_ECDSA_VS_JSSE;

        /** The id in targets.json: key-schedule-vs-jdk. */
        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One target: what it compares, the goal its ratio must reach, and the cause named when it is missed (or null). */
    record Goal(Target id, String target, double goal, boolean percent, String cause) {
    }

    private static final Map<Target, Goal> GOALS = new EnumMap<>(Target.class);
    private static final Map<String, String> CAUSES = new LinkedHashMap<>();

    static {
        try (InputStream in = TargetGoals.class.getResourceAsStream("targets.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            root.path("causes").fields().forEachRemaining(e -> CAUSES.put(e.getKey(), e.getValue().asText()));
            for (JsonNode t : root.path("targets")) {
                Target id = target(t.path("id").asText());
                String cause = t.has("missed") ? t.path("missed").asText() : null;
                if (cause != null && !CAUSES.containsKey(cause)) {
                    throw new IllegalStateException("targets.json: " + id.id() + " names no known cause: " + cause);
                }
                GOALS.put(id, new Goal(id, t.path("target").asText(), t.path("goal").asDouble(), t.path("percent").asBoolean(), cause));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("targets.json: " + e.getMessage(), e);
        }
        if (GOALS.size() != Target.values().length) {
            throw new IllegalStateException("targets.json lacks targets: " + GOALS.keySet() + " of " + List.of(Target.values()));
        }
    }

    private static Target target(String id) {
        for (Target t : Target.values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalStateException("targets.json: unknown target " + id);
    }

    private TargetGoals() {
    }

    static Goal goal(Target id) {
        return GOALS.get(id);
    }

    /** A target's row: its text and cause filled from {@code vars}, the figures and the ratio judged against its goal. */
    static Targets.Row row(Target id, Map<String, String> vars, String figures, double ratio, double error) {
        Goal g = goal(id);
        String cause = g.cause() == null ? null : fill(CAUSES.get(g.cause()), vars);
        return new Targets.Row(fill(g.target(), vars), figures, ratio, error, g.goal(), g.percent(), cause, null);
    }

    static String fill(String text, Map<String, String> vars) {
        String out = text;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }
}
