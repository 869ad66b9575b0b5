package io.tlsbench.tool.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How the report tells a variant rerun from a main figure: by the fork's JVM arguments as jmh.json spells them. */
class JmhResultTest {

    private static JmhResult open(String jvmArg) throws Exception {
        String json = "{\"benchmark\": \"io.tlsbench.bench.jmh.RecordBenchmark.open\", \"mode\": \"thrpt\","
                + " \"jvmArgs\": [\"-Xmx1g\", \"" + jvmArg + "\"],"
                + " \"primaryMetric\": {\"score\": 1000.0, \"scoreError\": 10.0, \"scoreUnit\": \"ops/s\"}}";
        return JmhResult.of(new ObjectMapper().readTree(json));
    }

    /** Runs already in results/ carry this exact argument: the report must keep recognising it. */
    @Test
    void theConstantTimeRerunIsKnownByItsJvmArgument() throws Exception {
        JmhResult constantTime = open("-Dtlsbench.cbcMacCheck=constant-time");
        assertTrue(constantTime.constantTimeMac());
        assertTrue(constantTime.variant());

        JmhResult provider = open("-Dtlsbench.cbcMacCheck=provider");
        assertFalse(provider.constantTimeMac());
        assertFalse(provider.variant());
    }

    @Test
    void theIntrinsicsOffRerunIsKnownByItsJvmArgument() throws Exception {
        JmhResult off = open("-XX:-UseAES");
        assertTrue(off.intrinsicsOff());
        assertTrue(off.variant());
        assertFalse(off.constantTimeMac());
    }
}
