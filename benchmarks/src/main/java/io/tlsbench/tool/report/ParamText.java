package io.tlsbench.tool.report;

import java.util.Map;

/** A result's parameters as report text. */
final class ParamText {

    private ParamText() {
    }

    /** The parameters other than {@code without}, as "k=v k=v" (a schedule as its value alone). */
    static String of(Map<String, String> params, String... without) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            for (String w : without) {
                if (w.equals(k)) {
                    return;
                }
            }
            sb.append(sb.length() == 0 ? "" : " ").append(k.equals("schedule") ? "" : k + "=").append(v);
        });
        return sb.toString();
    }
}
