package io.tlsbench.tool.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.HotSpotDiagnosticMXBean;
import io.tlsbench.provider.Primitive;
import io.tlsbench.provider.ProviderSet;
import io.tlsbench.provider.Providers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a run ran on: env.json. */
public final class Environment {

    /** HotSpot flags that decide whether AES and SHA run on the CPU's instructions. */
    static final String[] INTRINSIC_FLAGS = {"UseAES", "UseAESIntrinsics", "UseAESCTRIntrinsics", "UseGHASHIntrinsics",
        "UseSHA", "UseSHA1Intrinsics", "UseSHA256Intrinsics", "UseSHA512Intrinsics", "UseMD5Intrinsics",
        "UseAVX", "UseSSE"};
    static final String[] CPU_FLAGS = {"aes", "pclmulqdq", "sha_ni", "avx", "avx2", "avx512f", "vaes", "vpclmulqdq"};

    private Environment() {
    }

    public static void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), describe());
    }

    public static Map<String, Object> describe() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("host", hostName());
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", System.getProperty("java.runtime.version"));
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        jvm.put("home", System.getProperty("java.home"));
        jvm.put("arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        jvm.put("intrinsics", intrinsics());
        env.put("jvm", jvm);
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("model", cpuInfo("model name"));
        cpu.put("cores", Runtime.getRuntime().availableProcessors());
        List<String> flags = List.of(cpuInfo("flags").split(" "));
        Map<String, Boolean> has = new LinkedHashMap<>();
        for (String f : CPU_FLAGS) {
            has.put(f, flags.contains(f));
        }
        cpu.put("flags", has);
        env.put("cpu", cpu);
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("memory_bytes", totalMemory());
        List<Map<String, Object>> providers = new ArrayList<>();
        for (ProviderSet p : Providers.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id().toString());
            m.put("available", p.available());
            m.put("describe", p.describe());
            if (p.available()) {
                List<String> missing = new ArrayList<>();
                for (Primitive prim : p.lacking(List.of(Primitive.values()))) {
                    missing.add(prim.name());
                }
                m.put("missing", missing);
            } else {
                m.put("reason", p.unavailableReason());
            }
            providers.add(m);
        }
        env.put("providers", providers);
        return env;
    }

    private static Map<String, String> intrinsics() {
        Map<String, String> out = new LinkedHashMap<>();
        HotSpotDiagnosticMXBean hs = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String f : INTRINSIC_FLAGS) {
            try {
                out.put(f, hs.getVMOption(f).getValue());
            } catch (IllegalArgumentException e) {
                out.put(f, "n/a");
            }
        }
        return out;
    }

    /** A folder-name-safe tag: the host name, or the CPU model when there is none. */
    public static String hostTag() {
        String h = hostName();
        if (h.isEmpty() || h.equals("localhost")) {
            h = cpuInfo("model name");
        }
        String tag = h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return tag.isEmpty() ? "unknown" : tag.substring(0, Math.min(40, tag.length()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h == null ? "" : h;
        }
    }

    private static String cpuInfo(String key) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "";
    }

    private static long totalMemory() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return -1;
    }
}
