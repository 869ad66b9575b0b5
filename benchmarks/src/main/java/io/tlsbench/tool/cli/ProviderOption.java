package io.tlsbench.tool.cli;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import picocli.CommandLine.Option;

/** The shared --provider option (a picocli mixin). */
public final class ProviderOption {

    @Option(names = "--provider", paramLabel = "P", defaultValue = "sunjce",
            description = "sunjce, bc, accp or conscrypt (default: ${DEFAULT-VALUE})")
    String name;

    /** The chosen provider set; an unknown or unavailable one is an IllegalArgumentException. */
    public ProviderSet require() {
        return Providers.require(ProviderId.parse(name));
    }
}
