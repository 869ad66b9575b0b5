package io.tlsbench.tool.report;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.axis.Stack;
import io.tlsbench.bench.jmh.BenchmarkClass;
import io.tlsbench.suite.CipherSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Handshake figures of HandshakeBenchmark: the stack, the provider configuration, the suite, the
 * mode, and whether the figure is the server's share (a side/role/share parameter whose value
 * names the server, or a method name containing "server") or the whole client + server pair,
 * which is what an in-memory handshake in one thread measures. For a pair figure, the server's
 * fraction of the time comes from the auxiliary counters serverNs and clientNs when the run has
 * them (HandshakeBenchmark times each side's engine calls): fraction = serverNs / (serverNs + clientNs).
 */
public final class Handshakes {

    /** Parameters that say which side a figure measures. */
    static final List<String> SIDE = List.of("side", "role", "share", "measure", "part");

    private Handshakes() {
    }

    /** One handshake figure. {@code other} holds the parameters not named above (version, group, ...). */
    public record Handshake(Stack stack, ProviderConfig config, CipherSuite suite, HandshakeMode mode, boolean server,
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

        public double error() {
            return result.opsPerSecondError();
        }

        public String otherText() {
            StringBuilder sb = new StringBuilder();
            other.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }

        /** The JDK's own JSSE (the baseline handshakes are compared with). */
        public boolean jsse() {
            return stack == Stack.JSSE;
        }
    }

    public static List<Handshake> of(RunFolder run) {
        List<Handshake> out = new ArrayList<>();
        for (JmhResult r : run.of(BenchmarkClass.HANDSHAKE)) {
            Handshake h = r.variant() ? null : of(r);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    /** A handshake figure; null when a parameter it needs is missing. */
    static Handshake of(JmhResult r) {
        Map<String, String> other = new LinkedHashMap<>(r.params());
        BenchmarkClass.HANDSHAKE.axes.forEach(a -> other.remove(a.name()));
        Stack stack = r.param(Axis.STACK);
        ProviderConfig config = r.param(Axis.CONFIG);
        CipherSuite suite = r.param(Axis.HANDSHAKE_SUITE);
        HandshakeMode mode = r.param(Axis.MODE);
        if (stack == null || config == null || suite == null || mode == null) {
            return null;
        }
        String side = "";
        for (String n : SIDE) {
            String v = other.remove(n);
            if (v != null) {
                side = v;
                break;
            }
        }
        boolean server = side.toLowerCase(Locale.ROOT).contains("server")
                || r.method().toLowerCase(Locale.ROOT).contains("server");
        return new Handshake(stack, config, suite, mode, server, other, r);
    }
}
