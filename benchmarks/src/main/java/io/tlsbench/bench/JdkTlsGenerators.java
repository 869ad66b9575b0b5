package io.tlsbench.bench;

import io.tlsbench.bench.axis.Schedule;
import io.tlsbench.kdf.KeyBlockLayout;
import java.lang.reflect.Constructor;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK's own TLS key derivation as JSSE drives it: SunJCE's internal KeyGenerators
 * (SunTlsMasterSecret / SunTls12MasterSecret, SunTlsKeyMaterial / SunTls12KeyMaterial) with the
 * specs of sun.security.internal.spec. Those specs are built reflectively (javac's --release 17
 * refuses --add-exports of a JDK package); the JVM needs
 * --add-exports java.base/sun.security.internal.spec=ALL-UNNAMED, which the launcher passes.
 * The Constructor objects are looked up once; a call costs one reflective newInstance, small next
 * to the PRF work.
 */
final class JdkTlsGenerators extends KeyScheduleWorkload {

    private static final String SPEC = "sun.security.internal.spec.";

    private final KeyGenerator masterGen;
    private final KeyGenerator keyGen;
    private final Constructor<?> masterSpec;
    private final Constructor<?> keySpec;
    private final SecretKey preMasterKey;
    private final boolean tls12;
    private final String hash;
    private final int hashLength;
    private final int blockSize;
    private final KeyBlockLayout layout;

    JdkTlsGenerators(Schedule schedule, long seed) {
        super(schedule, seed);
        tls12 = schedule.version.minor >= 3;
        hash = tls12 ? schedule.suite.prfHash.jcaName : null;
        hashLength = tls12 ? schedule.suite.prfHash.length : 0;
        blockSize = tls12 ? schedule.suite.prfHash.blockLength : 0;
        layout = schedule.layout();
        try {
            masterGen = KeyGenerator.getInstance(tls12 ? "SunTls12MasterSecret" : "SunTlsMasterSecret", "SunJCE");
            keyGen = KeyGenerator.getInstance(tls12 ? "SunTls12KeyMaterial" : "SunTlsKeyMaterial", "SunJCE");
            masterSpec = Class.forName(SPEC + "TlsMasterSecretParameterSpec").getConstructor(SecretKey.class,
                    int.class, int.class, byte[].class, byte[].class, String.class, int.class, int.class);
            keySpec = Class.forName(SPEC + "TlsKeyMaterialParameterSpec").getConstructor(SecretKey.class,
                    int.class, int.class, byte[].class, byte[].class, String.class, int.class, int.class, int.class,
                    int.class, String.class, int.class, int.class);
        } catch (GeneralSecurityException | ReflectiveOperationException e) {
            throw new IllegalStateException("the JDK's internal TLS key generators are not reachable: " + e, e);
        }
        preMasterKey = new SecretKeySpec(preMaster, "TlsRsaPremasterSecret");
        masterAndKeyBlock();
    }

    @Override
    public Object masterSecret() {
        try {
            masterGen.init((AlgorithmParameterSpec) masterSpec.newInstance(preMasterKey, schedule.version.major,
                    schedule.version.minor, clientRandom, serverRandom, hash, hashLength, blockSize));
            return masterGen.generateKey();
        } catch (GeneralSecurityException | ReflectiveOperationException e) {
            throw new IllegalStateException("JDK master secret generation failed: " + e, e);
        }
    }

    @Override
    public Object masterAndKeyBlock() {
        SecretKey master = (SecretKey) masterSecret();
        try {
            keyGen.init((AlgorithmParameterSpec) keySpec.newInstance(master, schedule.version.major,
                    schedule.version.minor, clientRandom, serverRandom, schedule.suite.cipher.keyAlgorithm,
                    layout.keyLength(), 0, layout.ivLength(), layout.macLength(), hash, hashLength, blockSize));
            return keyGen.generateKey();
        } catch (GeneralSecurityException | ReflectiveOperationException e) {
            throw new IllegalStateException("JDK key material generation failed: " + e, e);
        }
    }
}
