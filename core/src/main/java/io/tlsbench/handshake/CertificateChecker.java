package io.tlsbench.handshake;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Verifies a peer chain up to a configured trust anchor: each certificate is signed by the next,
 * the last by an anchor (or is one), all are within their validity dates, and optionally the leaf
 * names the expected host. Failures map to bad_certificate, unknown_ca, certificate_expired.
 */
final class CertificateChecker {
    private CertificateChecker() {
    }

    static void check(List<X509Certificate> chain, Collection<X509Certificate> anchors, String hostname, Date now)
            throws TlsAlertException {
        if (chain.isEmpty()) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, "empty certificate chain");
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            try {
                c.checkValidity(now);
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new TlsAlertException(AlertDescription.CERTIFICATE_EXPIRED,
                        "certificate " + c.getSubjectX500Principal() + " is outside its validity: " + e.getMessage());
            }
            if (i + 1 < chain.size()) {
                verifySignature(c, chain.get(i + 1), AlertDescription.BAD_CERTIFICATE);
            }
        }
        X509Certificate last = chain.get(chain.size() - 1);
        boolean anchored = anchors.contains(last);
        TlsAlertException badSignature = null;
        // Several anchors may share a subject (a renewed CA, self-signed certificates for one host
        // with different keys): the chain is anchored if any of them verifies it.
        for (X509Certificate anchor : anchors) {
            if (anchored) {
                break;
            }
            if (anchor.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                try {
                    verifySignature(last, anchor, AlertDescription.BAD_CERTIFICATE);
                    anchored = true;
                } catch (TlsAlertException e) {
                    badSignature = e;
                }
            }
        }
        if (!anchored && badSignature != null) {
            throw badSignature;
        }
        if (!anchored) {
            throw new TlsAlertException(AlertDescription.UNKNOWN_CA,
                    "no trust anchor for " + last.getIssuerX500Principal());
        }
        if (hostname != null && !names(chain.get(0), hostname)) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
                    "certificate does not name " + hostname);
        }
    }

    private static void verifySignature(X509Certificate c, X509Certificate issuer, AlertDescription onFailure)
            throws TlsAlertException {
        try {
            c.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new TlsAlertException(onFailure, "signature on " + c.getSubjectX500Principal()
                    + " does not verify with " + issuer.getSubjectX500Principal() + "'s key");
        }
    }

    /** DNS subjectAltNames (with a leftmost * label), else the subject CN. */
    static boolean names(X509Certificate c, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0)) && matches(((String) san.get(1)).toLowerCase(Locale.ROOT), h)) {
                        return true;
                    }
                }
                return false;
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        String dn = c.getSubjectX500Principal().getName();
        for (String rdn : dn.split(",")) {
            if (rdn.startsWith("CN=") && matches(rdn.substring(3).toLowerCase(Locale.ROOT), h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }
}
