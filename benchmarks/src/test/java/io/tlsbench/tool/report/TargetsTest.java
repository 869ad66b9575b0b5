package io.tlsbench.tool.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The targets computed from the hand-made run folder fixtures/run-small, against hand-worked answers. */
class TargetsTest {

    static RunFolder fixture() throws Exception {
        return RunFolder.load(dir());
    }

    static Path dir() throws URISyntaxException {
        return Paths.get(TargetsTest.class.getResource("/fixtures/run-small/jmh.json").toURI()).getParent();
    }

    static Targets.Row row(List<Targets.Row> rows, String fragment) {
        return rows.stream().filter(r -> r.target().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no target row with " + fragment + " in " + rows));
    }

    @Test
    void computesEachTargetFromTheRun() throws Exception {
        List<Targets.Row> rows = Targets.of(fixture());

        // Key schedule: core-sunjce 200,000 ± 10,000 over jdk 100,000 ± 5,000 = 2.0,
        // error 2.0 × √(0.05² + 0.05²) = 0.1414; below 3 even with its error: missed.
        Targets.Row jdk = row(rows, "vs the JDK's generators");
        assertEquals(2.0, jdk.ratio(), 1e-9);
        assertEquals(0.14142, jdk.error(), 1e-4);
        assertEquals("missed — indicative only: KeyScheduleBenchmark warmed 1.0 s of the 5.0 s it needs", jdk.verdict());
        // Over bctls 50,000 (no error): 4.0 ≥ 2: met.
        Targets.Row bc = row(rows, "vs bctls");
        assertEquals(4.0, bc.ratio(), 1e-9);
        assertTrue(bc.verdict().startsWith("met — indicative only: "), bc.verdict());

        // AES-128-CBC-SHA seal 16 KB, sunjce 50,000 records/s; its limit 1/(1/100,000 + 1/150,000) = 60,000:
        // 83.3 % ± 1,000/60,000 = 1.67 %: missed (goal 90 %).
        Targets.Row limit = row(rows, "of its own limit");
        assertEquals(50_000.0 / 60_000, limit.ratio(), 1e-9);
        assertEquals(1_000.0 / 60_000, limit.error(), 1e-9);
        assertEquals("RecordBenchmark warmed 1.0 s of the 1.2 s it needs", limit.shortWarmup());
        assertTrue(limit.verdict().startsWith("missed — "), limit.verdict());
        // 50,000 × 16,384 B = 819.2 MB/s over openssl's stitched 1,638.4 MB/s = 50 %, error 1 %: met, but only just.
        Targets.Row nat = row(rows, "aes-128-cbc-hmac-sha1");
        assertEquals(0.5, nat.ratio(), 1e-9);
        assertTrue(nat.verdict().startsWith("met (error spans the goal) — "), nat.verdict());
        // The fixture has no JSSE wrap of AES-128-CBC-SHA: no such row.
        assertTrue(rows.stream().noneMatch(r -> r.target().contains("JSSE wrap")));

        // Full RSA handshakes: core 1,000 ± 30 over JSSE 500 ± 15 = 2.0 ± 0.0849: missed (goal 3).
        Targets.Row rsa = row(rows, "core jdk vs JSSE (jdk)");
        assertEquals(2.0, rsa.ratio(), 1e-9);
        assertEquals(0.08485, rsa.error(), 1e-4);
        assertEquals("HandshakeBenchmark warmed 1.0 s of the 5.0 s it needs", rsa.shortWarmup());
        assertTrue(rsa.verdict().startsWith("missed — "), rsa.verdict());
        // Of OpenSSL: 1/(1/2,000 + 1/60,000) = 1,935.48/s; 1,000 / 1,935.48 = 51.7 %: missed (goal 70 %).
        Targets.Row rsaNative = row(rows, "of OpenSSL's");
        assertEquals(1000 / (1 / (1 / 2000.0 + 1 / 60000.0)), rsaNative.ratio(), 1e-9);
        assertTrue(rsaNative.verdict().startsWith("missed — "), rsaNative.verdict());
        // No resumed RSA figure for the core and no JSSE ECDHE-ECDSA figure: those targets are left out.
        assertTrue(rows.stream().noneMatch(r -> r.target().startsWith("Resumed")));
        assertTrue(rows.stream().noneMatch(r -> r.target().contains("ECDHE_ECDSA")));
    }

    /** targets.json holds the benchmark issue's goals, each target's text, and the causes the missed ones name. */
    @Test
    void goalsAreTheIssuesData() {
        double[] goals = {3, 2, 0.9, 1.2, 0.5, 3, 0.7, 20, 4};
        boolean[] percent = {false, false, true, false, true, false, true, false, false};
        TargetGoals.Target[] all = TargetGoals.Target.values();
        assertEquals(goals.length, all.length);
        for (int i = 0; i < all.length; i++) {
            TargetGoals.Goal g = TargetGoals.goal(all[i]);
            assertEquals(goals[i], g.goal(), 0, all[i].id());
            assertEquals(percent[i], g.percent(), all[i].id());
            assertTrue(!g.target().isBlank(), all[i].id());
        }
        Targets.Row resumed = TargetGoals.row(TargetGoals.Target.RESUMED_VS_FULL,
                java.util.Map.of("suite", "S", "config", "C", "resumedMicros", "123"), "f", 10, 1);
        assertEquals("Resumed vs full handshakes, S, core C", resumed.target());
        assertTrue(resumed.cause().startsWith("a resumed core handshake costs 123 µs"), resumed.cause());
        assertEquals("missed", resumed.verdict());
        assertEquals(null, TargetGoals.row(TargetGoals.Target.SEAL_OF_LIMIT, java.util.Map.of(), "f", 1, 0).cause());
    }

    @Test
    void verdictsSayWhenTheErrorSpansTheGoal() {
        assertEquals("met", new Targets.Row("t", "f", 3.5, 0.2, 3, false).verdict());
        assertEquals("met (error spans the goal)", new Targets.Row("t", "f", 3.1, 0.2, 3, false).verdict());
        assertEquals("missed (error spans the goal)", new Targets.Row("t", "f", 2.9, 0.2, 3, false).verdict());
        assertEquals("missed", new Targets.Row("t", "f", 2.5, 0.2, 3, false).verdict());
        assertEquals("met", new Targets.Row("t", "f", 3.1, Double.NaN, 3, false).verdict());
    }

    /** A figure warmed up long enough for its class leaves the verdict alone; a shorter warm-up marks it. */
    @Test
    void shortWarmUpsMakeAVerdictIndicative() {
        Targets.Row row = new Targets.Row("t", "f", 3.5, 0.2, 3, false);
        assertEquals("met", row.warmedBy(handshake(8.0)).verdict());
        assertEquals("met — indicative only: HandshakeBenchmark warmed 2.0 s of the 5.0 s it needs",
                row.warmedBy(handshake(8.0), handshake(2.0)).verdict());
    }

    private static JmhResult handshake(double warmupSeconds) {
        return new JmhResult("io.tlsbench.bench.jmh.HandshakeBenchmark.handshake", "thrpt", java.util.Map.of(), 1000, 10,
                "ops/s", Double.NaN, List.of(), java.util.Map.of(), warmupSeconds);
    }
}
