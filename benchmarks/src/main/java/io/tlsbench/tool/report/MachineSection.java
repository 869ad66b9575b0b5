package io.tlsbench.tool.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the run ran on, from env.json: CPU and its flags, memory, OS, JVM and intrinsics, openssl, providers. */
final class MachineSection implements Section {

    private static final List<String> MAIN_FLAGS = List.of("aes", "sha_ni", "avx2", "avx512f");

    @Override
    public void write(ReportDocument doc) {
        RunFolder run = doc.run;
        StringBuilder md = doc.md;
        JsonNode env = run.env;
        md.append("## Machine\n\n");
        if (env.isMissingNode()) {
            md.append("No env.json in this run.\n\n");
            md.append("openssl: ").append(run.natives.available() ? run.natives.version() : run.natives.absence()).append("\n\n");
            return;
        }
        md.append("| | |\n|---|---|\n");
        for (String[] r : rows(run)) {
            md.append("| ").append(r[0]).append(" | ").append(Fmt.cell(r[1])).append(" |\n");
        }
        md.append('\n');
        providers(md, env.path("providers"));
    }

    private static List<String[]> rows(RunFolder run) {
        JsonNode env = run.env;
        List<String[]> rows = new ArrayList<>();
        JsonNode cpu = env.path("cpu");
        rows.add(new String[] {"CPU", cpu.path("model").asText("?") + (cpu.has("cores") ? " (" + cpu.path("cores").asInt() + " cores)" : "")});
        rows.add(new String[] {"CPU flags", flags(cpu.path("flags"))});
        if (env.has("memory_bytes") && env.path("memory_bytes").asLong() > 0) {
            rows.add(new String[] {"Memory", String.format(Locale.ROOT, "%.1f GiB", env.path("memory_bytes").asLong() / (double) (1L << 30))});
        }
        if (env.has("os")) {
            rows.add(new String[] {"OS", env.path("os").asText()});
        }
        JsonNode jvm = env.path("jvm");
        rows.add(new String[] {"JVM", jvm.path("version").asText("?") + " (" + jvm.path("vendor").asText("?") + ", "
                + jvm.path("vm").asText("?") + ")"});
        StringBuilder intr = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = jvm.path("intrinsics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            intr.append(intr.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
        }
        if (intr.length() > 0) {
            rows.add(new String[] {"HotSpot intrinsics", intr.toString()});
        }
        rows.add(new String[] {"openssl", run.natives.available() ? run.natives.version() : run.natives.absence()});
        return rows;
    }

    /** The main flags first (yes, no, or ? when not recorded), then any other recorded. */
    private static String flags(JsonNode f) {
        StringBuilder flags = new StringBuilder();
        for (String k : MAIN_FLAGS) {
            flags.append(flags.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(f.has(k) ? (f.path(k).asBoolean() ? "yes" : "no") : "?");
        }
        for (Iterator<String> it = f.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!MAIN_FLAGS.contains(k)) {
                flags.append(", ").append(k).append(' ').append(f.path(k).asBoolean() ? "yes" : "no");
            }
        }
        return flags.toString();
    }

    private static void providers(StringBuilder md, JsonNode providers) {
        if (!providers.isArray() || providers.size() == 0) {
            return;
        }
        md.append("| provider | available | version / reason |\n|---|---|---|\n");
        for (JsonNode p : providers) {
            boolean ok = p.path("available").asBoolean(false);
            md.append("| ").append(Fmt.cell(p.path("id").asText("?"))).append(" | ").append(ok ? "yes" : "no").append(" | ")
                    .append(Fmt.cell(ok ? p.path("describe").asText("") : p.path("reason").asText(p.path("describe").asText(""))))
                    .append(" |\n");
        }
        md.append('\n');
    }
}
