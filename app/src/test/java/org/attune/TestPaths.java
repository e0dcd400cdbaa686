package org.attune;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that tests read (the build passes the repository root). */
public final class TestPaths {
    private TestPaths() {
    }

    public static Path repoRoot() {
        String root = System.getProperty("attune.repo.root");
        Path p = root != null ? Path.of(root) : Path.of("..");
        if (!Files.isDirectory(p.resolve("coding-schemes"))) p = Path.of(".");
        return p.toAbsolutePath().normalize();
    }

    public static Path defaultScheme() {
        return repoRoot().resolve("coding-schemes/attachment-interaction.json");
    }

    public static Path jsonSchema() {
        return repoRoot().resolve("coding-schemes/attune-scheme.schema.json");
    }

    /** shared/seeds beside the repository (present on developer machines and in CI). */
    public static Path seeds() {
        return repoRoot().resolve("../shared/seeds").normalize();
    }
}
