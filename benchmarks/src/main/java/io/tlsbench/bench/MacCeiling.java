package io.tlsbench.bench;

import io.tlsbench.provider.Primitive;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A provider's HMAC alone: Mac.update over {@code size} bytes, then doFinal into a reused array.
 * The MAC half of a record's ceiling (see {@link CipherCeiling}). The core's record MAC over
 * SunJCE and BC runs on the provider's MessageDigest with pre-hashed pads rather than Mac, so a
 * record can come out slightly above this ceiling there; over ACCP and Conscrypt it uses Mac.
 * Plain code with no JMH dependency.
 */
public final class MacCeiling {

    /** JCA Mac name → the primitive the provider is probed for. */
    public static final Map<String, Primitive> MACS;

    static {
        Map<String, Primitive> m = new LinkedHashMap<>();
        m.put("HmacSHA1", Primitive.HMAC_SHA1);
        m.put("HmacMD5", Primitive.HMAC_MD5);
        m.put("HmacSHA256", Primitive.HMAC_SHA256);
        MACS = Collections.unmodifiableMap(m);
    }

    private final Mac mac;
    private final int size;
    private final byte[] in;
    private final byte[] out;

    public MacCeiling(String provider, String macName, int size) {
        ProviderId id = ProviderId.parse(provider);
        Primitive p = primitive(macName);
        String why = unsupported(id, macName);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        this.size = size;
        Random r = new Random(size);
        mac = Providers.require(id).mac(p.algorithm());
        byte[] key = new byte[mac.getMacLength()];
        r.nextBytes(key);
        in = new byte[size];
        r.nextBytes(in);
        out = new byte[mac.getMacLength()];
        try {
            mac.init(new SecretKeySpec(key, p.algorithm()));
            mac();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macName + " from " + id + ": " + e, e);
        }
    }

    static Primitive primitive(String macName) {
        for (Map.Entry<String, Primitive> e : MACS.entrySet()) {
            if (e.getKey().equalsIgnoreCase(macName.trim())) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("unknown ceiling MAC '" + macName + "' (" + String.join(", ", MACS.keySet()) + ")");
    }

    public static String unsupported(ProviderId id, String macName) {
        return Providers.get(id).probe(primitive(macName));
    }

    public static List<String> supported(ProviderId id) {
        List<String> out = new java.util.ArrayList<>();
        for (String m : MACS.keySet()) {
            if (unsupported(id, m) == null) {
                out.add(m);
            }
        }
        return out;
    }

    /** One MAC over {@code size} bytes; returns the MAC array (reused). */
    public byte[] mac() throws GeneralSecurityException {
        mac.update(in, 0, size);
        mac.doFinal(out, 0);
        return out;
    }
}
