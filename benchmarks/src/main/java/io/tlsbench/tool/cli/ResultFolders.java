package io.tlsbench.tool.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a command writes when not told: results/&lt;yyyy-mm-ddThhmm&gt;-&lt;suffix&gt; under the tlsbench home. */
final class ResultFolders {

    private ResultFolders() {
    }

    static Path stamped(String suffix) {
        String home = System.getProperty("tlsbench.home", ".");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm"));
        return Paths.get(home, "results", stamp + "-" + suffix).toAbsolutePath().normalize();
    }
}
