package org.classifierlab.app;

import javafx.application.Application;

import picocli.CommandLine;

import org.classifierlab.app.bench.DragBenchCommand;
import org.classifierlab.cli.ClassifierLabCommand;

/**
 * Entry point of the launcher: with no arguments (or only a scene file) it opens the window; with arguments it runs a
 * headless command (see {@code classifier-lab --help}) and exits with its status.
 */
public final class Main {

    private Main() {
    }

    static boolean isSceneFile(String arg) {
        return arg.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg));
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && isSceneFile(args[0]))) {
            // A scene file as the only argument (a double-clicked file, a desktop launcher) opens the studio with it.
            Application.launch(ClassifierLabApp.class, args);
        } else {
            CommandLine cl = ClassifierLabCommand.commandLine();
            cl.getSubcommands().get("bench").addSubcommand("drag", new DragBenchCommand());
            cl.addSubcommand("open", new OpenCommand());
            System.exit(cl.execute(args));
        }
    }
}
