package io.tlsbench.bench.axis;

import io.tlsbench.provider.Primitive;
import io.tlsbench.suite.MacAlgorithm;

/** The HMACs the MAC-ceiling benchmark drives alone, labelled by their JCA names. */
public enum CeilingMac implements Labelled {
    HMAC_SHA1(MacAlgorithm.HMAC_SHA1, Primitive.HMAC_SHA1),
    HMAC_MD5(MacAlgorithm.HMAC_MD5, Primitive.HMAC_MD5),
    HMAC_SHA256(MacAlgorithm.HMAC_SHA256, Primitive.HMAC_SHA256);

    public final MacAlgorithm mac;
    public final Primitive primitive;

    CeilingMac(MacAlgorithm mac, Primitive primitive) {
        this.mac = mac;
        this.primitive = primitive;
    }

    /** The ceiling of a record's MAC, or null (no MAC, or none measured). */
    public static CeilingMac of(MacAlgorithm mac) {
        for (CeilingMac m : values()) {
            if (m.mac == mac) {
                return m;
            }
        }
        return null;
    }

    /** HmacSHA1, HmacMD5, HmacSHA256. */
    @Override
    public String label() {
        return primitive.algorithm();
    }

    @Override
    public String toString() {
        return label();
    }
}
