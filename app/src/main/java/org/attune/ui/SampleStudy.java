package org.attune.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bundled sample study (sample-sessions/ in the repository: two synthetic free-play videos and
 * three coders' codings). On the first run the app copies it into a folder the user can write to,
 * {@code ~/Attune/Sample study} by default, and opens it there: coding writes to the study, and a
 * newcomer should see real data at once. An existing copy is reused, never overwritten.
 */
public final class SampleStudy {

    static final String STUDY = "sample-study.attune";
    /** The study file comes last: a copy interrupted half-way is completed on the next run, never mistaken for whole. */
    static final List<String> FILES = List.of("free-play-s01.mp4", "free-play-s02.mp4", "README.md", STUDY);

    private SampleStudy() {
    }

    /** The default place: {@code ~/Attune/Sample study}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), "Attune", "Sample study");
    }

    /** The sample study in {@code folder}, copied from the app's resources if it is not there yet. */
    public static Path install(Path folder) throws IOException {
        Path study = folder.resolve(STUDY);
        if (Files.isRegularFile(study)) return study;
        Files.createDirectories(folder);
        for (String name : FILES) {
            Path target = folder.resolve(name);
            if (Files.exists(target)) continue;
            try (InputStream in = SampleStudy.class.getResourceAsStream("/org/attune/samples/" + name)) {
                if (in == null) throw new IOException("The sample file " + name + " is missing from this build of Attune.");
                Path tmp = folder.resolve(name + ".part");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return study;
    }
}
