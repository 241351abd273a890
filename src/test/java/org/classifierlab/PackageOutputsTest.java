package org.classifierlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn -Ppackage verify} builds (README, "Building the installer"): the zipped runtime image and, where
 * jpackage, dpkg-deb and fakeroot are at hand, a Debian package that installs the launcher, the desktop entry, the
 * licence and the notices. The profile runs this test in its verify phase, after the outputs exist; in a plain
 * {@code mvn verify} there are none, and it says so and skips.
 */
class PackageOutputsTest {

    private static void requirePackageRun() {
        Assumptions.assumeTrue(Boolean.getBoolean("classifierlab.packageCheck"),
                "the installer and zip are built only by `mvn -Ppackage verify`, which runs this test after them");
    }

    private static String version() {
        return System.getProperty("classifierlab.packageVersion", "0.1.0");
    }

    @Test
    void theZipHoldsTheRuntimeImageWithAnExecutableLauncherAndTheNotices() throws IOException {
        requirePackageRun();
        Path zip = Path.of(System.getProperty("classifierlab.packageZip"));
        assertThat(zip).isRegularFile();
        assertThat(zip.getFileName().toString()).matches("classifier-lab-.+-linux-x64\\.zip");
        String top = zip.getFileName().toString().replace("-linux-x64.zip", "") + "/";
        List<String> names = new ArrayList<>();
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(file.getEntries())) {
                names.add(e.getName());
                if (e.getName().equals(top + "bin/classifier-lab")) {
                    assertThat(e.getUnixMode() & 0111).as("the launcher is executable").isEqualTo(0111);
                }
            }
        }
        assertThat(names).contains(top + "bin/classifier-lab", top + "bin/java", top + "lib/modules", top + "release",
                top + "LICENSE", top + "THIRD-PARTY-NOTICES.md");
        assertThat(names).anyMatch(n -> n.startsWith(top + "legal/"));
    }

    @Test
    void theDebInstallsTheLauncherTheDesktopEntryAndTheNotices() throws Exception {
        requirePackageRun();
        Assumptions.assumeTrue(onPath("dpkg-deb") && onPath("fakeroot"), "no dpkg-deb or fakeroot on this machine"
                + " (apt-get install dpkg-dev fakeroot), so jpackage made no .deb");
        Path dir = Path.of(System.getProperty("classifierlab.installerDir"));
        List<Path> debs;
        try (Stream<Path> files = Files.list(dir)) {
            debs = files.filter(p -> p.toString().endsWith(".deb")).toList();
        }
        assertThat(debs).hasSize(1);
        Path deb = debs.get(0);
        assertThat(deb.getFileName().toString()).startsWith("classifier-lab_" + version() + "_");
        String contents = run("dpkg-deb", "-c", deb.toString());
        assertThat(contents).contains("./opt/classifier-lab/bin/classifier-lab",
                "./opt/classifier-lab/lib/classifier-lab-classifier-lab.desktop",
                "./opt/classifier-lab/lib/classifier-lab.png",
                "./opt/classifier-lab/lib/LICENSE", "./opt/classifier-lab/lib/THIRD-PARTY-NOTICES.md",
                "./opt/classifier-lab/lib/runtime/LICENSE", "./opt/classifier-lab/lib/runtime/lib/modules",
                "./opt/classifier-lab/share/doc/copyright");
        assertThat(contents).containsPattern("-rwxr-xr-x .* \\./opt/classifier-lab/bin/classifier-lab\\n");
        assertThat(run("dpkg-deb", "-f", deb.toString(), "Package", "Version").strip())
                .isEqualTo("Package: classifier-lab\nVersion: " + version());
        // The desktop entry names the app, the launcher and the icon; postinst registers it with xdg-desktop-menu.
        Path unpacked = Files.createTempDirectory("classifier-lab-deb");
        try {
            run("dpkg-deb", "-x", deb.toString(), unpacked.toString());
            String desktop = Files.readString(unpacked.resolve("opt/classifier-lab/lib/classifier-lab-classifier-lab"
                    + ".desktop"));
            assertThat(desktop).contains("Name=Classifier Lab\n", "Exec=/opt/classifier-lab/bin/classifier-lab %f\n",
                    "Icon=/opt/classifier-lab/lib/classifier-lab.png\n", "Categories=Education;");
            assertThat(unpacked.resolve("opt/classifier-lab/lib/LICENSE")).hasSameTextualContentAs(Path.of("LICENSE"));
        } finally {
            try (Stream<Path> all = Files.walk(unpacked)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String postinst = run("dpkg-deb", "-I", deb.toString(), "postinst");
        assertThat(postinst).contains("xdg-desktop-menu install", "classifier-lab-classifier-lab.desktop");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }
}
