package org.classifierlab.app;

import javafx.application.Application;

import picocli.CommandLine;

import org.classifierlab.app.bench.DragBenchCommand;
import org.classifierlab.cli.ClassifierLabCommand;

/**
 * Entry point of the launcher: with no arguments it opens the window; with arguments it runs a headless
 * command (see {@code classifier-lab --help}) and exits with its status.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(ClassifierLabApp.class, args);
        } else {
            CommandLine cl = ClassifierLabCommand.commandLine();
            cl.getSubcommands().get("bench").addSubcommand("drag", new DragBenchCommand());
            System.exit(cl.execute(args));
        }
    }
}
