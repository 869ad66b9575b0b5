package io.tlsbench.kdf;

import io.tlsbench.provider.ProviderSet;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ConnectionEnd;
import io.tlsbench.suite.HashAlgorithm;
import io.tlsbench.suite.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The TLS key schedule over one provider configuration: pre-master → master secret → key block →
 * the six secrets; Finished; the RFC 5705 exporter. PRFs are built on first use and kept, so in
 * steady state a derivation allocates nothing (callers pass the output arrays).
 * Not thread-safe: one per thread or connection.
 */
public final class KeySchedule {

    public static final int MASTER_SECRET_LENGTH = 48;
    public static final int RANDOM_LENGTH = 32;
    public static final int TLS_VERIFY_DATA_LENGTH = 12;
    public static final int SSL3_VERIFY_DATA_LENGTH = 36;

    static final byte[] MASTER_SECRET = ascii("master secret");
    static final byte[] EXTENDED_MASTER_SECRET = ascii("extended master secret");
    static final byte[] KEY_EXPANSION = ascii("key expansion");
    static final byte[] CLIENT_FINISHED = ascii("client finished");
    static final byte[] SERVER_FINISHED = ascii("server finished");
    static final byte[] CLIENT_WRITE_KEY = ascii("client write key");
    static final byte[] SERVER_WRITE_KEY = ascii("server write key");
    static final byte[] IV_BLOCK = ascii("IV block");
    /** RFC 6101 §5.6.9 Sender values. */
    static final byte[] SSL3_CLIENT = {0x43, 0x4c, 0x4e, 0x54};
    static final byte[] SSL3_SERVER = {0x53, 0x52, 0x56, 0x52};
    private static final byte[] EMPTY = new byte[0];

    private final ProviderSet provider;
    private final HmacStyle style;
    private final Map<PrfAlgorithm, Prf> prfs = new EnumMap<>(PrfAlgorithm.class);
    private final Map<HashAlgorithm, MessageDigest> digests = new EnumMap<>(HashAlgorithm.class);
    private final byte[] scratch = new byte[64];
    private final byte[] handshakeHash = new byte[64];
    /** Seeds must be whole arrays: one exact-length buffer per hash length, made on first use. */
    private final byte[][] exactHashes = new byte[65][];

    /** A schedule with the provider's preferred HMAC style (see {@link HmacStyle#preferredFor}). */
    public KeySchedule(ProviderSet provider) {
        this(provider, provider == null ? null : HmacStyle.preferredFor(provider.id()));
    }

    public KeySchedule(ProviderSet provider, HmacStyle style) {
        if (provider == null || style == null) {
            throw new IllegalArgumentException("provider and HMAC style are required");
        }
        this.provider = provider;
        this.style = style;
    }

    public ProviderSet provider() {
        return provider;
    }

    public HmacStyle style() {
        return style;
    }

    /** The PRF, built on first use from this schedule's provider. */
    public Prf prf(PrfAlgorithm algorithm) {
        if (algorithm == null) {
            throw new IllegalArgumentException("PRF algorithm is missing");
        }
        Prf p = prfs.get(algorithm);
        if (p == null) {
            p = new Prf(algorithm, provider, style);
            prfs.put(algorithm, p);
        }
        return p;
    }

    MessageDigest digest(HashAlgorithm hash) {
        MessageDigest md = digests.get(hash);
        if (md == null) {
            md = provider.messageDigest(hash);
            digests.put(hash, md);
        }
        return md;
    }

    // ---- master secret (RFC 5246 §8.1, RFC 6101 §6.1, RFC 7627 §4) ----

    /** master_secret = PRF(pre_master_secret, "master secret", client_random ‖ server_random)[0..47]. */
    public void masterSecret(ProtocolVersion version, CipherSuite suite, byte[] preMaster,
                             byte[] clientRandom, byte[] serverRandom, byte[] out) {
        masterSecret(PrfAlgorithm.of(version, suite), preMaster, clientRandom, serverRandom, out);
    }

    public void masterSecret(PrfAlgorithm prf, byte[] preMaster, byte[] clientRandom, byte[] serverRandom,
                             byte[] out) {
        checkPreMaster(preMaster);
        checkRandom("client random", clientRandom);
        checkRandom("server random", serverRandom);
        checkMaster("master secret output", out);
        prf(prf).derive(preMaster, 0, preMaster.length, prf == PrfAlgorithm.SSL3 ? null : MASTER_SECRET,
                clientRandom, serverRandom, null, out, 0, MASTER_SECRET_LENGTH);
    }

    /** RFC 7627: master_secret = PRF(pre_master_secret, "extended master secret", session_hash)[0..47]. */
    public void extendedMasterSecret(ProtocolVersion version, CipherSuite suite, byte[] preMaster,
                                     byte[] sessionHash, byte[] out) {
        if (version == ProtocolVersion.SSL3) {
            throw new IllegalArgumentException("the extended master secret is not defined for SSLv3 (RFC 7627 §5.2)");
        }
        extendedMasterSecret(PrfAlgorithm.of(version, suite), preMaster, sessionHash, out);
    }

    public void extendedMasterSecret(PrfAlgorithm prf, byte[] preMaster, byte[] sessionHash, byte[] out) {
        if (prf == PrfAlgorithm.SSL3) {
            throw new IllegalArgumentException("the extended master secret is not defined for SSLv3 (RFC 7627 §5.2)");
        }
        checkPreMaster(preMaster);
        if (sessionHash == null || sessionHash.length == 0) {
            throw new IllegalArgumentException("session hash is empty");
        }
        if (sessionHash.length != prf.handshakeHashLength()) {
            throw new IllegalArgumentException("session hash is " + sessionHash.length + " bytes; the "
                    + prf.shortName + " PRF's handshake hash is " + prf.handshakeHashLength());
        }
        checkMaster("master secret output", out);
        prf(prf).derive(preMaster, 0, preMaster.length, EXTENDED_MASTER_SECRET, sessionHash, null, null,
                out, 0, MASTER_SECRET_LENGTH);
    }

    // ---- key block (RFC 5246 §6.3, RFC 6101 §6.2.2, RFC 2246 §6.3.1 for export) ----

    /** key_block = PRF(master_secret, "key expansion", server_random ‖ client_random), split in six. */
    public void keyBlock(ProtocolVersion version, CipherSuite suite, byte[] master, byte[] clientRandom,
                         byte[] serverRandom, SessionKeys out) {
        PrfAlgorithm prf = PrfAlgorithm.of(version, suite);
        if (out == null) {
            throw new IllegalArgumentException("session keys output is missing");
        }
        if (!out.layout().matches(suite, version)) {
            throw new IllegalArgumentException("session keys sized for " + out.layout() + ", but " + suite
                    + " in " + version + " needs " + KeyBlockLayout.of(suite, version));
        }
        keyBlock(version, prf, master, clientRandom, serverRandom, out);
    }

    /** The lower-level form: any PRF and layout (export layouts included, SSLv3 and TLS 1.0 only). */
    public void keyBlock(ProtocolVersion version, PrfAlgorithm prf, byte[] master, byte[] clientRandom,
                         byte[] serverRandom, SessionKeys out) {
        if (version == null || prf == null || out == null) {
            throw new IllegalArgumentException("version, PRF and session keys output are required");
        }
        checkMaster("master secret", master);
        checkRandom("client random", clientRandom);
        checkRandom("server random", serverRandom);
        KeyBlockLayout layout = out.layout();
        if (layout.export() && version.atLeast(ProtocolVersion.TLS11)) {
            throw new IllegalArgumentException("export suites are not allowed in " + version + " (RFC 4346 §A.5)");
        }
        if (layout.export() && version == ProtocolVersion.SSL3
                && (layout.exportKeyLength() > 16 || layout.ivLength() > 16)) {
            throw new IllegalArgumentException("SSLv3 export keys and IVs come from one MD5 output: at most 16 bytes,"
                    + " not " + Math.max(layout.exportKeyLength(), layout.ivLength()));
        }
        prf(prf).derive(master, 0, master.length, prf == PrfAlgorithm.SSL3 ? null : KEY_EXPANSION,
                serverRandom, clientRandom, null, out.keyBlock, 0, out.keyBlock.length);
        out.split();
        if (layout.export()) {
            exportKeys(version, prf, clientRandom, serverRandom, out);
        }
    }

    /** Export suites stretch the short key block keys with the randoms (legacy; vectors exercise it). */
    private void exportKeys(ProtocolVersion version, PrfAlgorithm prf, byte[] cr, byte[] sr, SessionKeys out) {
        KeyBlockLayout l = out.layout();
        int m = l.macLength();
        int k = l.keyLength();
        int clientKeyAt = 2 * m;
        int serverKeyAt = 2 * m + k;
        if (version == ProtocolVersion.SSL3) {
            // RFC 6101 §6.2.2: final_client_write_key = MD5(client_write_key ‖ client_random ‖ server_random).
            MessageDigest md5 = digest(HashAlgorithm.MD5);
            md5.update(out.keyBlock, clientKeyAt, k);
            md5.update(cr);
            md5.update(sr);
            Prf.digest(md5, scratch, 16);
            System.arraycopy(scratch, 0, out.clientWriteKey, 0, l.exportKeyLength());
            md5.update(out.keyBlock, serverKeyAt, k);
            md5.update(sr);
            md5.update(cr);
            Prf.digest(md5, scratch, 16);
            System.arraycopy(scratch, 0, out.serverWriteKey, 0, l.exportKeyLength());
            if (l.ivLength() > 0) {
                md5.update(cr);
                md5.update(sr);
                Prf.digest(md5, scratch, 16);
                System.arraycopy(scratch, 0, out.clientIv, 0, l.ivLength());
                md5.update(sr);
                md5.update(cr);
                Prf.digest(md5, scratch, 16);
                System.arraycopy(scratch, 0, out.serverIv, 0, l.ivLength());
            }
        } else {
            // RFC 2246 §6.3: final keys from PRF(key, "client write key", cr ‖ sr); IVs from PRF("", "IV block", cr ‖ sr).
            Prf p = prf(prf);
            p.derive(out.keyBlock, clientKeyAt, k, CLIENT_WRITE_KEY, cr, sr, null, out.clientWriteKey, 0,
                    l.exportKeyLength());
            p.derive(out.keyBlock, serverKeyAt, k, SERVER_WRITE_KEY, cr, sr, null, out.serverWriteKey, 0,
                    l.exportKeyLength());
            if (l.ivLength() > 0) {
                p.derive(EMPTY, 0, 0, IV_BLOCK, cr, sr, null, scratch, 0, 2 * l.ivLength());
                System.arraycopy(scratch, 0, out.clientIv, 0, l.ivLength());
                System.arraycopy(scratch, l.ivLength(), out.serverIv, 0, l.ivLength());
            }
        }
        Arrays.fill(scratch, (byte) 0);
    }

    // ---- Finished (RFC 5246 §7.4.9, RFC 2246 §7.4.9, RFC 6101 §5.6.9) ----

    /**
     * TLS verify_data = PRF(master_secret, finished_label, handshake_hash)[0..11], where the handshake
     * hash is MD5 ‖ SHA-1 of the messages (TLS 1.0/1.1) or the PRF hash of them (TLS 1.2).
     */
    public void verifyData(PrfAlgorithm prf, byte[] master, ConnectionEnd sender, byte[] handshakeHash,
                           int hashLength, byte[] out, int outOffset) {
        if (prf == PrfAlgorithm.SSL3) {
            throw new IllegalArgumentException("SSLv3 Finished hashes the messages themselves; use ssl3VerifyData");
        }
        if (sender == null) {
            throw new IllegalArgumentException("sender is missing");
        }
        checkMaster("master secret", master);
        Prf.checkRange("handshake hash", handshakeHash, 0, hashLength);
        if (hashLength != prf.handshakeHashLength()) {
            throw new IllegalArgumentException("handshake hash is " + hashLength + " bytes; the " + prf.shortName
                    + " PRF's is " + prf.handshakeHashLength());
        }
        Prf.checkRange("verify_data output", out, outOffset, TLS_VERIFY_DATA_LENGTH);
        byte[] h = handshakeHash;
        if (handshakeHash.length != hashLength) {
            h = exactHash(hashLength);
            System.arraycopy(handshakeHash, 0, h, 0, hashLength);
        }
        prf(prf).derive(master, 0, master.length, sender == ConnectionEnd.CLIENT ? CLIENT_FINISHED : SERVER_FINISHED,
                h, null, null, out, outOffset, TLS_VERIFY_DATA_LENGTH);
    }

    /**
     * SSLv3 verify_data (36 bytes): MD5(master ‖ pad2 ‖ MD5(messages ‖ Sender ‖ master ‖ pad1)) ‖
     * SHA(master ‖ pad2 ‖ SHA(messages ‖ Sender ‖ master ‖ pad1)). The two digests hold the
     * handshake messages so far and are consumed (pass clones to keep a running transcript).
     */
    public void ssl3VerifyData(byte[] master, ConnectionEnd sender, MessageDigest md5WithMessages,
                               MessageDigest sha1WithMessages, byte[] out, int outOffset) {
        if (sender == null || md5WithMessages == null || sha1WithMessages == null) {
            throw new IllegalArgumentException("sender and both transcript digests are required");
        }
        checkMaster("master secret", master);
        Prf.checkRange("verify_data output", out, outOffset, SSL3_VERIFY_DATA_LENGTH);
        byte[] senderBytes = sender == ConnectionEnd.CLIENT ? SSL3_CLIENT : SSL3_SERVER;
        ssl3Half(md5WithMessages, 48, 16, senderBytes, master, out, outOffset);
        ssl3Half(sha1WithMessages, 40, 20, senderBytes, master, out, outOffset + 16);
    }

    private void ssl3Half(MessageDigest md, int padLength, int hashLength, byte[] sender, byte[] master,
                          byte[] out, int outOffset) {
        md.update(sender);
        md.update(master);
        Arrays.fill(scratch, 0, padLength, (byte) 0x36);
        md.update(scratch, 0, padLength);
        Prf.digest(md, handshakeHash, hashLength);
        md.update(master);
        Arrays.fill(scratch, 0, padLength, (byte) 0x5c);
        md.update(scratch, 0, padLength);
        md.update(handshakeHash, 0, hashLength);
        Prf.digest(md, scratch, hashLength);
        System.arraycopy(scratch, 0, out, outOffset, hashLength);
        Arrays.fill(scratch, (byte) 0);
    }

    private byte[] exactHash(int length) {
        byte[] b = exactHashes[length];
        if (b == null) {
            b = new byte[length];
            exactHashes[length] = b;
        }
        return b;
    }

    /**
     * SSLv3 CertificateVerify's signed value (RFC 6101 §5.6.8): MD5(master ‖ pad2 ‖ MD5(messages ‖
     * master ‖ pad1)) ‖ SHA(master ‖ pad2 ‖ SHA(messages ‖ master ‖ pad1)) — Finished without a sender.
     */
    public byte[] ssl3CertificateVerifyHash(byte[] master, byte[] handshakeMessages) {
        checkMaster("master secret", master);
        if (handshakeMessages == null) {
            throw new IllegalArgumentException("handshake messages are null");
        }
        byte[] out = new byte[SSL3_VERIFY_DATA_LENGTH];
        MessageDigest md5 = digest(HashAlgorithm.MD5);
        MessageDigest sha1 = digest(HashAlgorithm.SHA1);
        md5.update(handshakeMessages);
        sha1.update(handshakeMessages);
        ssl3Half(md5, 48, 16, EMPTY, master, out, 0);
        ssl3Half(sha1, 40, 20, EMPTY, master, out, 16);
        return out;
    }

    /** Finished over raw handshake messages, any version (for tools and tests; allocates the result). */
    public byte[] verifyData(ProtocolVersion version, PrfAlgorithm prf, byte[] master, ConnectionEnd sender,
                             byte[] handshakeMessages) {
        if (handshakeMessages == null) {
            throw new IllegalArgumentException("handshake messages are null");
        }
        if (version == ProtocolVersion.SSL3 || prf == PrfAlgorithm.SSL3) {
            byte[] out = new byte[SSL3_VERIFY_DATA_LENGTH];
            MessageDigest md5 = digest(HashAlgorithm.MD5);
            MessageDigest sha1 = digest(HashAlgorithm.SHA1);
            md5.update(handshakeMessages);
            sha1.update(handshakeMessages);
            ssl3VerifyData(master, sender, md5, sha1, out, 0);
            return out;
        }
        int n = handshakeHash(prf, handshakeMessages, handshakeHash);
        byte[] out = new byte[TLS_VERIFY_DATA_LENGTH];
        verifyData(prf, master, sender, handshakeHash, n, out, 0);
        return out;
    }

    /**
     * The handshake hash of raw messages for a PRF: MD5 ‖ SHA-1 for SSLv3/TLS 1.0/1.1, the PRF's
     * hash for TLS 1.2. Returns its length. (It is also RFC 7627's session_hash.)
     */
    public int handshakeHash(PrfAlgorithm prf, byte[] messages, byte[] out) {
        if (prf == PrfAlgorithm.SSL3 || prf == PrfAlgorithm.MD5_SHA1) {
            MessageDigest md5 = digest(HashAlgorithm.MD5);
            MessageDigest sha1 = digest(HashAlgorithm.SHA1);
            md5.update(messages);
            Prf.digest(md5, out, 16);
            sha1.update(messages);
            Prf.digest(sha1, scratch, 20);
            System.arraycopy(scratch, 0, out, 16, 20);
            Arrays.fill(scratch, 0, 20, (byte) 0);
            return 36;
        }
        MessageDigest md = digest(prf.hash);
        md.update(messages);
        Prf.digest(md, out, prf.hash.length);
        return prf.hash.length;
    }

    // ---- exporter (RFC 5705 §4) ----

    /**
     * PRF(master_secret, label, client_random ‖ server_random [‖ context_length ‖ context])[0..length-1].
     * A null context means "no context", which differs from an empty one.
     */
    public byte[] exportKeyingMaterial(PrfAlgorithm prf, byte[] master, String label, byte[] clientRandom,
                                       byte[] serverRandom, byte[] context, int length) {
        if (prf == PrfAlgorithm.SSL3) {
            throw new IllegalArgumentException("RFC 5705 exporters are not defined for SSLv3");
        }
        checkMaster("master secret", master);
        checkRandom("client random", clientRandom);
        checkRandom("server random", serverRandom);
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("exporter label is empty");
        }
        if (length < 0 || length > Prf.MAX_OUTPUT) {
            throw new IllegalArgumentException("exporter length " + length + " is outside 0.." + Prf.MAX_OUTPUT);
        }
        byte[] contextPart = null;
        if (context != null) {
            if (context.length > 0xffff) {
                throw new IllegalArgumentException("exporter context is longer than 65535 bytes");
            }
            contextPart = new byte[2 + context.length];
            contextPart[0] = (byte) (context.length >>> 8);
            contextPart[1] = (byte) context.length;
            System.arraycopy(context, 0, contextPart, 2, context.length);
        }
        byte[] out = new byte[length];
        prf(prf).derive(master, 0, master.length, ascii(label), clientRandom, serverRandom, contextPart, out, 0, length);
        return out;
    }

    /**
     * Every array this schedule keeps that a derivation wrote secret-dependent bytes into (the
     * objects themselves: scratch space, the PRFs' keyed HMAC states), so a test can see that
     * {@link #wipe()} left them zero (reached through a test class in this package; not API).
     */
    List<byte[]> heldArrays() {
        List<byte[]> out = new ArrayList<>(List.of(scratch, handshakeHash));
        for (byte[] b : exactHashes) {
            if (b != null) {
                out.add(b);
            }
        }
        for (Prf p : prfs.values()) {
            out.addAll(p.heldArrays());
        }
        return out;
    }

    /** Zeroes the PRFs' keyed states and the scratch space. */
    public void wipe() {
        for (Prf p : prfs.values()) {
            p.wipe();
        }
        Arrays.fill(scratch, (byte) 0);
        Arrays.fill(handshakeHash, (byte) 0);
        for (byte[] b : exactHashes) {
            if (b != null) {
                Arrays.fill(b, (byte) 0);
            }
        }
    }

    // ---- argument checks: each names the problem ----

    static void checkPreMaster(byte[] preMaster) {
        if (preMaster == null) {
            throw new IllegalArgumentException("pre-master secret is null");
        }
        if (preMaster.length == 0) {
            throw new IllegalArgumentException("pre-master secret is empty");
        }
        if (preMaster.length > 1024) {
            throw new IllegalArgumentException("pre-master secret is " + preMaster.length
                    + " bytes; no key exchange yields more than 1024");
        }
    }

    static void checkRandom(String what, byte[] random) {
        if (random == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (random.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException(what + " is " + random.length + " bytes; it must be " + RANDOM_LENGTH);
        }
    }

    static void checkMaster(String what, byte[] master) {
        if (master == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (master.length != MASTER_SECRET_LENGTH) {
            throw new IllegalArgumentException(what + " is " + master.length + " bytes; it must be "
                    + MASTER_SECRET_LENGTH);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
