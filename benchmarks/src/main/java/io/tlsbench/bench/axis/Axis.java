package io.tlsbench.bench.axis;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One benchmark parameter: the name of the JMH @Param field that carries it, its values, the
 * spelling JMH is given, the label reports and the run plan show, and the parser for what a
 * run's jmh.json holds. A value read back accepts both spellings: the enum constant name new
 * runs write (SUNJCE, TLS12, AES_128_CBC_SHA) and the label earlier runs wrote (sunjce, tls12,
 * AES-128-CBC-SHA). Every parameter name in the planner, the presets and the report comes from
 * here; BenchmarkClassTest holds the benchmark classes' @Param fields to these names and types.
 */
public final class Axis<T> {

    /** A provider alone (records, ceilings). */
    public static final Axis<ProviderId> PROVIDER = new Axis<>("provider", "provider", ProviderId.class,
            List.of(ProviderId.values()), Axis::lower, ProviderId::name, ProviderId::parse);
    /** The record benchmarks' suites, by their record protection. */
    public static final Axis<RecordSuite> RECORD_SUITE = labelled("suite", "record suite", RecordSuite.class);
    /** The record benchmarks' versions: TLS 1.0 (chained CBC IVs) and TLS 1.2. */
    public static final Axis<ProtocolVersion> VERSION = new Axis<>("version", "protocol version", ProtocolVersion.class,
            List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS12), v -> v.shortName, ProtocolVersion::name,
            ProtocolVersion::parse);
    public static final Axis<RecordSize> SIZE = labelled("size", "record size", RecordSize.class);
    public static final Axis<BufferKind> BUFFER = labelled("buffer", "buffer kind", BufferKind.class);
    public static final Axis<CeilingCipher> CIPHER = labelled("cipher", "ceiling cipher", CeilingCipher.class);
    public static final Axis<CeilingMac> MAC = labelled("mac", "ceiling MAC", CeilingMac.class);
    /** The SSLEngine whose record layer is measured beside the core's. */
    public static final Axis<Engine> ENGINE = labelled("engine", "SSLEngine", Engine.class);
    public static final Axis<KeyScheduleImpl> IMPL = labelled("impl", "key schedule implementation", KeyScheduleImpl.class);
    public static final Axis<Schedule> SCHEDULE = labelled("schedule", "schedule", Schedule.class);
    public static final Axis<Stack> STACK = labelled("stack", "stack", Stack.class);
    /** The provider configuration a handshake stack runs over (JMH's parameter "config"). */
    public static final Axis<ProviderConfig> CONFIG = labelled("config", "provider configuration", ProviderConfig.class);
    /** Whole suites for handshakes, by IANA name: the brief's twelve and the GCM baselines (all TLS 1.2). */
    public static final Axis<CipherSuite> HANDSHAKE_SUITE = new Axis<>("suite", "cipher suite", String.class,
            Stream.concat(CipherSuite.BRIEF.stream(), Stream.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)).toList(),
            s -> s.name, s -> s.name, CipherSuite::forName);
    public static final Axis<HandshakeMode> MODE = labelled("mode", "handshake mode", HandshakeMode.class);

    private final String name;
    private final String noun;
    private final Class<?> jmhType;
    private final List<T> values;
    private final Function<T, String> label;
    private final Function<T, String> jmh;
    private final Function<String, T> parser;

    private Axis(String name, String noun, Class<?> jmhType, List<T> values, Function<T, String> label,
                 Function<T, String> jmh, Function<String, T> parser) {
        this.name = name;
        this.noun = noun;
        this.jmhType = jmhType;
        this.values = List.copyOf(values);
        this.label = label;
        this.jmh = jmh;
        this.parser = parser;
    }

    private static <E extends Enum<E> & Labelled> Axis<E> labelled(String name, String noun, Class<E> type) {
        List<E> all = List.of(type.getEnumConstants());
        return new Axis<>(name, noun, type, all, Labelled::label, Enum::name, text -> {
            String t = text.trim();
            for (E e : all) {
                if (e.label().equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) {
                    return e;
                }
            }
            List<String> labels = new ArrayList<>();
            all.forEach(e -> labels.add(e.label()));
            throw new IllegalArgumentException("unknown " + noun + " '" + text + "' (" + String.join(", ", labels) + ")");
        });
    }

    /** The @Param field's name, and the key of the parameter in JMH's options and results. */
    public String name() {
        return name;
    }

    /** The type of the @Param field that carries this axis. */
    public Class<?> jmhType() {
        return jmhType;
    }

    /** Every value the benchmarks run along this axis, in order. */
    public List<T> values() {
        return values;
    }

    public String label(T value) {
        return label.apply(value);
    }

    /** The spelling JMH is given (and writes to jmh.json): an enum constant's name, a suite's IANA name. */
    public String jmh(T value) {
        return jmh.apply(value);
    }

    /** A value from either spelling (see the class comment); IllegalArgumentException names the axis otherwise. */
    public T parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException(noun + " is missing");
        }
        return parser.apply(text);
    }

    /** The label of a value given in either spelling. */
    public String labelOf(String text) {
        return label(parse(text));
    }

    @Override
    public String toString() {
        return name;
    }

    /** A provider's label: its constant's name in lowercase (sunjce, bc, accp, conscrypt). */
    public static String lower(ProviderId id) {
        return id.name().toLowerCase(Locale.ROOT);
    }
}
