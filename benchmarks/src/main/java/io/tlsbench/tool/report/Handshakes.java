package io.tlsbench.tool.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Handshake figures, read generically from any benchmark class whose name contains "Handshake":
 * the stack (param stack, impl, engine or peer; "core" if none), the provider configuration
 * (config, providers, provider or providerConfig; "default" if none), the suite, the mode (param
 * mode, else the method name: full, resumed, clientauth) and whether the figure is the server's
 * share (a side/role/share param whose value names the server, or a method name containing
 * "server") or the whole client + server pair, which is what an in-memory handshake in one
 * thread measures. For a pair figure, the server's fraction of the time comes from the
 * auxiliary counters serverNs and clientNs when the run has them (HandshakeBenchmark times each
 * side's engine calls): fraction = serverNs / (serverNs + clientNs).
 */
public final class Handshakes {

    public static final List<String> STACK = List.of("stack", "impl", "engine", "peer");
    public static final List<String> CONFIG = List.of("config", "providers", "provider", "providerConfig");
    public static final List<String> SUITE = List.of("suite", "cipherSuite");
    public static final List<String> SIDE = List.of("side", "role", "share", "measure", "part");
    public static final Set<String> JSSE = Set.of("jsse", "jdk", "sunjsse");
    /** Provider configurations that mean "the JDK's default providers". */
    public static final Set<String> DEFAULT_CONFIG = Set.of("jdk", "default");

    private Handshakes() {
    }

    /** One handshake figure. {@code other} holds the parameters not named above (version, group, ...). */
    public record Handshake(String stack, String config, String suite, String mode, boolean server,
                     Map<String, String> other, JmhResult result) {
        public double perSecond() {
            return result.opsPerSecond();
        }

        /**
         * The server's fraction of a pair's time, serverNs / (serverNs + clientNs); 1 for a
         * server's-share figure; NaN when unknown.
         */
        public double serverFraction() {
            if (server) {
                return 1;
            }
            double s = result.secondary("serverNs");
            double c = result.secondary("clientNs");
            return s > 0 && c >= 0 ? s / (s + c) : Double.NaN;
        }

        /**
         * Handshakes per second a server core completes: the figure itself for a server's share,
         * else the pair's figure over the server's fraction (the pump's own time is split in the
         * same proportion, so this errs low); NaN when unknown.
         */
        public double serverPerSecond() {
            return perSecond() / serverFraction();
        }

        public boolean defaultConfig() {
            return DEFAULT_CONFIG.contains(config.toLowerCase(Locale.ROOT));
        }

        public double error() {
            return result.opsPerSecondError();
        }

        public String otherText() {
            StringBuilder sb = new StringBuilder();
            other.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }

        public boolean jsse() {
            return JSSE.contains(stack.toLowerCase(Locale.ROOT));
        }
    }

    public static List<Handshake> of(RunFolder run) {
        List<Handshake> out = new ArrayList<>();
        for (JmhResult r : run.results) {
            if (r.className().contains("Handshake") && !r.variant()) {
                out.add(of(r));
            }
        }
        return out;
    }

    public static Handshake of(JmhResult r) {
        Map<String, String> other = new LinkedHashMap<>(r.params());
        String stack = take(other, STACK, "core");
        String config = take(other, CONFIG, "default");
        String suite = take(other, SUITE, "?");
        String mode = other.containsKey("mode") ? mode(other.remove("mode")) : mode(r.method());
        String side = take(other, SIDE, "");
        boolean server = side.toLowerCase(Locale.ROOT).contains("server")
                || r.method().toLowerCase(Locale.ROOT).contains("server");
        return new Handshake(stack, config, suite, mode, server, other, r);
    }

    /** full, resumed, clientauth; anything else as given. */
    public static String mode(String m) {
        String l = m.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (l.contains("resum")) {
            return "resumed";
        }
        if (l.contains("clientauth") || l.contains("mutual")) {
            return "clientauth";
        }
        if (l.contains("full")) {
            return "full";
        }
        return m;
    }

    private static String take(Map<String, String> params, List<String> names, String dflt) {
        for (String n : names) {
            String v = params.remove(n);
            if (v != null) {
                return v;
            }
        }
        return dflt;
    }
}
