package io.tlsbench.provider;

import java.util.Locale;

/** The four provider configurations tlsbench compares. */
public enum ProviderId {
    /** The JDK's own providers: SunJCE for ciphers and MACs, SUN for digests, SunEC, SunRsaSign. */
    SUNJCE("SunJCE"),
    /** Bouncy Castle (bcprov). */
    BC("BC"),
    /** Amazon Corretto Crypto Provider (AWS-LC through JNI). */
    ACCP("ACCP"),
    /** Conscrypt (BoringSSL through JNI). */
    CONSCRYPT("Conscrypt");

    public final String displayName;

    ProviderId(String displayName) {
        this.displayName = displayName;
    }

    public static ProviderId parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("provider is missing");
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "sunjce": case "sun": case "jdk": case "jce": return SUNJCE;
            case "bc": case "bouncycastle": return BC;
            case "accp": case "amazoncorrettocryptoprovider": case "corretto": return ACCP;
            case "conscrypt": return CONSCRYPT;
            default:
                throw new IllegalArgumentException("unknown provider '" + name
                        + "' (expected sunjce, bc, accp or conscrypt)");
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
