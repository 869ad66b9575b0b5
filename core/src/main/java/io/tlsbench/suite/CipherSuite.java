package io.tlsbench.suite;

import static io.tlsbench.suite.BulkCipher.*;
import static io.tlsbench.suite.HashAlgorithm.SHA256;
import static io.tlsbench.suite.HashAlgorithm.SHA384;
import static io.tlsbench.suite.KeyExchange.*;
import static io.tlsbench.suite.MacAlgorithm.*;
import static io.tlsbench.suite.ProtocolVersion.*;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cipher suites tlsbench knows, as one table of plain values (RFC 5246 App. C, RFC 4492,
 * RFC 5288, RFC 5289). Order is the table's; look-ups go by id or by name.
 */
public final class CipherSuite {

    private static final Map<Integer, CipherSuite> BY_ID = new LinkedHashMap<>();
    private static final Map<String, CipherSuite> BY_NAME = new LinkedHashMap<>();

    //                          id      IANA name                                   SSL_ alias (JSSE)                     kx           cipher       mac          prf     min    max
    public static final CipherSuite TLS_RSA_WITH_RC4_128_MD5 =
            def(0x0004, "TLS_RSA_WITH_RC4_128_MD5", "SSL_RSA_WITH_RC4_128_MD5", RSA, RC4_128, HMAC_MD5, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_RSA_WITH_RC4_128_SHA =
            def(0x0005, "TLS_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_RC4_128_SHA", RSA, RC4_128, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_RSA_WITH_3DES_EDE_CBC_SHA =
            def(0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA", RSA, DES_EDE_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA =
            def(0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", "SSL_DHE_DSS_WITH_3DES_EDE_CBC_SHA", DHE_DSS, DES_EDE_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA =
            def(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA", DHE_RSA, DES_EDE_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_RSA_WITH_AES_128_CBC_SHA =
            def(0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA", null, RSA, AES_128_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_DHE_DSS_WITH_AES_128_CBC_SHA =
            def(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", null, DHE_DSS, AES_128_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_CBC_SHA =
            def(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", null, DHE_RSA, AES_128_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_RSA_WITH_AES_256_CBC_SHA =
            def(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", null, RSA, AES_256_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_DHE_DSS_WITH_AES_256_CBC_SHA =
            def(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", null, DHE_DSS, AES_256_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_256_CBC_SHA =
            def(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", null, DHE_RSA, AES_256_CBC, HMAC_SHA1, SHA256, SSL3, TLS12);
    public static final CipherSuite TLS_RSA_WITH_AES_128_CBC_SHA256 =
            def(0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256", null, RSA, AES_128_CBC, HMAC_SHA256, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_RSA_WITH_AES_256_CBC_SHA256 =
            def(0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256", null, RSA, AES_256_CBC, HMAC_SHA256, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_CBC_SHA256 =
            def(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", null, DHE_RSA, AES_128_CBC, HMAC_SHA256, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_RSA_WITH_AES_128_GCM_SHA256 =
            def(0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256", null, RSA, AES_128_GCM, NONE, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_RSA_WITH_AES_256_GCM_SHA384 =
            def(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384", null, RSA, AES_256_GCM, NONE, SHA384, TLS12, TLS12);
    public static final CipherSuite TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 =
            def(0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", null, DHE_RSA, AES_128_GCM, NONE, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_RC4_128_SHA =
            def(0xc007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", null, ECDHE_ECDSA, RC4_128, HMAC_SHA1, SHA256, TLS10, TLS12);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA =
            def(0xc008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", null, ECDHE_ECDSA, DES_EDE_CBC, HMAC_SHA1, SHA256, TLS10, TLS12);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA =
            def(0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", null, ECDHE_ECDSA, AES_128_CBC, HMAC_SHA1, SHA256, TLS10, TLS12);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA =
            def(0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", null, ECDHE_ECDSA, AES_256_CBC, HMAC_SHA1, SHA256, TLS10, TLS12);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_RC4_128_SHA =
            def(0xc011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA", null, ECDHE_RSA, RC4_128, HMAC_SHA1, SHA256, TLS10, TLS12);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA =
            def(0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", null, ECDHE_RSA, DES_EDE_CBC, HMAC_SHA1, SHA256, TLS10, TLS12);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA =
            def(0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", null, ECDHE_RSA, AES_128_CBC, HMAC_SHA1, SHA256, TLS10, TLS12);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA =
            def(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", null, ECDHE_RSA, AES_256_CBC, HMAC_SHA1, SHA256, TLS10, TLS12);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 =
            def(0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", null, ECDHE_ECDSA, AES_128_CBC, HMAC_SHA256, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384 =
            def(0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", null, ECDHE_ECDSA, AES_256_CBC, HMAC_SHA384, SHA384, TLS12, TLS12);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 =
            def(0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", null, ECDHE_RSA, AES_128_CBC, HMAC_SHA256, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 =
            def(0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", null, ECDHE_RSA, AES_256_CBC, HMAC_SHA384, SHA384, TLS12, TLS12);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 =
            def(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", null, ECDHE_ECDSA, AES_128_GCM, NONE, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 =
            def(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", null, ECDHE_ECDSA, AES_256_GCM, NONE, SHA384, TLS12, TLS12);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 =
            def(0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null, ECDHE_RSA, AES_128_GCM, NONE, SHA256, TLS12, TLS12);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 =
            def(0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", null, ECDHE_RSA, AES_256_GCM, NONE, SHA384, TLS12, TLS12);

    /** The twelve suites of the brief's ClientHello, in its order. */
    public static final List<CipherSuite> BRIEF = List.of(
            TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_256_CBC_SHA, TLS_RSA_WITH_RC4_128_SHA,
            TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
            TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
            TLS_DHE_DSS_WITH_AES_128_CBC_SHA, TLS_DHE_DSS_WITH_AES_256_CBC_SHA, TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA,
            TLS_RSA_WITH_RC4_128_MD5);

    public final int id;
    /** IANA name. */
    public final String name;
    /** The SSL_ name JSSE uses for suites defined in SSLv3, or null. */
    public final String sslAlias;
    public final KeyExchange keyExchange;
    public final BulkCipher cipher;
    public final MacAlgorithm mac;
    /** Hash of the TLS 1.2 PRF (RFC 5246 §5); earlier versions use their fixed PRFs. */
    public final HashAlgorithm prfHash;
    public final ProtocolVersion minVersion;
    public final ProtocolVersion maxVersion;

    private CipherSuite(int id, String name, String sslAlias, KeyExchange keyExchange, BulkCipher cipher,
                        MacAlgorithm mac, HashAlgorithm prfHash, ProtocolVersion minVersion,
                        ProtocolVersion maxVersion) {
        this.id = id;
        this.name = name;
        this.sslAlias = sslAlias;
        this.keyExchange = keyExchange;
        this.cipher = cipher;
        this.mac = mac;
        this.prfHash = prfHash;
        this.minVersion = minVersion;
        this.maxVersion = maxVersion;
    }

    private static CipherSuite def(int id, String name, String alias, KeyExchange kx, BulkCipher cipher,
                                   MacAlgorithm mac, HashAlgorithm prf, ProtocolVersion min, ProtocolVersion max) {
        CipherSuite s = new CipherSuite(id, name, alias, kx, cipher, mac, prf, min, max);
        BY_ID.put(id, s);
        BY_NAME.put(name, s);
        if (alias != null) {
            BY_NAME.put(alias, s);
        }
        return s;
    }

    /** Every suite in table order. */
    public static List<CipherSuite> all() {
        return List.copyOf(BY_ID.values());
    }

    /** Names (IANA and SSL_ aliases) that resolve to a suite. */
    public static Map<String, CipherSuite> byName() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    public static CipherSuite forId(int id) {
        CipherSuite s = BY_ID.get(id);
        if (s == null) {
            throw new IllegalArgumentException(String.format("unknown cipher suite 0x%04x", id));
        }
        return s;
    }

    /** Null when the id is not in the table (for negotiation, where unknown ids are skipped). */
    public static CipherSuite findId(int id) {
        return BY_ID.get(id);
    }

    /** By IANA name, SSL_ alias (case-insensitive), or hex id such as 0x002f. */
    public static CipherSuite forName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("cipher suite is missing");
        }
        String n = name.trim();
        if (n.startsWith("0x") || n.startsWith("0X")) {
            try {
                return forId(Integer.parseInt(n.substring(2), 16));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cipher suite id '" + name + "' is not hex");
            }
        }
        CipherSuite s = BY_NAME.get(n.toUpperCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown cipher suite '" + name + "'");
        }
        return s;
    }

    public boolean allows(ProtocolVersion v) {
        return v.compareTo(minVersion) >= 0 && v.compareTo(maxVersion) <= 0;
    }

    /** Whether some version of min..max allows the suite (the ranges overlap). */
    public boolean allowsSomeVersionIn(ProtocolVersion min, ProtocolVersion max) {
        return maxVersion.compareTo(min) >= 0 && minVersion.compareTo(max) <= 0;
    }

    /** Throws IllegalArgumentException naming the suite and the versions it allows. */
    public void checkVersion(ProtocolVersion v) {
        if (v == null) {
            throw new IllegalArgumentException("protocol version is missing");
        }
        if (!allows(v)) {
            throw new IllegalArgumentException(name + " is not allowed in " + v + " (allowed: "
                    + (minVersion == maxVersion ? minVersion.toString() : minVersion + " to " + maxVersion) + ")");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
