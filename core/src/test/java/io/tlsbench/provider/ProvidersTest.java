package io.tlsbench.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlsbench.suite.HashAlgorithm;
import java.security.MessageDigest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    @Test
    void jdkProvidersOfferEveryPrimitive() {
        ProviderSet jdk = Providers.require(ProviderId.SUNJCE);
        for (Primitive p : Primitive.values()) {
            assertTrue(jdk.offers(p), "SunJCE should offer " + p + ": " + jdk.probe(p));
        }
    }

    @Test
    void objectsComeFromTheProviderAsked() {
        for (ProviderSet s : Providers.all()) {
            if (!s.available()) {
                assertNotNull(s.unavailableReason());
                continue;
            }
            MessageDigest md = s.messageDigest(HashAlgorithm.SHA256);
            assertTrue(s.providers().contains(md.getProvider()), s.id() + " served SHA-256 from " + md.getProvider());
        }
    }

    @Test
    void bouncyCastleIsAlwaysThere() {
        ProviderSet bc = Providers.get(ProviderId.BC);
        assertTrue(bc.available(), bc.unavailableReason());
        assertEquals("BC", bc.providers().get(0).getName());
    }

    /** ACCP lacks RC4 and DESede: asking is an error naming both, not a fallback. */
    @Test
    void accpLacksRc4AndDesedeAndSaysSo() {
        ProviderSet accp = Providers.get(ProviderId.ACCP);
        Assumptions.assumeTrue(accp.available(), "ACCP unavailable here: " + accp.unavailableReason());
        assertFalse(accp.offers(Primitive.RC4));
        assertFalse(accp.offers(Primitive.DESEDE_CBC));
        UnsupportedPrimitiveException e = assertThrows(UnsupportedPrimitiveException.class,
                () -> accp.cipher("ARCFOUR"));
        assertTrue(e.getMessage().contains("ACCP") && e.getMessage().contains("ARCFOUR"), e.getMessage());
        assertTrue(accp.offers(Primitive.AES_GCM));
        assertTrue(accp.offers(Primitive.AES_CBC), accp.probe(Primitive.AES_CBC));
    }

    /** On x86_64 and aarch64 Linux the ACCP jar is on the class path and its native library loads. */
    @Test
    void accpLoadsOnLinuxX86AndArm() {
        String arch = System.getProperty("os.arch");
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && (arch.equals("amd64") || arch.equals("aarch64")), "ACCP ships no native code for " + arch);
        ProviderSet accp = Providers.get(ProviderId.ACCP);
        assertTrue(accp.available(), accp.unavailableReason());
    }

    @Test
    void parseNamesProviders() {
        assertEquals(ProviderId.ACCP, ProviderId.parse("accp"));
        assertEquals(ProviderId.SUNJCE, ProviderId.parse("SunJCE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProviderId.parse("nss"));
        assertTrue(e.getMessage().contains("unknown provider 'nss'"));
    }

    /** "ACCP first": ACCP serves what it has, the JDK serves the rest, and servedBy says which. */
    @Test
    void firstThenJdkChainsExplicitly() {
        ProviderSet accp = Providers.get(ProviderId.ACCP);
        Assumptions.assumeTrue(accp.available(), "ACCP unavailable here: " + accp.unavailableReason());
        ProviderSet chain = Providers.firstThenJdk(ProviderId.ACCP);
        assertTrue(chain.chained());
        assertEquals(ProviderId.ACCP, chain.id());
        assertEquals("AmazonCorrettoCryptoProvider", chain.servedBy(Primitive.AES_GCM));
        assertEquals("SunJCE", chain.servedBy(Primitive.RC4));
        assertTrue(chain.offers(Primitive.DESEDE_CBC) && chain.offers(Primitive.DSA));
        assertFalse(Providers.get(ProviderId.ACCP).chained());
        assertNull(accp.servedBy(Primitive.RC4));
    }
}
