package org.classifierlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * THIRD-PARTY-NOTICES.md against what the build really ships: every runtime dependency Maven resolves (the list the
 * build writes with {@code dependency:list} into {@code runtime-dependencies.txt}) has a row with its version, no
 * row names a GPL or LGPL licence without the Classpath Exception, the licences the dependencies' own POMs declare
 * (from the local Maven repository) are not GPL/LGPL-only either, and every folder under assets/ has a row.
 */
class LicenceNoticesTest {

    /** groupId:artifactId:type[:classifier]:version:scope, as dependency:list writes them. */
    private static final Pattern DEPENDENCY = Pattern.compile(
            "^\\s*([\\w.\\-]+):([\\w.\\-]+):(?:jar|pom)(?::[\\w.\\-]+)?:([\\w.\\-]+):(?:compile|runtime)\\b.*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*([\\w.\\-]+:[\\w.\\-]+)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*(\\S+)\\s*\\|$");

    /** groupId:artifactId → version, of the runtime class path. */
    static Map<String, String> runtimeDependencies() throws IOException {
        String text;
        try (InputStream in = LicenceNoticesTest.class.getResourceAsStream("/runtime-dependencies.txt")) {
            assertThat(in).as("runtime-dependencies.txt (written by maven-dependency-plugin:list in"
                    + " generate-test-resources)").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> deps = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = DEPENDENCY.matcher(line);
            if (m.matches()) {
                deps.put(m.group(1) + ":" + m.group(2), m.group(3));
            }
        }
        return deps;
    }

    /** groupId:artifactId → {version, licence, URL}, from the notices' table. */
    static Map<String, String[]> notices() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("THIRD-PARTY-NOTICES.md"))) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4)});
            }
        }
        return rows;
    }

    /** Whether a licence name is GPL or LGPL with nothing that allows linking from other licences. */
    static boolean copyleftOnly(String licence) {
        String l = licence.toLowerCase(Locale.ROOT).replace("+", " ");
        boolean gpl = l.matches(".*\\b[la]?gpl.*") || l.contains("general public licen");
        boolean exception = l.contains("classpath exception") || l.matches(".*\\bce\\b.*") || l.contains("gplv2 ce");
        return gpl && !exception;
    }

    @Test
    void everyRuntimeDependencyIsInTheNoticesWithItsVersion() throws IOException {
        Map<String, String> deps = runtimeDependencies();
        assertThat(deps).as("runtime dependencies parsed").containsKey("org.openjfx:javafx-controls")
                .containsKey("com.fasterxml.jackson.core:jackson-databind").hasSizeGreaterThan(10);
        Map<String, String[]> rows = notices();
        List<String> problems = new ArrayList<>();
        deps.forEach((ga, version) -> {
            String[] row = rows.get(ga);
            if (row == null) {
                problems.add(ga + ":" + version + " is missing from THIRD-PARTY-NOTICES.md");
            } else if (!row[0].equals(version)) {
                problems.add(ga + " is " + version + " in the build but " + row[0] + " in THIRD-PARTY-NOTICES.md");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(rows.keySet()).as("rows for artifacts the build does not ship").containsExactlyInAnyOrderElementsOf(
                deps.keySet());
    }

    @Test
    void noLicenceIsGplOrLgplOnly() throws IOException {
        notices().forEach((ga, row) -> assertThat(copyleftOnly(row[1])).as("%s: %s", ga, row[1]).isFalse());
        assertThat(copyleftOnly("GNU General Public License, version 2")).isTrue();
        assertThat(copyleftOnly("LGPL-2.1-only")).isTrue();
        assertThat(copyleftOnly("GPLv2+CE")).isFalse();
        assertThat(copyleftOnly("Apache-2.0")).isFalse();
    }

    @Test
    void theDependenciesOwnPomsDeclareNoGplOrLgplOnlyLicence() throws IOException {
        Path repo = Path.of(System.getProperty("classifierlab.localRepo",
                System.getProperty("user.home") + "/.m2/repository"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(repo), "no local Maven repository at " + repo);
        for (Map.Entry<String, String> dep : runtimeDependencies().entrySet()) {
            String[] ga = dep.getKey().split(":");
            List<String> licences = declaredLicences(repo, ga[0], ga[1], dep.getValue(), 0);
            assertThat(licences).as("licences declared by the POMs of %s:%s", dep.getKey(), dep.getValue())
                    .isNotEmpty().noneMatch(LicenceNoticesTest::copyleftOnly);
        }
    }

    /** The licence names in a POM, or else in its parents'. */
    private static List<String> declaredLicences(Path repo, String group, String artifact, String version, int depth)
            throws IOException {
        Path pom = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".pom");
        if (depth > 6 || !Files.isRegularFile(pom)) {
            return List.of();
        }
        String xml = Files.readString(pom).replaceAll("(?s)<!--.*?-->", "");
        List<String> names = new ArrayList<>();
        Matcher licences = Pattern.compile("(?s)<licenses>(.*?)</licenses>").matcher(xml);
        if (licences.find()) {
            Matcher name = Pattern.compile("(?s)<name>\\s*(.*?)\\s*</name>").matcher(licences.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
            return names;
        }
        Matcher parent = Pattern.compile("(?s)<parent>.*?<groupId>\\s*(.*?)\\s*</groupId>.*?<artifactId>\\s*(.*?)\\s*"
                + "</artifactId>.*?<version>\\s*(.*?)\\s*</version>.*?</parent>").matcher(xml);
        return parent.find() ? declaredLicences(repo, parent.group(1), parent.group(2), parent.group(3), depth + 1)
                : List.of();
    }

    @Test
    void everyFolderOfBundledAssetsHasARow() throws IOException {
        String notices = Files.readString(Path.of("THIRD-PARTY-NOTICES.md"));
        try (Stream<Path> folders = Files.list(Path.of("assets"))) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                assertThat(notices).as("THIRD-PARTY-NOTICES.md names the bundled folder %s", folder)
                        .contains("| `assets/" + folder.getFileName() + "` |");
            }
        }
    }

    @Test
    void theLicenceIsTheFullApacheTwoText() throws IOException {
        String licence = Files.readString(Path.of("LICENSE"));
        assertThat(licence).contains("Apache License", "Version 2.0, January 2004",
                "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "9. Accepting Warranty or Additional"
                        + " Liability.", "END OF TERMS AND CONDITIONS", "APPENDIX: How to apply the Apache License");
        assertThat(licence.lines().count()).isGreaterThan(190);
    }
}
