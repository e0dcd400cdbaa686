package org.attune.exchange;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A coder package sealed with a passphrase for the way by e-mail or USB stick (issue 17): AES-256-GCM with a
 * key derived from the passphrase by PBKDF2-HMAC-SHA256, both from the JDK (no library needed; GCM both hides
 * the contents and detects any change to them). The study file itself stays plain SQLite; only the copy that
 * travels is sealed. A package holds events, never video, so it is sealed whole in memory (limit below); the
 * output is written through {@link OutputFile}.
 *
 * <p>File layout (big-endian): the magic {@code ATTNSEAL}, format 1 (one byte), the KDF's iteration count
 * (int), a 16-byte random salt, a 12-byte random nonce, then the ciphertext with GCM's 16-byte tag. The header
 * is authenticated too (GCM's associated data): a changed iteration count or salt fails like a changed body.
 */
public final class SealedPackage {

    private static final byte[] MAGIC = "ATTNSEAL".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.3 s here, once per seal or open. */
    static final int ITERATIONS = 600_000;
    private static final int SALT = 16;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + 1 + 4 + SALT + NONCE;
    /** Packages hold coded events only; anything this large is not one. */
    static final long MAX_BYTES = 1L << 30;

    /** Why a file could not be sealed or opened, in words for the person who has it. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private SealedPackage() {
    }

    /** Seals {@code plain} into {@code sealed} (written whole or not at all; never over the input). */
    public static void seal(Path plain, Path sealed, char[] passphrase) throws Refused, IOException {
        checkPassphrase(passphrase);
        checkPaths(plain, sealed);
        byte[] content = readLimited(plain);
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] header = header(ITERATIONS, salt, nonce);
        byte[] body;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key(passphrase, salt, ITERATIONS), new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(header);
            body = gcm.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IOException("this Java cannot seal (AES-GCM or PBKDF2 missing): " + e.getMessage(), e);
        }
        writeWhole(sealed, plain, header, body);
    }

    /** Opens a sealed package into {@code plain}; a wrong passphrase or any change to the file is refused, writing nothing. */
    public static void open(Path sealed, Path plain, char[] passphrase) throws Refused, IOException {
        checkPassphrase(passphrase);
        checkPaths(sealed, plain);
        byte[] file = readLimited(sealed);
        String name = sealed.getFileName().toString();
        if (!isSealed(file)) {
            throw new Refused(name + " is not a sealed Attune package (it does not begin as one). Open it as a study, or ask the sender for the sealed file.");
        }
        if (file.length < HEADER + TAG_BITS / 8) {
            throw new Refused(name + " is cut short (" + file.length + " bytes): it was not copied whole. Ask the sender for it again.");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(MAGIC.length);
        int format = in.get() & 0xff;
        if (format != FORMAT) {
            throw new Refused(name + " was sealed by a newer Attune (seal format " + format + "). Update Attune to open it.");
        }
        int iterations = in.getInt();
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        in.get(salt);
        in.get(nonce);
        if (iterations < 1 || iterations > 10 * ITERATIONS) { // a changed count must not make opening take minutes
            throw new Refused(name + " has been changed since it was sealed (its header does not check out). Ask the sender for it again.");
        }
        byte[] content;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key(passphrase, salt, iterations), new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(file, 0, HEADER);
            content = gcm.doFinal(file, HEADER, file.length - HEADER);
        } catch (AEADBadTagException e) {
            throw new Refused("The passphrase is wrong, or " + name + " was changed after it was sealed: its contents do not check out, and"
                    + " nothing was opened. Check the passphrase with the sender; if it is right, ask for the package again.");
        } catch (GeneralSecurityException e) {
            throw new IOException("this Java cannot open sealed packages (AES-GCM or PBKDF2 missing): " + e.getMessage(), e);
        }
        writeWhole(plain, sealed, content);
    }

    /** Whether a file's first bytes are a sealed package's. */
    public static boolean isSealed(byte[] head) {
        return head.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC);
    }

    /** PBKDF2-HMAC-SHA256 (RFC 8018 §5.2); {@code bytes} of key. */
    static byte[] derive(char[] passphrase, byte[] salt, int iterations, int bytes) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private static SecretKeySpec key(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        return new SecretKeySpec(derive(passphrase, salt, iterations, 32), "AES");
    }

    private static byte[] header(int iterations, byte[] salt, byte[] nonce) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeByte(FORMAT);
        out.writeInt(iterations);
        out.write(salt);
        out.write(nonce);
        return bytes.toByteArray();
    }

    private static void checkPassphrase(char[] passphrase) throws Refused {
        if (passphrase == null || passphrase.length == 0) throw new Refused("Give a passphrase: an empty one would seal nothing.");
    }

    private static void checkPaths(Path from, Path to) throws Refused, IOException {
        if (!Files.isRegularFile(from)) throw new Refused("There is no file at " + from + ".");
        if (Files.exists(to) && Files.isSameFile(from, to)) {
            throw new Refused(to.getFileName() + " is the file being read: choose another name for the output.");
        }
    }

    private static byte[] readLimited(Path file) throws Refused, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new Refused(file.getFileName() + " is " + (size >> 20) + " MB: larger than any coder package (which holds no video). Check that it is the package.");
        }
        return Files.readAllBytes(file);
    }

    /** Through {@link OutputFile}: beside the target and moved into place, never half a file, never over a study. */
    private static void writeWhole(Path target, Path input, byte[]... parts) throws Refused {
        try {
            OutputFile.write(target, List.of(input), tmp -> {
                try (var out = Files.newOutputStream(tmp)) {
                    for (byte[] p : parts) out.write(p);
                }
                return null;
            });
        } catch (OutputFile.Refused e) {
            throw new Refused(e.getMessage());
        }
    }
}
