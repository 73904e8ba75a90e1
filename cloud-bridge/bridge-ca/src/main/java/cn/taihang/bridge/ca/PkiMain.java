package cn.taihang.bridge.ca;

import cn.taihang.bridge.ca.cli.CaCommands;
import cn.taihang.bridge.ca.cli.HolderCommands;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pki} command line of the city CA and of holders being enrolled: {@code pki init --dir …},
 * {@code pki enrol-gateway}, {@code enrol-bridge}, {@code enrol-broker}, {@code renew}, {@code revoke}, {@code crl},
 * {@code list}; on the holder's side {@code make-gateway-csr}, {@code make-bridge-csr}, {@code make-broker-csr},
 * {@code install}, {@code show}. Exit status: 0 done, 2 bad usage, 3 refused (the message says why and what to
 * do), 4 a file could not be read or written, 1 anything else.
 */
@Command(name = "pki", mixinStandardHelpOptions = true, version = "Taihang Edge pki 0.1.0",
        description = {"The city CA 城市证书机构 of Taihang Edge, and the holder's side of an enrolment.",
                "On the CA: init, enrol-gateway, enrol-bridge, enrol-broker, renew, revoke, crl, list.",
                "On a holder (gateway, bridge, broker): make-gateway-csr, make-bridge-csr, make-broker-csr, install, show."},
        subcommands = {CaCommands.Init.class, CaCommands.EnrolGateway.class, CaCommands.EnrolBridge.class, CaCommands.EnrolBroker.class,
                CaCommands.Renew.class, CaCommands.Revoke.class, CaCommands.Crl.class, CaCommands.ListCertificates.class,
                HolderCommands.MakeGatewayCsr.class, HolderCommands.MakeBridgeCsr.class, HolderCommands.MakeBrokerCsr.class,
                HolderCommands.Install.class, HolderCommands.Show.class},
        footer = {"", "Exit status: 0 done, 2 bad usage, 3 refused (see the message), 4 file problem, 1 other error."})
public final class PkiMain implements Callable<Integer> {

    /** Exit status of a refused request. */
    public static final int REFUSED = 3;
    /** Exit status of a file that could not be read or written. */
    public static final int FILE_PROBLEM = 4;

    private static final String LOG_CONFIG_PROPERTY = "logback.configurationFile";

    private final PrintWriter out;
    @Spec
    private CommandSpec spec;

    private PkiMain(PrintWriter out) {
        this.out = out;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        if (System.getProperty(LOG_CONFIG_PROPERTY) == null) {
            System.setProperty(LOG_CONFIG_PROPERTY, "cn/taihang/bridge/ca/logback-cli.xml");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /**
     * Runs the command line without exiting (for embedding and tests).
     *
     * @return the exit status
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new PkiMain(out));
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            Throwable failure = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
            String message = failure instanceof NoSuchFileException missing && missing.getReason() == null
                    ? "no such file: " + missing.getFile() : failure.getMessage();
            err.println("pki " + commandLine.getCommandName() + ": " + message);
            err.flush();
            if (failure instanceof CaException || failure instanceof GeneralSecurityException) {
                return REFUSED;
            }
            if (failure instanceof IOException) {
                return FILE_PROBLEM;
            }
            failure.printStackTrace(err);
            return CommandLine.ExitCode.SOFTWARE;
        });
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return CommandLine.ExitCode.USAGE;
    }
}
