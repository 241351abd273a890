package org.classifierlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import javafx.application.Application;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code classifier-lab open FILE}: starts the studio with the scene file {@code FILE} open. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Start the studio with a scene file (File > Save scene) open.")
public final class OpenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "a scene file (.json)")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            System.err.println(file + ": there is no such scene file");
            return 2;
        }
        Application.launch(ClassifierLabApp.class, file.toAbsolutePath().toString());
        return 0;
    }
}
