package io.tlsbench.provider;

import java.lang.reflect.Method;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the providers by class name, so that the core compiles against the JDK alone and a
 * platform without one of them (ACCP ships native code for Linux x86_64 and aarch64 only) still
 * runs and reports why. Providers are used as objects, never inserted into the JVM's list.
 */
public final class Providers {

    private static final Map<ProviderId, ProviderSet> CACHE = new EnumMap<>(ProviderId.class);

    private Providers() {
    }

    /** The provider set for an id, loaded once; never null (an unavailable set says why). */
    public static synchronized ProviderSet get(ProviderId id) {
        return CACHE.computeIfAbsent(id, Providers::load);
    }

    /** Every configuration, available or not, in enum order. */
    public static List<ProviderSet> all() {
        List<ProviderSet> out = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            out.add(get(id));
        }
        return out;
    }

    /** Shorthand: the available set for an id, or an error naming the reason. */
    public static ProviderSet require(ProviderId id) {
        ProviderSet s = get(id);
        if (!s.available()) {
            throw new UnsupportedPrimitiveException(id + " is not available: " + s.unavailableReason(), null);
        }
        return s;
    }

    /**
     * A provider configuration "first, then the JDK's": each primitive comes from {@code first}
     * when it offers it, else from the JDK's providers. This is an explicit configuration (like
     * inserting a provider at position 1), not a silent fallback: {@link ProviderSet#servedBy}
     * tells which provider serves each primitive, and reports say so.
     */
    public static ProviderSet firstThenJdk(ProviderId first) {
        ProviderSet head = require(first);
        if (first == ProviderId.SUNJCE) {
            return head;
        }
        java.util.List<Provider> chain = new ArrayList<>(head.providers());
        chain.addAll(require(ProviderId.SUNJCE).providers());
        return ProviderSet.chained(first, chain);
    }

    private static ProviderSet load(ProviderId id) {
        try {
            switch (id) {
                case SUNJCE:
                    return sunJce();
                case BC:
                    return ProviderSet.available(id, List.of(instantiate("org.bouncycastle.jce.provider.BouncyCastleProvider")));
                case ACCP:
                    return accp();
                case CONSCRYPT:
                    return conscrypt();
                default:
                    throw new AssertionError(id);
            }
        } catch (ClassNotFoundException e) {
            return ProviderSet.unavailable(id, "its jar is not on the class path (" + e.getMessage() + ")");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return ProviderSet.unavailable(id, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    /** The JDK's built-in providers, searched in this order for each primitive. */
    private static ProviderSet sunJce() {
        List<Provider> list = new ArrayList<>();
        for (String name : new String[] {"SunJCE", "SUN", "SunRsaSign", "SunEC"}) {
            Provider p = Security.getProvider(name);
            if (p != null) {
                list.add(p);
            }
        }
        if (list.isEmpty() || Security.getProvider("SunJCE") == null) {
            return ProviderSet.unavailable(ProviderId.SUNJCE, "the JDK's SunJCE provider is not installed");
        }
        return ProviderSet.available(ProviderId.SUNJCE, list);
    }

    private static ProviderSet accp() throws ReflectiveOperationException {
        String arch = System.getProperty("os.arch");
        Class<?> c = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
        Provider p = (Provider) c.getField("INSTANCE").get(null);
        // ACCP loads even when its native library does not; getLoadingError() says why.
        Throwable err = (Throwable) c.getMethod("getLoadingError").invoke(p);
        if (err != null) {
            return ProviderSet.unavailable(ProviderId.ACCP, "native library failed to load on " + arch + ": " + err);
        }
        return ProviderSet.available(ProviderId.ACCP, List.of(p));
    }

    private static ProviderSet conscrypt() throws ReflectiveOperationException {
        Class<?> c = Class.forName("org.conscrypt.Conscrypt");
        boolean ok = (Boolean) c.getMethod("isAvailable").invoke(null);
        if (!ok) {
            String reason = "native library failed to load";
            try {
                c.getMethod("checkAvailability").invoke(null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                reason = reason + ": " + e.getCause();
            }
            return ProviderSet.unavailable(ProviderId.CONSCRYPT, reason);
        }
        Method m = c.getMethod("newProvider");
        return ProviderSet.available(ProviderId.CONSCRYPT, List.of((Provider) m.invoke(null)));
    }

    private static Provider instantiate(String className) throws ReflectiveOperationException {
        return (Provider) Class.forName(className).getConstructor().newInstance();
    }
}
