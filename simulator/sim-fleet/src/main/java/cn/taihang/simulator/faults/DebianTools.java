package cn.taihang.simulator.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Installs a Debian package the scenarios and benchmarks need when its program is missing (apt-get, as root). */
public final class DebianTools {

    private DebianTools() {
    }

    /**
     * Makes sure a program is there, installing its package with {@code apt-get install -y} if not.
     *
     * @param out where to say what happens
     * @param debianPackage the package, e.g. {@code mosquitto-clients}
     * @param program the program it installs, e.g. {@code /usr/bin/mosquitto_pub}
     * @throws IOException if it is missing and cannot be installed; the message says what to run
     */
    public static void ensure(PrintStream out, String debianPackage, Path program) throws IOException {
        if (Files.isExecutable(program)) {
            return;
        }
        out.printf("  %s is missing: installing the Debian package %s (apt-get install -y %s)%n", program, debianPackage, debianPackage);
        if (!run("apt-get", "install", "-y", "-q", debianPackage) && !(run("apt-get", "update", "-q") && run("apt-get", "install", "-y", "-q", debianPackage))) {
            throw new IOException("cannot install " + debianPackage + "; run as root: apt-get install -y " + debianPackage);
        }
        if (!Files.isExecutable(program)) {
            throw new IOException(debianPackage + " was installed but " + program + " is still missing");
        }
    }

    private static boolean run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
