package cn.taihang.simulator.faults;

import java.util.concurrent.TimeUnit;

/** How the fault scenarios end a child process: SIGTERM (graceful) or SIGKILL, then wait, escalating to SIGKILL. */
final class Termination {

    private static final long KILL_WAIT_SECONDS = 5;

    private Termination() {
    }

    /**
     * @param process the child
     * @param forcibly SIGKILL at once instead of SIGTERM
     * @param graceSeconds how long a SIGTERM may take before SIGKILL follows
     */
    static void end(Process process, boolean forcibly, long graceSeconds) {
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
