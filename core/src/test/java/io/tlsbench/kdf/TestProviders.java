package io.tlsbench.kdf;

import io.tlsbench.provider.Primitive;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import io.tlsbench.suite.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;

/** The key schedules a test runs over: every available provider, in both HMAC styles. */
final class TestProviders {
    private TestProviders() {
    }

    /** SunJCE must always be there; the others are used when available. */
    static List<KeySchedule> schedules() {
        List<KeySchedule> out = new ArrayList<>();
        for (ProviderSet p : Providers.all()) {
            if (p.available()) {
                out.add(new KeySchedule(p, HmacStyle.DIGEST));
                out.add(new KeySchedule(p, HmacStyle.MAC));
            } else if (p.id() == ProviderId.SUNJCE) {
                throw new AssertionError("SunJCE is not available: " + p.unavailableReason());
            }
        }
        return out;
    }

    /** Whether a schedule's provider offers the hashes a PRF needs (SHA-512/256 is rare). */
    static boolean supports(KeySchedule ks, PrfAlgorithm prf) {
        ProviderSet p = ks.provider();
        switch (prf) {
            case SSL3:
            case MD5_SHA1:
                return p.offers(Primitive.MD5) && p.offers(Primitive.SHA1)
                        && (ks.style() == HmacStyle.DIGEST || (p.offers(Primitive.HMAC_MD5) && p.offers(Primitive.HMAC_SHA1)));
            default:
                return offersHash(p, prf.hash) && (ks.style() == HmacStyle.DIGEST || offersHmac(p, prf.hash));
        }
    }

    private static boolean offersHash(ProviderSet p, HashAlgorithm h) {
        try {
            p.messageDigest(h);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean offersHmac(ProviderSet p, HashAlgorithm h) {
        try {
            p.mac(h.hmacName);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String name(KeySchedule ks) {
        return ks.provider().id() + "/" + ks.style();
    }
}
