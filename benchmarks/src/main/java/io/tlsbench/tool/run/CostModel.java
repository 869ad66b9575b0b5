package io.tlsbench.tool.run;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.KeyScheduleImpl;
import io.tlsbench.provider.ProviderId;
import io.tlsbench.tool.run.BenchmarkMatrix.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark costs in wall-clock time before its iterations, the planner's estimate
 * (fork costs dominate on a small machine). RunPlannerTest holds the presets to their budgets
 * through this model.
 */
public final class CostModel {

    /**
     * Seconds a forked benchmark JVM costs beyond its iterations: JVM start, class loading, JMH's
     * link to the host VM, teardown. Calibrated on the reference machine (JDK 17, the shaded jar)
     * from standard runs: a run's wall-clock time less its iterations, per fork, then lowered
     * until the estimate of the next standard run came out above its real duration by a margin,
     * not far above it. The model adds the setup per class and provider ({@link #setupSeconds})
     * on top, so it stays conservative.
     */
    public static final double FORK_OVERHEAD_SECONDS = 0.5;

    /**
     * Seconds a fresh JVM spends making a provider (Bouncy Castle's provider registers its
     * thousands of algorithms; ACCP and Conscrypt load native libraries), from the same
     * calibration runs.
     */
    static final Map<ProviderId, Double> PROVIDER_LOAD_SECONDS = Map.of(ProviderId.SUNJCE, 0.0, ProviderId.BC, 1.3,
            ProviderId.ACCP, 0.5, ProviderId.CONSCRYPT, 0.1);

    /** Bouncy Castle's TLS PRF loads its lightweight crypto, not the provider. */
    static final double BCTLS_LOAD_SECONDS = 0.3;

    private CostModel() {
    }

    /**
     * What setup costs a fork of this block beyond {@link #FORK_OVERHEAD_SECONDS}: per class (a
     * record workload seals a ~1 MB ring in a cold JVM; an SSLEngine pair generates an RSA-2048
     * key, handshakes and checks a ring), plus the mean provider load over the block's providers
     * (a block's combinations are spread evenly over them).
     */
    public static double setupSeconds(Block b) {
        double perClass;
        switch (b.benchmark()) {
            case RECORD: perClass = 0.4; break;
            case JSSE_RECORD: perClass = 0.5; break;
            case HANDSHAKE: perClass = 1.0; break; // RSA/EC/DSA keys and a first handshake
            case CIPHER_CEILING:
            case MAC_CEILING: perClass = 0.1; break;
            default: perClass = 0;
        }
        List<Double> loads = loads(b.params());
        double load = 0;
        if (!loads.isEmpty()) {
            for (double l : loads) {
                load += l;
            }
            load /= loads.size();
        }
        return perClass + load;
    }

    /** The provider load of each provider or key-schedule implementation the block runs over. */
    private static List<Double> loads(Params p) {
        List<Double> out = new ArrayList<>();
        List<ProviderId> providers = p.get(Axis.PROVIDER);
        if (providers != null) {
            providers.forEach(id -> out.add(PROVIDER_LOAD_SECONDS.get(id)));
            return out;
        }
        List<KeyScheduleImpl> impls = p.get(Axis.IMPL);
        if (impls != null) {
            for (KeyScheduleImpl i : impls) {
                out.add(i.core() ? PROVIDER_LOAD_SECONDS.get(i.provider) : i == KeyScheduleImpl.BCTLS ? BCTLS_LOAD_SECONDS : 0.0);
            }
        }
        return out;
    }
}
