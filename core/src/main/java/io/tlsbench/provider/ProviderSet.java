package io.tlsbench.provider;

import io.tlsbench.suite.HashAlgorithm;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;

/**
 * One provider configuration: the JCA provider object(s) that serve it, or the reason it is
 * unavailable. Every look-up names the provider explicitly; a primitive this configuration lacks
 * is an {@link UnsupportedPrimitiveException} naming both, never a silent fallback.
 */
public final class ProviderSet {

    private final ProviderId id;
    private final List<Provider> providers;
    private final String unavailableReason;
    private final boolean chained;
    /** type → algorithm → the provider of this set that served it. */
    private final Map<String, Map<String, Provider>> served = new ConcurrentHashMap<>();
    /** Keys as this set's providers hold them (see {@link #nativeKey}); weak, so a dropped credential goes. */
    private final Map<Key, Key> translated = Collections.synchronizedMap(new WeakHashMap<>());

    private ProviderSet(ProviderId id, List<Provider> providers, String unavailableReason, boolean chained) {
        this.id = id;
        this.providers = providers;
        this.unavailableReason = unavailableReason;
        this.chained = chained;
    }

    static ProviderSet chained(ProviderId first, List<Provider> providers) {
        return new ProviderSet(first, List.copyOf(providers), null, true);
    }

    /** Whether this is a "first, then the JDK's" configuration (see Providers.firstThenJdk). */
    public boolean chained() {
        return chained;
    }

    /** The name of the JCA provider that serves a primitive here, or null when none does. */
    public String servedBy(Primitive p) {
        try {
            Object o = instance(p);
            if (o instanceof java.security.MessageDigest) {
                return ((java.security.MessageDigest) o).getProvider().getName();
            } else if (o instanceof javax.crypto.Mac) {
                return ((javax.crypto.Mac) o).getProvider().getName();
            } else if (o instanceof javax.crypto.Cipher) {
                return ((javax.crypto.Cipher) o).getProvider().getName();
            } else if (o instanceof java.security.Signature) {
                return ((java.security.Signature) o).getProvider().getName();
            } else {
                return ((javax.crypto.KeyAgreement) o).getProvider().getName();
            }
        } catch (UnsupportedPrimitiveException e) {
            return null;
        }
    }

    static ProviderSet available(ProviderId id, List<Provider> providers) {
        return new ProviderSet(id, List.copyOf(providers), null, false);
    }

    static ProviderSet unavailable(ProviderId id, String reason) {
        return new ProviderSet(id, List.of(), reason, false);
    }

    public ProviderId id() {
        return id;
    }

    public boolean available() {
        return unavailableReason == null;
    }

    public String unavailableReason() {
        return unavailableReason;
    }

    /** The JCA providers behind this configuration (one, except the JDK's). */
    public List<Provider> providers() {
        return providers;
    }

    /** "BC 1.84" or "SunJCE 17 + SUN 17 + ..."; a chain says which comes first. */
    public String describe() {
        if (!available()) {
            return id + " (unavailable: " + unavailableReason + ")";
        }
        if (chained) {
            return id + " first, then the JDK's: " + providers.get(0).getName() + " " + providers.get(0).getVersionStr()
                    + " + JDK providers";
        }
        StringBuilder sb = new StringBuilder();
        for (Provider p : providers) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append(p.getName()).append(' ').append(p.getVersionStr());
        }
        return sb.toString();
    }

    public MessageDigest messageDigest(HashAlgorithm hash) {
        return get("MessageDigest", new String[] {hash.jcaName}, MessageDigest::getInstance);
    }

    public Mac mac(String algorithm) {
        return get("Mac", new String[] {algorithm}, Mac::getInstance);
    }

    public Cipher cipher(String transformation) {
        return get("Cipher", new String[] {transformation}, Cipher::getInstance);
    }

    public Signature signature(String algorithm) {
        return get("Signature", new String[] {algorithm}, Signature::getInstance);
    }

    public KeyAgreement keyAgreement(String algorithm) {
        return get("KeyAgreement", new String[] {algorithm}, KeyAgreement::getInstance);
    }

    public KeyPairGenerator keyPairGenerator(String algorithm) {
        return get("KeyPairGenerator", new String[] {algorithm}, KeyPairGenerator::getInstance);
    }

    public KeyFactory keyFactory(String algorithm) {
        return get("KeyFactory", new String[] {algorithm}, KeyFactory::getInstance);
    }

    /** Whether this configuration offers the primitive (probed with getInstance). */
    public boolean offers(Primitive p) {
        return probe(p) == null;
    }

    /** The primitives of {@code wanted} this configuration does not offer, in the given order. */
    public List<Primitive> lacking(List<Primitive> wanted) {
        List<Primitive> out = new ArrayList<>();
        for (Primitive p : wanted) {
            if (!offers(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Null when the primitive is offered, otherwise why not. */
    public String probe(Primitive p) {
        if (!available()) {
            return id + " is not available";
        }
        try {
            instance(p);
            return null;
        } catch (UnsupportedPrimitiveException e) {
            return e.getMessage();
        }
    }

    /** A fresh JCA object for the primitive (getInstance, as the probe and the issue ask). */
    public Object instance(Primitive p) {
        switch (p.type) {
            case "MessageDigest": return get(p.type, p.algorithms, MessageDigest::getInstance);
            case "Mac": return get(p.type, p.algorithms, Mac::getInstance);
            case "Cipher": return get(p.type, p.algorithms, Cipher::getInstance);
            case "Signature": return get(p.type, p.algorithms, Signature::getInstance);
            case "KeyAgreement": return get(p.type, p.algorithms, KeyAgreement::getInstance);
            default: throw new AssertionError(p.type);
        }
    }

    @FunctionalInterface
    private interface Factory<T> {
        T create(String algorithm, Provider provider) throws GeneralSecurityException;
    }

    private <T> T get(String type, String[] algorithms, Factory<T> factory) {
        if (!available()) {
            throw new UnsupportedPrimitiveException(type + " " + algorithms[0] + " requested from " + id
                    + ", which is not available: " + unavailableReason, null);
        }
        // Fast path: the provider that served this (type, algorithm) before. Asking each provider
        // of a chain in turn costs a NoSuchAlgorithmException (a stack trace) per miss, and a
        // connection asks for a dozen objects.
        Map<String, Provider> known = served.get(type);
        if (known != null) {
            for (String alg : algorithms) {
                Provider p = known.get(alg);
                if (p != null) {
                    try {
                        return factory.create(alg, p);
                    } catch (GeneralSecurityException | RuntimeException e) {
                        break; // fall back to the full search, which reports every provider's answer
                    }
                }
            }
        }
        List<String> errors = new ArrayList<>();
        for (String alg : algorithms) {
            for (Provider p : providers) {
                try {
                    T t = factory.create(alg, p);
                    served.computeIfAbsent(type, k -> new ConcurrentHashMap<>()).put(alg, p);
                    return t;
                } catch (GeneralSecurityException | RuntimeException e) {
                    errors.add(p.getName() + ": " + e.getMessage());
                }
            }
        }
        throw new UnsupportedPrimitiveException(id + " does not offer " + type + " " + String.join(" / ", algorithms)
                + " " + errors, null);
    }

    /**
     * The key as the provider that would use it holds it (KeyFactory.translateKey), made once per
     * key and kept. Native providers otherwise import a foreign key on every init: ACCP re-parses
     * and re-checks a PKCS#8 RSA key per handshake, about a tenth of a full handshake's time.
     * Falls back to the key itself when no provider here has a KeyFactory for its algorithm.
     */
    @SuppressWarnings("unchecked")
    public <K extends Key> K nativeKey(K key) {
        if (key == null || !available()) {
            return key;
        }
        Key k = translated.get(key);
        if (k == null) {
            k = key;
            try {
                Key t = keyFactory(key.getAlgorithm()).translateKey(key);
                if ((key instanceof PrivateKey && t instanceof PrivateKey) || (key instanceof PublicKey && t instanceof PublicKey)) {
                    k = t;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // keep the key as it is: the provider converts it itself (more slowly) or refuses it at init
            }
            translated.put(key, k);
        }
        return (K) k;
    }
}
