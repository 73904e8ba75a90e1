package cn.taihang.simulator;

import cn.taihang.simulator.faults.CrashCommand;
import cn.taihang.simulator.faults.OutageCommand;
import picocli.CommandLine.Command;

/** {@code ./taihang sim SCENARIO}: simulation scenarios with a report. One subcommand per scenario. */
@Command(name = "sim", mixinStandardHelpOptions = true, subcommands = {CrashCommand.class, OutageCommand.class, cn.taihang.simulator.faults.StormCommand.class, cn.taihang.simulator.faults.RolloutCommand.class, cn.taihang.simulator.tickets.TicketSimCommand.class,
        cn.taihang.simulator.mobility.GoldenWeekCommand.class, cn.taihang.simulator.soak.SoakCommand.class, cn.taihang.simulator.mishaps.MishapsCommand.class,
        cn.taihang.simulator.province.ProvinceCommand.class},
        description = "Simulation scenarios against real gateways, the real bridge and a real broker, each with a report.")
final class SimCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
