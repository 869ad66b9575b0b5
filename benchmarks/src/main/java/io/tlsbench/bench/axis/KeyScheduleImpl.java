package io.tlsbench.bench.axis;

import io.tlsbench.provider.ProviderId;

/**
 * A key-schedule implementation: tlsbench's core over one provider, the JDK's internal SunJCE
 * TLS key generators, or Bouncy Castle's TLS PRF (bctls).
 */
public enum KeyScheduleImpl implements Labelled {
    CORE_SUNJCE(ProviderId.SUNJCE), CORE_BC(ProviderId.BC), CORE_ACCP(ProviderId.ACCP), CORE_CONSCRYPT(ProviderId.CONSCRYPT),
    JDK(null), BCTLS(null);

    /** The provider under the core's key schedule; null for the peers. */
    public final ProviderId provider;

    KeyScheduleImpl(ProviderId provider) {
        this.provider = provider;
    }

    /** tlsbench's key schedule over the provider. */
    public static KeyScheduleImpl core(ProviderId id) {
        for (KeyScheduleImpl i : values()) {
            if (i.provider == id) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    public boolean core() {
        return provider != null;
    }

    /** core-sunjce, ..., jdk, bctls. */
    @Override
    public String label() {
        return core() ? "core-" + Axis.lower(provider) : name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
