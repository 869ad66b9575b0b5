package io.tlsbench.tool.report;

import com.fasterxml.jackson.databind.JsonNode;

/** Look-ups in openssl.json (see {@link NativeReference}); NaN wherever a figure is absent. */
public final class NativeFigures {

    private final JsonNode root;

    NativeFigures(JsonNode root) {
        this.root = root;
    }

    /** True when openssl.json exists and says openssl ran. */
    public boolean available() {
        return root.path("available").asBoolean(false);
    }

    /** Why there is no native reference, for the report. */
    public String absence() {
        if (root.isMissingNode()) {
            return "no openssl.json in this run";
        }
        String reason = root.path("reason").asText("");
        return reason.isEmpty() ? "openssl.json says openssl was not available" : reason;
    }

    public String version() {
        return root.path("version").asText("");
    }

    /** Bytes per second of a bulk algorithm at a block size. */
    public double bytesPerSecond(String algorithm, int size) {
        return JmhResult.number(root.path("algorithms").path(algorithm).path("bytes_per_second").path(Integer.toString(size)));
    }

    public double signPerSecond(String algorithm) {
        return JmhResult.number(root.path("algorithms").path(algorithm).path("sign_per_second"));
    }

    public double verifyPerSecond(String algorithm) {
        return JmhResult.number(root.path("algorithms").path(algorithm).path("verify_per_second"));
    }

    public double derivePerSecond(String algorithm) {
        return JmhResult.number(root.path("algorithms").path(algorithm).path("derive_per_second"));
    }

    /** An algorithm's error entry, or null. */
    public String error(String algorithm) {
        JsonNode e = root.path("algorithms").path(algorithm).path("error");
        return e.isMissingNode() || e.isNull() ? null : e.asText();
    }

    JsonNode root() {
        return root;
    }
}
