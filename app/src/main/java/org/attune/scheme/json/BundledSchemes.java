package org.attune.scheme.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.attune.scheme.CodingScheme;

/** Schemes shipped inside Attune (the files of {@code coding-schemes/}, packaged as resources). */
public final class BundledSchemes {

    public static final String DEFAULT_FILE = "attachment-interaction.json";

    private BundledSchemes() {
    }

    /** The default attachment-interaction scheme. A broken bundled file is a build error, hence unchecked. */
    public static CodingScheme defaultScheme() {
        return load(DEFAULT_FILE);
    }

    public static CodingScheme load(String fileName) {
        try (InputStream in = BundledSchemes.class.getResourceAsStream("/org/attune/schemes/" + fileName)) {
            if (in == null) throw new IllegalStateException("bundled scheme missing from the build: " + fileName);
            return SchemeReader.read(in, fileName).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
