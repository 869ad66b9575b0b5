package io.tlsbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class CipherSuiteTest {

    @Test
    void briefSuitesHaveTheirIdsInOrder() {
        int[] ids = {0x002f, 0x0035, 0x0005, 0x000a, 0xc013, 0xc014, 0xc009, 0xc00a, 0x0032, 0x0038, 0x0013, 0x0004};
        assertEquals(ids.length, CipherSuite.BRIEF.size());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], CipherSuite.BRIEF.get(i).id);
            assertSame(CipherSuite.BRIEF.get(i), CipherSuite.forId(ids[i]));
        }
    }

    @Test
    void issueSuitesArePresent() {
        for (String n : List.of("TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
                "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")) {
            assertEquals(n, CipherSuite.forName(n).name);
        }
    }

    @Test
    void idsAndNamesAreUniqueAndLookUpBothWays() {
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (CipherSuite s : CipherSuite.all()) {
            assertTrue(ids.add(s.id), "duplicate id " + s.id);
            assertTrue(names.add(s.name), "duplicate name " + s.name);
            assertSame(s, CipherSuite.forId(s.id));
            assertSame(s, CipherSuite.forName(s.name));
            assertSame(s, CipherSuite.forName(s.name.toLowerCase()));
            assertSame(s, CipherSuite.forName(String.format("0x%04x", s.id)));
            if (s.sslAlias != null) {
                assertSame(s, CipherSuite.forName(s.sslAlias));
            }
        }
        assertSame(CipherSuite.TLS_RSA_WITH_RC4_128_MD5, CipherSuite.forName("SSL_RSA_WITH_RC4_128_MD5"));
    }

    @Test
    void tableValuesFollowTheRfcs() {
        for (CipherSuite s : CipherSuite.all()) {
            // Names spell out the table's columns: key exchange, cipher, MAC or PRF hash.
            assertTrue(s.name.startsWith("TLS_" + s.keyExchange.name() + "_WITH_"), s.name);
            boolean tls12Only = s.name.endsWith("_SHA256") || s.name.endsWith("_SHA384");
            assertEquals(tls12Only, s.minVersion == ProtocolVersion.TLS12, s.name);
            assertEquals(s.cipher.kind == CipherKind.AEAD, s.mac == MacAlgorithm.NONE, s.name);
            assertEquals(s.name.endsWith("_SHA384") ? HashAlgorithm.SHA384 : HashAlgorithm.SHA256, s.prfHash, s.name);
            if (s.keyExchange.elliptic()) {
                assertFalse(s.allows(ProtocolVersion.SSL3), "RFC 4492 suites need TLS: " + s.name);
            }
            assertTrue(s.allows(ProtocolVersion.TLS12), s.name);
            assertEquals(s.name.contains("_MD5"), s.mac == MacAlgorithm.HMAC_MD5, s.name);
        }
        assertEquals(24, BulkCipher.DES_EDE_CBC.keyLength);
        assertEquals(8, BulkCipher.DES_EDE_CBC.blockLength);
        assertEquals(4, BulkCipher.AES_128_GCM.ivLength);
        assertEquals(8, BulkCipher.AES_128_GCM.recordIvLength);
        assertEquals(0, BulkCipher.RC4_128.ivLength);
        assertEquals(CipherKind.STREAM, BulkCipher.RC4_128.kind);
    }

    /** JSSE is an independent source of the names: every suite of ours is one the JDK knows. */
    @Test
    void namesMatchTheJdksOwn() throws NoSuchAlgorithmException {
        Set<String> jsse = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        for (CipherSuite s : CipherSuite.all()) {
            String jsseName = s.sslAlias != null ? s.sslAlias : s.name;
            assertTrue(jsse.contains(jsseName) || jsse.contains(s.name), jsseName + " is not a JSSE suite name");
        }
    }

    @Test
    void versionsParseAndCompare() {
        assertSame(ProtocolVersion.TLS12, ProtocolVersion.parse("TLSv1.2"));
        assertSame(ProtocolVersion.SSL3, ProtocolVersion.parse("ssl3"));
        assertSame(ProtocolVersion.TLS10, ProtocolVersion.fromWire(3, 1));
        assertEquals(0x0303, ProtocolVersion.TLS12.wire());
        assertTrue(ProtocolVersion.TLS11.explicitCbcIv());
        assertFalse(ProtocolVersion.TLS10.explicitCbcIv());
    }
}
