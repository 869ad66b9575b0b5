package io.tlsbench.provider;

import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * What one provider configuration can do with a cipher suite: protect its records in a version,
 * and carry out its whole handshake (records, key exchange, signature). Every answer comes from
 * the primitives the configuration offers ({@link ProviderSet#offers}), never from another
 * provider: a primitive it lacks makes the suite unsupported here, and the answer says which.
 */
public final class SuiteSupport {

    private final ProviderSet provider;

    private SuiteSupport(ProviderSet provider) {
        this.provider = provider;
    }

    public static SuiteSupport of(ProviderSet provider) {
        return new SuiteSupport(provider);
    }

    /** The configuration as loaded by {@link Providers#get} (an unavailable one supports nothing). */
    public static SuiteSupport of(ProviderId id) {
        return new SuiteSupport(Providers.get(id));
    }

    /** Null when the configuration can protect the suite's records in that version; otherwise why not. */
    public String records(CipherSuite suite, ProtocolVersion version) {
        if (!suite.allows(version)) {
            return suite + " is not allowed in " + version.shortName;
        }
        return records(suite);
    }

    /** Null when the configuration offers the suite's record cipher and MAC (in whatever version); otherwise why not. */
    public String records(CipherSuite suite) {
        return lacking(Primitive.forRecords(suite));
    }

    /** The candidates whose records the configuration can protect in the version, in the candidates' order. */
    public List<CipherSuite> recordSuites(List<CipherSuite> candidates, ProtocolVersion version) {
        List<CipherSuite> out = new ArrayList<>();
        for (CipherSuite s : candidates) {
            if (records(s, version) == null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Null when the configuration can carry out the suite end to end — record protection, key
     * exchange and the server's signature — otherwise what it lacks.
     */
    public String handshake(CipherSuite suite) {
        String records = records(suite);
        return records != null ? records : lacking(Primitive.forHandshake(suite));
    }

    /**
     * The suites of {@code wanted} this configuration can carry out end to end at some version of
     * min..max, in the given order. What it lacks is left out, not served by another provider;
     * none left is an error naming the configuration.
     */
    public List<CipherSuite> usable(List<CipherSuite> wanted, ProtocolVersion min, ProtocolVersion max) {
        List<CipherSuite> out = new ArrayList<>();
        for (CipherSuite s : wanted) {
            if (s.allowsSomeVersionIn(min, max) && handshake(s) == null) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(provider.id() + " can carry out none of the requested suites in "
                    + min + " to " + max);
        }
        return List.copyOf(out);
    }

    /** Null when every primitive is offered; otherwise the configuration and what it lacks. */
    private String lacking(List<Primitive> needed) {
        if (!provider.available()) {
            return provider.id() + " is not available";
        }
        List<Primitive> lacking = provider.lacking(needed);
        if (lacking.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Primitive p : lacking) {
            names.add(p.name());
        }
        return provider.id() + " lacks " + String.join(", ", names);
    }
}
