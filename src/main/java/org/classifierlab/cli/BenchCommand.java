package org.classifierlab.cli;

import picocli.CommandLine.Command;

/** {@code classifier-lab bench …}: timing runs whose figures go into BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times the engines on this machine and prints the figures.",
        subcommands = {MapBenchCommand.class, LinearBenchCommand.class, TrainBenchCommand.class, EngineBenchCommand.class, LoadBenchCommand.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
