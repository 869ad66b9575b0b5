package io.tlsbench.tool.cli;

import io.tlsbench.tool.peer.KeyLogFile;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The --keylog option of serve and connect (a picocli mixin). */
public final class KeyLogOption {

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "append NSS key log lines (CLIENT_RANDOM ...) to FILE, as SSLKEYLOGFILE")
    String path;

    /** The file opened for appending, or null without the option; one that cannot be opened is an IllegalArgumentException. */
    KeyLogFile open(PrintWriter err) {
        return path == null ? null : KeyLogFile.open("--keylog", path, err);
    }
}
