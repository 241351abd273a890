package org.classifierlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line behind {@code classifier-lab COMMAND …}. Runs on the calling thread; output
 * goes to stdout, errors to stderr with a non-zero exit code.
 */
@Command(name = "classifier-lab", mixinStandardHelpOptions = true, version = "Classifier Lab 0.1.0",
        description = "Classifier Lab: with no arguments opens the studio window; with a command runs it headless.",
        subcommands = {KnnCommand.class, CrossValidateCommand.class, NeighboursCommand.class, LossCommand.class,
            Linear2dCommand.class, TrainCommand.class, ScoresCommand.class, BenchCommand.class})
public final class ClassifierLabCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** A command line wired to this process's stdout and stderr. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ClassifierLabCommand());
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("classifier-lab " + line.getCommandName() + ": " + ex.getMessage());
            return 2;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            line.getErr().println("classifier-lab " + line.getCommandName() + ": " + ex.getMessage());
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
            return 2;
        });
        return cl;
    }

    /** Runs {@code args} and returns the exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }
}
