package io.tlsbench.tool.run;

import io.tlsbench.bench.axis.Axis;
import io.tlsbench.bench.axis.BufferKind;
import io.tlsbench.bench.axis.CeilingCipher;
import io.tlsbench.bench.axis.CeilingMac;
import io.tlsbench.bench.axis.Engine;
import io.tlsbench.bench.axis.RecordSize;
import io.tlsbench.bench.axis.RecordSuite;
import io.tlsbench.bench.axis.Schedule;
import io.tlsbench.suite.BulkCipher;
import io.tlsbench.suite.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The values to cover along each axis of the key-schedule, record, ceiling and SSLEngine
 * benchmarks. Start from {@link #everything()} and narrow by name:
 * {@code everything().versions(TLS12).sizes(B64, B16384)}. {@code peerBuffers} are the SSLEngine
 * peers' buffers, which a preset may narrow apart from the core's.
 */
public record Selection(List<Schedule> schedules, List<RecordSuite> suites, List<ProtocolVersion> versions,
                        List<RecordSize> sizes, List<BufferKind> buffers, List<CeilingCipher> ciphers,
                        List<CeilingMac> macs, List<Engine> engines, List<BufferKind> peerBuffers) {

    /** Every value of every axis. */
    public static Selection everything() {
        return new Selection(Axis.SCHEDULE.values(), Axis.RECORD_SUITE.values(), Axis.VERSION.values(), Axis.SIZE.values(),
                Axis.BUFFER.values(), Axis.CIPHER.values(), Axis.MAC.values(), Axis.ENGINE.values(), Axis.BUFFER.values());
    }

    /** The record suites whose bulk cipher matches, in the axis's order. */
    public static List<RecordSuite> recordSuites(Predicate<BulkCipher> cipher) {
        List<RecordSuite> out = new ArrayList<>();
        for (RecordSuite r : RecordSuite.values()) {
            if (cipher.test(r.suite.cipher)) {
                out.add(r);
            }
        }
        return out;
    }

    public Selection schedules(Schedule... v) {
        return new Selection(List.of(v), suites, versions, sizes, buffers, ciphers, macs, engines, peerBuffers);
    }

    public Selection suites(RecordSuite... v) {
        return suites(List.of(v));
    }

    public Selection suites(List<RecordSuite> v) {
        return new Selection(schedules, List.copyOf(v), versions, sizes, buffers, ciphers, macs, engines, peerBuffers);
    }

    public Selection versions(ProtocolVersion... v) {
        return versions(List.of(v));
    }

    public Selection versions(List<ProtocolVersion> v) {
        return new Selection(schedules, suites, List.copyOf(v), sizes, buffers, ciphers, macs, engines, peerBuffers);
    }

    public Selection sizes(RecordSize... v) {
        return sizes(List.of(v));
    }

    public Selection sizes(List<RecordSize> v) {
        return new Selection(schedules, suites, versions, List.copyOf(v), buffers, ciphers, macs, engines, peerBuffers);
    }

    public Selection buffers(BufferKind... v) {
        return new Selection(schedules, suites, versions, sizes, List.of(v), ciphers, macs, engines, peerBuffers);
    }

    public Selection ciphers(CeilingCipher... v) {
        return new Selection(schedules, suites, versions, sizes, buffers, List.of(v), macs, engines, peerBuffers);
    }

    public Selection macs(CeilingMac... v) {
        return new Selection(schedules, suites, versions, sizes, buffers, ciphers, List.of(v), engines, peerBuffers);
    }

    public Selection engines(Engine... v) {
        return new Selection(schedules, suites, versions, sizes, buffers, ciphers, macs, List.of(v), peerBuffers);
    }

    public Selection peerBuffers(BufferKind... v) {
        return new Selection(schedules, suites, versions, sizes, buffers, ciphers, macs, engines, List.of(v));
    }
}
