package io.tlsbench.tool.cli;

import io.tlsbench.provider.ProviderId;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import java.util.ArrayList;
import java.util.List;

/** The --providers option of {@code run} and {@code leakcheck}: a comma list of provider names. */
final class ProviderList {

    private ProviderList() {
    }

    /** The chosen providers that are available, in enum order (all when none are named); notes say which were skipped and why. */
    static List<ProviderId> available(List<String> names, List<String> notes) {
        List<ProviderId> chosen = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            chosen.addAll(List.of(ProviderId.values()));
        } else {
            for (String n : names) {
                ProviderId id = ProviderId.parse(n);
                if (!chosen.contains(id)) {
                    chosen.add(id);
                }
            }
        }
        List<ProviderId> out = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            if (!chosen.contains(id)) {
                continue;
            }
            ProviderSet set = Providers.get(id);
            if (set.available()) {
                out.add(id);
            } else {
                notes.add("skipping " + id + ": " + set.unavailableReason());
            }
        }
        return out;
    }
}
