package io.tlsbench.tool.run;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.HandshakeMode;
import io.tlsbench.bench.axis.ProviderConfig;
import io.tlsbench.bench.axis.Stack;
import io.tlsbench.suite.CipherSuite;
import java.util.List;

/**
 * Which handshakes a preset runs: stacks × provider configurations × suites × modes, of which the
 * planner keeps the valid combinations. Start from {@link #everything()} and narrow by name.
 */
public record HandshakeSelection(List<Stack> stacks, List<ProviderConfig> configs, List<CipherSuite> suites,
                                 List<HandshakeMode> modes) {

    public static HandshakeSelection everything() {
        return new HandshakeSelection(Axis.STACK.values(), Axis.CONFIG.values(), Axis.HANDSHAKE_SUITE.values(),
                Axis.MODE.values());
    }

    public HandshakeSelection stacks(Stack... v) {
        return new HandshakeSelection(List.of(v), configs, suites, modes);
    }

    public HandshakeSelection configs(ProviderConfig... v) {
        return new HandshakeSelection(stacks, List.of(v), suites, modes);
    }

    public HandshakeSelection suites(List<CipherSuite> v) {
        return new HandshakeSelection(stacks, configs, List.copyOf(v), modes);
    }

    public HandshakeSelection modes(HandshakeMode... v) {
        return new HandshakeSelection(stacks, configs, suites, List.of(v));
    }
}
