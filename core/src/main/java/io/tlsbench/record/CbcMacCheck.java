package io.tlsbench.record;

import java.util.Locale;

/**
 * How CBC open computes the MAC of data whose length follows from the (secret) padding.
 * <ul>
 * <li>PROVIDER (the library's default): the provider's HMAC over the data, then a throw-away
 *     digest topping the hashing up to what the longest data would need. Fast (the provider's
 *     SHA, with the CPU's SHA instructions where it has them), but equal work is not equal time:
 *     {@code tlsbench leakcheck} tells padding 0 from 255 apart on every provider.</li>
 * <li>CONSTANT_TIME: tlsbench's own HMAC ({@link ConstantTimeHmac}), whose work and memory
 *     accesses depend only on the record's public length; the provider still decrypts. Slower, as
 *     its SHA runs in plain Java. SSLv3's MAC (not HMAC) always uses the provider.</li>
 * </ul>
 * A connection takes it from its configuration ({@code TlsConfig}), a record half from its
 * {@link RecordSpec}.
 */
public enum CbcMacCheck {
    PROVIDER, CONSTANT_TIME;

    /** {@code provider} or {@code constant-time} (also {@code constant_time}), any case. */
    public static CbcMacCheck parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "provider": return PROVIDER;
            case "constant-time": case "constant_time": return CONSTANT_TIME;
            default: throw new IllegalArgumentException("unknown CBC MAC check '" + s + "' (provider or constant-time)");
        }
    }

    public String label() {
        return this == PROVIDER ? "provider" : "constant-time";
    }
}
