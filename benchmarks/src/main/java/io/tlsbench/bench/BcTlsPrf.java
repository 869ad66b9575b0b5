package io.tlsbench.bench;

import io.tlsbench.bench.axis.Schedule;
import io.tlsbench.kdf.PrfAlgorithm;
import java.security.SecureRandom;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Bouncy Castle's TLS key schedule (bctls, lightweight crypto): TlsSecret.deriveUsingPRF as BC's
 * own handshake calls it. Seeds are concatenated once in setup, as BC's handshake does once per
 * connection.
 */
final class BcTlsPrf extends KeyScheduleWorkload {

    private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private final int prfAlgorithm;
    private final byte[] masterSeed;
    private final byte[] keySeed;
    private final int keyBlockLength;

    BcTlsPrf(Schedule schedule, long seed) {
        super(schedule, seed);
        prfAlgorithm = bcPrf(schedule.prf());
        masterSeed = concat(clientRandom, serverRandom);
        keySeed = concat(serverRandom, clientRandom);
        keyBlockLength = schedule.layout().length();
        masterAndKeyBlock();
    }

    private static int bcPrf(PrfAlgorithm prf) {
        switch (prf) {
            case SSL3: return org.bouncycastle.tls.PRFAlgorithm.ssl_prf_legacy;
            case MD5_SHA1: return org.bouncycastle.tls.PRFAlgorithm.tls_prf_legacy;
            case SHA256: return org.bouncycastle.tls.PRFAlgorithm.tls_prf_sha256;
            case SHA384: return org.bouncycastle.tls.PRFAlgorithm.tls_prf_sha384;
            default: throw new IllegalArgumentException("bctls has no PRF for " + prf);
        }
    }

    private TlsSecret master() {
        return crypto.createSecret(preMaster).deriveUsingPRF(prfAlgorithm, "master secret", masterSeed, 48);
    }

    @Override
    public Object masterSecret() {
        return master().extract();
    }

    @Override
    public Object masterAndKeyBlock() {
        return master().deriveUsingPRF(prfAlgorithm, "key expansion", keySeed, keyBlockLength).extract();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
