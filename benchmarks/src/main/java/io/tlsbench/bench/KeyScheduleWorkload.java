package io.tlsbench.bench;

import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.bench.axis.Schedule;
import io.tlsbench.kdf.KeySchedule;
import io.tlsbench.kdf.SessionKeys;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.Providers;
import java.util.Random;

/**
 * One key-schedule implementation doing master secret, then key block, on fixed inputs. Plain
 * code with no JMH dependency (the Conscrypt benchmark-base idea): the JMH wrapper, the smoke test
 * and the CLI all drive the same object. Each call returns something the caller sinks.
 */
public abstract class KeyScheduleWorkload {

    protected final Schedule schedule;
    protected final byte[] preMaster = new byte[48];
    protected final byte[] clientRandom = new byte[32];
    protected final byte[] serverRandom = new byte[32];

    /** Inputs come from a seeded generator, so that implementations can be compared on equal inputs. */
    protected KeyScheduleWorkload(Schedule schedule, long seed) {
        this.schedule = schedule;
        Random r = new Random(seed);
        r.nextBytes(preMaster);
        r.nextBytes(clientRandom);
        r.nextBytes(serverRandom);
        preMaster[0] = (byte) schedule.version.major;
        preMaster[1] = (byte) schedule.version.minor;
    }

    /** An implementation over inputs from the seed. */
    public static KeyScheduleWorkload create(KeyScheduleImpl impl, Schedule schedule, long seed) {
        switch (impl) {
            case JDK: return new JdkTlsGenerators(schedule, seed);
            case BCTLS: return new BcTlsPrf(schedule, seed);
            default: return new Core(impl.provider, schedule, seed);
        }
    }

    /** master_secret from the pre-master secret and randoms. */
    public abstract Object masterSecret();

    /** master_secret, then the key block split into the six secrets. */
    public abstract Object masterAndKeyBlock();

    /** tlsbench core over one provider: output arrays are reused, nothing is allocated per call. */
    static final class Core extends KeyScheduleWorkload {
        private final KeySchedule ks;
        private final byte[] master = new byte[48];
        private final SessionKeys keys;

        Core(ProviderId provider, Schedule schedule, long seed) {
            super(schedule, seed);
            ks = new KeySchedule(Providers.require(provider));
            keys = new SessionKeys(schedule.layout());
            masterAndKeyBlock(); // fail in setup, not in the measurement, if a primitive is missing
        }

        @Override
        public Object masterSecret() {
            ks.masterSecret(schedule.version, schedule.suite, preMaster, clientRandom, serverRandom, master);
            return master;
        }

        @Override
        public Object masterAndKeyBlock() {
            ks.masterSecret(schedule.version, schedule.suite, preMaster, clientRandom, serverRandom, master);
            ks.keyBlock(schedule.version, schedule.suite, master, clientRandom, serverRandom, keys);
            return keys;
        }
    }
}
