package cn.taihang.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./taihang demo|sim|bench}: the simulator's command line. */
@Command(name = "taihang", mixinStandardHelpOptions = true, subcommands = {DemoCommand.class, SimCommand.class, BenchCommand.class},
        description = "Taihang Edge simulator: the Jincheng network played against real gateways and the real bridge.")
public final class SimulatorMain {

    private SimulatorMain() {
    }

    /** @param args command line */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }
}
