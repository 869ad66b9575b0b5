package io.tlsbench.bench.axis;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;

/**
 * A provider configuration for a handshake: the JDK's providers, or one provider first with the
 * JDK's serving what it lacks ({@link Providers#firstThenJdk}), as inserting a provider at
 * position 1 does for JSSE. Labels: jdk, bc-first, accp-first, conscrypt-first.
 */
public enum ProviderConfig implements Labelled {
    JDK(ProviderId.SUNJCE), BC_FIRST(ProviderId.BC), ACCP_FIRST(ProviderId.ACCP), CONSCRYPT_FIRST(ProviderId.CONSCRYPT);

    /** The provider asked first: SunJCE for the JDK's configuration. */
    public final ProviderId first;

    ProviderConfig(ProviderId first) {
        this.first = first;
    }

    /** The JDK's providers in their default order. */
    public boolean jdkDefault() {
        return this == JDK;
    }

    /** The configuration's JCA objects; an unavailable first provider is an error naming it. */
    public ProviderSet providers() {
        return Providers.firstThenJdk(first);
    }

    @Override
    public String label() {
        return jdkDefault() ? "jdk" : Axis.lower(first) + "-first";
    }

    @Override
    public String toString() {
        return label();
    }
}
