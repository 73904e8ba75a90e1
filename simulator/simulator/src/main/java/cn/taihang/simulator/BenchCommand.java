package cn.taihang.simulator;

import picocli.CommandLine.Command;

/** {@code ./taihang bench NAME}: benchmarks against a peer tool or the physical limit. One subcommand per benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {cn.taihang.simulator.bench.StoreBenchCommand.class, cn.taihang.simulator.bench.DrainBenchCommand.class,
        cn.taihang.simulator.bench.IngestBenchCommand.class, cn.taihang.simulator.sensors.CoapBenchCommand.class,
        cn.taihang.simulator.tickets.TicketBenchCommand.class},
        description = "Benchmarks: each prints a table and a last line RESULT <name> ratio=<r> ...")
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
