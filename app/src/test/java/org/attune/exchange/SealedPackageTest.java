package org.attune.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing a coder package with a passphrase: exact round trip; a wrong passphrase or any change refused, nothing written. */
class SealedPackageTest {

    @TempDir
    Path dir;

    private static final char[] PASS = "correct horse battery staple".toCharArray();

    private Path plain() throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        return Files.write(dir.resolve("AL-package.attune"), bytes);
    }

    /** RFC 7914 §11, the two PBKDF2-HMAC-SHA256 test vectors (P, S, c, dkLen = 64). */
    @Test
    void theKeyDerivationIsPbkdf2HmacSha256AsPublished() throws Exception {
        assertArrayEquals(HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"), SealedPackage.derive("passwd".toCharArray(), "salt".getBytes(), 1, 64));
        assertArrayEquals(HexFormat.of().parseHex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"), SealedPackage.derive("Password".toCharArray(), "NaCl".getBytes(), 80_000, 64));
    }

    @Test
    void sealedAndOpenedGivesTheSameBytes() throws Exception {
        Path plain = plain();
        Path sealed = dir.resolve("AL-package.attune.sealed");
        SealedPackage.seal(plain, sealed, PASS);
        byte[] onDisk = Files.readAllBytes(sealed);
        assertTrue(SealedPackage.isSealed(onDisk));
        assertFalse(new String(onDisk, java.nio.charset.StandardCharsets.ISO_8859_1).contains("SQLite format 3"), "nothing of the content shows");
        Path opened = dir.resolve("opened.attune");
        SealedPackage.open(sealed, opened, PASS);
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(opened));
    }

    @Test
    void aWrongPassphraseOpensNothing() throws Exception {
        Path sealed = dir.resolve("p.sealed");
        SealedPackage.seal(plain(), sealed, PASS);
        Path opened = dir.resolve("opened.attune");
        SealedPackage.Refused r = assertThrows(SealedPackage.Refused.class, () -> SealedPackage.open(sealed, opened, "correct horse battery stapler".toCharArray()));
        assertTrue(r.getMessage().startsWith("The passphrase is wrong, or p.sealed was changed"), r.getMessage());
        assertFalse(Files.exists(opened), "nothing written");
        assertTrue(onlyFiles("AL-package.attune", "p.sealed"), "no partial file left");
    }

    @Test
    void anyChangedByteIsRefused() throws Exception {
        Path sealed = dir.resolve("p.sealed");
        SealedPackage.seal(plain(), sealed, PASS);
        byte[] good = Files.readAllBytes(sealed);
        // the format byte, the iteration count, the salt, the nonce, the body and the tag
        for (int at : new int[] {9, 12, 20, 40, 60, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Path changed = Files.write(dir.resolve("changed.sealed"), bad);
            assertThrows(SealedPackage.Refused.class, () -> SealedPackage.open(changed, dir.resolve("x.attune"), PASS), "byte " + at);
            assertFalse(Files.exists(dir.resolve("x.attune")));
        }
        Path cut = Files.write(dir.resolve("cut.sealed"), java.util.Arrays.copyOf(good, 30));
        SealedPackage.Refused r = assertThrows(SealedPackage.Refused.class, () -> SealedPackage.open(cut, dir.resolve("x.attune"), PASS));
        assertTrue(r.getMessage().contains("cut short"), r.getMessage());
    }

    @Test
    void carelessUsesAreRefusedInWords() throws Exception {
        Path plain = plain();
        SealedPackage.Refused same = assertThrows(SealedPackage.Refused.class, () -> SealedPackage.seal(plain, plain, PASS));
        assertTrue(same.getMessage().contains("is the file being read"), same.getMessage());
        SealedPackage.Refused empty = assertThrows(SealedPackage.Refused.class, () -> SealedPackage.seal(plain, dir.resolve("s"), new char[0]));
        assertTrue(empty.getMessage().startsWith("Give a passphrase"));
        SealedPackage.Refused notSealed = assertThrows(SealedPackage.Refused.class, () -> SealedPackage.open(plain, dir.resolve("o"), PASS));
        assertTrue(notSealed.getMessage().contains("is not a sealed Attune package"), notSealed.getMessage());
        SealedPackage.Refused missing = assertThrows(SealedPackage.Refused.class, () -> SealedPackage.open(dir.resolve("none"), dir.resolve("o"), PASS));
        assertTrue(missing.getMessage().startsWith("There is no file at"));
    }

    private boolean onlyFiles(String... names) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().equals(java.util.Arrays.stream(names).sorted().toList());
        }
    }
}
