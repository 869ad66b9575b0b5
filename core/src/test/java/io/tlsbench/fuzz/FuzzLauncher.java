package io.tlsbench.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one fuzz test in a plain JVM (used by .ci/fuzz): {@code FuzzLauncher class#method}. Jazzer
 * fuzzes one target per JVM; with JAZZER_FUZZ set it fuzzes, without it replays the inputs. Prints
 * JUnit's summary with failures; exit code 0 when the test passed, 1 when it failed (a finding).
 */
public final class FuzzLauncher {

    private FuzzLauncher() {
    }

    public static void main(String... args) throws ClassNotFoundException {
        if (args.length != 1 || !args[0].contains("#")) {
            System.err.println("usage: FuzzLauncher fully.qualified.Class#method");
            System.exit(2);
        }
        String[] target = args[0].split("#", 2);
        Class<?> type = Class.forName(target[0]);
        java.lang.reflect.Method method = null;
        for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(target[1])) {
                method = m;
            }
        }
        if (method == null) {
            System.err.println("no method " + target[1] + " in " + target[0]);
            System.exit(2);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(type, method)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printFailuresTo(new java.io.PrintWriter(System.out, true), 40);
        System.out.printf("fuzz-launcher: %s tests=%d succeeded=%d failed=%d aborted=%d%n", args[0],
                summary.getTestsStartedCount(), summary.getTestsSucceededCount(), summary.getTestsFailedCount(),
                summary.getTestsAbortedCount());
        System.exit(summary.getTestsFailedCount() == 0 && summary.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
