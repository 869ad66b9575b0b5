package io.tlsbench.bench;

import io.tlsbench.bench.axis.Stack;
import io.tlsbench.handshake.Credential;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The SSLEngine stacks the benchmarks compare tlsbench against: the JDK's (SunJSSE), Bouncy
 * Castle's JSSE (bctls) and Conscrypt's (BoringSSL). Contexts come from the named provider
 * explicitly, so a provider inserted first for the crypto does not replace the TLS stack itself.
 */
public final class SslEngines {

    private static final Map<Stack, SSLParameters> SUPPORTED = new EnumMap<>(Stack.class);
    /** Self-signed RSA, ECDSA and DSA credentials, made once per JVM. */
    static final List<Credential> CREDENTIALS = SelfSigned.all();

    private SslEngines() {
    }

    static Provider provider(Stack stack) throws GeneralSecurityException {
        switch (stack) {
            case JSSE:
                return java.security.Security.getProvider("SunJSSE");
            case BCJSSE:
                // Crypto from the JCA's provider order (as JSSE's), not a fixed provider.
                return new org.bouncycastle.jsse.provider.BouncyCastleJsseProvider(false,
                        new org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider());
            case CONSCRYPT:
                try {
                    return (Provider) Class.forName("org.conscrypt.Conscrypt").getMethod("newProvider").invoke(null);
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new GeneralSecurityException("Conscrypt is not available: " + e);
                }
            default:
                throw new IllegalArgumentException(stack + " is not an SSLEngine");
        }
    }

    /** A TLS SSLContext of the stack, its key manager holding the credentials, trusting all. */
    static SSLContext context(Stack stack, List<Credential> credentials, boolean server) throws Exception {
        Provider p = provider(stack);
        SSLContext ctx = SSLContext.getInstance("TLS", p);
        if (stack == Stack.BCJSSE) {
            return keyed(ctx, credentials, javax.net.ssl.KeyManagerFactory.getInstance("PKIX", p));
        }
        return keyed(ctx, credentials);
    }

    /** The stack's name for a suite (JSSE keeps SSL_ names for the SSLv3-era ones). */
    static String suiteName(Stack stack, CipherSuite s) throws GeneralSecurityException {
        Set<String> offered = suites(stack);
        if (s.sslAlias != null && offered.contains(s.sslAlias)) {
            return s.sslAlias;
        }
        return s.name;
    }

    /** Null when the stack offers the suite in the version, otherwise why not. */
    public static String unsupported(Stack stack, CipherSuite s, ProtocolVersion v) {
        try {
            Set<String> offered = suites(stack);
            if (!offered.contains(s.name) && (s.sslAlias == null || !offered.contains(s.sslAlias))) {
                return stack + " does not offer " + s;
            }
            if (!List.of(supported(stack).getProtocols()).contains(v.jsseName)) {
                return stack + " does not speak " + v;
            }
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return stack + " is not available: " + e.getMessage();
        }
    }

    private static Set<String> suites(Stack stack) throws GeneralSecurityException {
        return Set.of(supported(stack).getCipherSuites());
    }

    private static synchronized SSLParameters supported(Stack stack) throws GeneralSecurityException {
        SSLParameters p = SUPPORTED.get(stack);
        if (p == null) {
            SSLContext ctx = SSLContext.getInstance("TLS", provider(stack));
            try {
                ctx.init(null, new javax.net.ssl.TrustManager[] {TRUST_ALL}, new java.security.SecureRandom());
            } catch (java.security.KeyManagementException e) {
                throw new GeneralSecurityException(e);
            }
            p = ctx.getSupportedSSLParameters();
            SUPPORTED.put(stack, p);
        }
        return p;
    }

    /** Trusts every certificate: the benchmark measures the handshake, not path building. */
    static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    /** An SSLContext of a stack with these credentials in its key manager. */
    static SSLContext keyed(SSLContext ctx, List<Credential> credentials) throws Exception {
        return keyed(ctx, credentials, KeyManagerFactory.getInstance("SunX509"));
    }

    /** As above with the stack's own key manager factory (BCJSSE selects keys only through its own). */
    static SSLContext keyed(SSLContext ctx, List<Credential> credentials, KeyManagerFactory kmf) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "bench".toCharArray();
        int i = 0;
        for (Credential c : credentials) {
            ks.setKeyEntry("k" + i++, c.privateKey(), pw, c.chain().toArray(new Certificate[0]));
        }
        kmf.init(ks, pw);
        // An explicit SecureRandom: BCJSSE otherwise asks the JCA for "DEFAULT", which only BC registers.
        ctx.init(kmf.getKeyManagers(), new TrustManager[] {TRUST_ALL}, new java.security.SecureRandom());
        return ctx;
    }
}
