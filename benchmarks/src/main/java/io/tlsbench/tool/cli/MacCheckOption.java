package io.tlsbench.tool.cli;

import io.tlsbench.record.CbcMacCheck;
import picocli.CommandLine.Option;

/**
 * The --mac-check option of serve and connect (a picocli mixin). They face real peers, so CBC
 * open checks the MAC in constant time unless told otherwise.
 */
public final class MacCheckOption {

    @Option(names = "--mac-check", paramLabel = "provider|constant-time", defaultValue = "constant-time",
            description = "how CBC open checks the MAC: constant-time (tlsbench's HMAC, whose time depends only on "
                    + "the record's length) or provider (the provider's HMAC: faster, but its time leaks the "
                    + "padding length; see 'tlsbench leakcheck') (default: ${DEFAULT-VALUE})")
    String name;

    /** The chosen mode; an unknown one is an IllegalArgumentException naming the option. */
    public CbcMacCheck mode() {
        try {
            return CbcMacCheck.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mac-check: " + e.getMessage());
        }
    }
}
