package io.tlsbench.kdf;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.HashAlgorithm;

/** How the PRF's HMACs are computed over a provider (see DigestHmac and JcaHmac for the trade-off). */
public enum HmacStyle {
    /** HMAC over the provider's MessageDigest: allocation-free where the provider digests in place. */
    DIGEST,
    /** The provider's own Mac: keeps pre-hashed pad states in some providers, allocates per output. */
    MAC;

    /**
     * DIGEST where the provider digests in place (the JDK, BC: allocation-free); MAC for the JNI
     * providers, whose MessageDigest returns fresh arrays anyway and whose native HMAC keeps the
     * keyed pad states, saving two compressions and four JNI crossings per HMAC.
     */
    public static HmacStyle preferredFor(ProviderId id) {
        return id == ProviderId.SUNJCE || id == ProviderId.BC ? DIGEST : MAC;
    }

    /** A new HMAC over the hash, from the provider, in this style. */
    public HmacFunction create(ProviderSet provider, HashAlgorithm hash) {
        if (this == DIGEST) {
            return new DigestHmac(provider.messageDigest(hash), hash.length, hash.blockLength);
        }
        return new JcaHmac(provider.mac(hash.hmacName));
    }
}
