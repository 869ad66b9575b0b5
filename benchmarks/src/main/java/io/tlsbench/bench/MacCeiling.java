package io.tlsbench.bench;

import io.tlsbench.bench.axis.CeilingMac;
import io.tlsbench.provider.Primitive;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
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

    private final Mac mac;
    private final int size;
    private final byte[] in;
    private final byte[] out;

    public MacCeiling(ProviderId id, CeilingMac macName, int size) {
        Primitive p = macName.primitive;
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

    /** Null when the provider offers the MAC; otherwise why not. */
    public static String unsupported(ProviderId id, CeilingMac mac) {
        return Providers.get(id).probe(mac.primitive);
    }

    /** The ceiling MACs a provider offers, in the axis's order. */
    public static List<CeilingMac> supported(ProviderId id) {
        List<CeilingMac> out = new ArrayList<>();
        for (CeilingMac m : CeilingMac.values()) {
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
