package io.tlsbench.bench.axis;

/**
 * A benchmark axis value with a label: the lowercase or dashed name reports, the run plan and
 * earlier runs' jmh.json use ("accp-first", "AES-128-CBC-SHA"). JMH itself is given the enum
 * constant's name, the only spelling an enum-typed @Param accepts.
 */
public interface Labelled {
    String label();
}
