package io.tlsbench.tool.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The command line's input edges. Hex: any string either parses (and formats back to the same
 * digits) or is an IllegalArgumentException with a one-line message. Arguments: kdf and keys run
 * in-process on fuzzed argument lists and must exit 0, or 2 with one "tlsbench: ..." line and no
 * stack trace; the commands that would start benchmarks, servers or connections are only parsed,
 * where the only allowed failure is picocli's ParameterException.
 */
class CliFuzzTest {

    private static final String[] WORDS = {
        "kdf", "keys", "providers", "run", "serve", "connect", "report", "capacity", "--help", "-h",
        "--version", "--hash", "--secret", "--label", "--seed", "--length", "--provider", "--suite", "--premaster",
        "--master", "--client-random", "--server-random", "--session-hash", "--preset", "--include", "--providers",
        "--out", "--dry-run", "--port", "--host", "--cert", "--key", "--suites", "--versions", "--client-auth",
        "--trust", "--insecure", "--sni", "--keylog", "--reconnect", "--timeout", "--max-connections", "--results",
        "--new-connections-per-s", "--resumption-ratio", "--throughput-gbps", "--record-size",
        "--target-utilization", "ssl3", "tls10", "tls11", "tls12", "sha256", "sha384", "sha1", "md5", "sunjce",
        "bc", "accp", "conscrypt", "0x", "00", "0x002f", "0xc02f", "TLS_RSA_WITH_AES_128_CBC_SHA",
        "SSL_RSA_WITH_RC4_128_MD5", "-1", "0", "1", "12", "48", "100", "1048576", "2147483648", "=", "--length=",
        "ab".repeat(32), "cd".repeat(48), "0x" + "ef".repeat(48), "",
    };

    @FuzzTest
    void hex(FuzzedDataProvider data) {
        int length = data.consumeInt(-1, 64);
        String value = data.consumeRemainingAsString();
        try {
            byte[] b = length < 0 ? Hex.parse("--x", value) : Hex.parse("--x", value, length);
            String digits = value.trim();
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                digits = digits.substring(2);
            }
            if (!Hex.format(b).equals(digits.toLowerCase(Locale.ROOT))) {
                throw new AssertionError("'" + value + "' parsed to " + Hex.format(b));
            }
        } catch (IllegalArgumentException e) {
            oneLine(Main.message(e)); // as the command line prints it
        }
    }

    @FuzzTest
    void args(FuzzedDataProvider data) {
        List<String> list = new ArrayList<>();
        int n = data.consumeInt(0, 14);
        for (int i = 0; i < n; i++) {
            list.add(data.consumeBoolean() ? data.pickValue(WORDS) : data.consumeString(48));
        }
        String[] args = list.toArray(new String[0]);
        String command = args.length == 0 ? "" : args[0];
        if (command.equals("kdf") || command.equals("keys") || args.length == 0) {
            execute(args);
        } else {
            parseOnly(args);
        }
    }

    private static void execute(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        String e = err.toString(StandardCharsets.UTF_8);
        String all = out.toString(StandardCharsets.UTF_8) + e;
        if (all.contains("\tat ") || all.contains("Exception in thread")) {
            throw new AssertionError("a stack trace for " + List.of(args) + ":\n" + all);
        }
        if (code == Main.BAD_ARGUMENT) {
            if (!e.startsWith("tlsbench: ")) {
                throw new AssertionError("exit 2 without a 'tlsbench: ' line for " + List.of(args) + ": " + e);
            }
            oneLine(e.stripTrailing());
        } else if (code != Main.OK) {
            throw new AssertionError("exit " + code + " for " + List.of(args) + ": " + e);
        }
    }

    private static void parseOnly(String[] args) {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            oneLine(Main.message(e));
        }
    }

    private static void oneLine(String message) {
        if (message == null || message.isBlank() || message.contains("\n")) {
            throw new AssertionError("not a one-line message: " + message);
        }
    }
}
