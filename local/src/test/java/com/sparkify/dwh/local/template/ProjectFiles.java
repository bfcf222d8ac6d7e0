package com.sparkify.dwh.local.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the folder with template.yaml) from wherever the tests run. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("template.yaml"))
                && Files.isRegularFile(candidate.resolve("functions/pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no template.yaml next to functions/pom.xml above " + dir);
    }
}
