package org.classifierlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs {@code classifier-lab ARGS} in-process, its standard output and error written to {@code out} and {@code err}. */
final class CliRun {

    private CliRun() {
    }

    static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = ClassifierLabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
