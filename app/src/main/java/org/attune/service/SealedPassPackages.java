package org.attune.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.attune.exchange.SealedPackage;
import org.attune.store.PassPackage;
import org.attune.store.PassReceive;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * Coder packages sealed with a passphrase (ADR 10), for the command line and the app alike: the plain package is
 * made, or opened, beside the sealed one under a hidden name and deleted after use, whatever happens.
 */
public final class SealedPassPackages {

    private SealedPassPackages() {
    }

    /** Whether a file begins as a sealed package. */
    public static boolean isSealed(Path file) {
        try (var in = Files.newInputStream(file)) {
            return SealedPackage.isSealed(in.readNBytes(8));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The plain package a sealed one is opened into for coding, beside it and named after it
     * ({@code AL.sealed} → {@code AL.attune}): the file the coder codes in and sends back.
     */
    public static Path plainFor(Path sealed) {
        String name = sealed.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".sealed") ? name.substring(0, name.length() - ".sealed".length()) : name;
        return sealed.toAbsolutePath().resolveSibling(stem + ".attune");
    }

    /** {@link PassPackage#send} into a sealed file. */
    public static PassPackage.Sent send(Study study, String coder, Set<String> sessions, Path sealed, char[] passphrase)
            throws StudyException, SealedPackage.Refused, IOException {
        if (Files.exists(sealed)) {
            throw new StudyException(StudyException.Kind.INVALID_INPUT, sealed.getFileName() + " already exists: a package is never written over a file. Choose a new name.");
        }
        Path plain = beside(sealed);
        try {
            PassPackage.Sent sent = PassPackage.send(study, coder, sessions, plain);
            SealedPackage.seal(plain, sealed, passphrase);
            return new PassPackage.Sent(sealed, sent.coder(), sent.sessions(), sent.events(), sent.ratings(), sent.videos());
        } finally {
            deleteWithSides(plain);
        }
    }

    /** {@link PassReceive#receive} of a sealed package; messages name the sealed file. */
    public static PassReceive.Received receive(Study study, Path sealed, char[] passphrase, PassReceive.Decide decide)
            throws StudyException, SealedPackage.Refused, IOException {
        Path plain = beside(sealed);
        try {
            SealedPackage.open(sealed, plain, passphrase);
            return PassReceive.receive(study, plain, decide, sealed.getFileName().toString());
        } finally {
            deleteWithSides(plain);
        }
    }

    private static Path beside(Path sealed) {
        return sealed.toAbsolutePath().resolveSibling("." + sealed.getFileName() + ".unsealed.attune");
    }

    private static void deleteWithSides(Path file) {
        for (String side : new String[] {"", "-wal", "-shm", ".lock"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + side));
            } catch (IOException ignored) {
                // a hidden leftover beside the sealed file; the sealed file is what matters
            }
        }
    }
}
