package org.attune.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One user's settings on this computer (recent studies, key remapping, transport layout), kept in a
 * small properties file: {@code $XDG_CONFIG_HOME/attune/settings.properties}, else
 * {@code ~/.config/attune/settings.properties}; {@code -Dattune.settings=FILE} puts it elsewhere
 * (tests). Settings are never stored in a study: a study is shared, a key layout is personal.
 * A settings file that cannot be read or written costs the settings, never the session.
 */
public final class UserSettings {

    private static final Logger LOG = Logger.getLogger(UserSettings.class.getName());
    private static final int RECENT = 8;

    private final Path file;
    private final Properties values = new Properties();

    private UserSettings(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Settings file " + file + " could not be read; starting with defaults", e);
            }
        }
    }

    /** Settings kept in memory only (tests, benchmarks): nothing is read or written. */
    public static UserSettings memory() {
        return new UserSettings(null);
    }

    /** The settings at {@code file} (created on the first change). */
    public static UserSettings at(Path file) {
        return new UserSettings(file);
    }

    /** This user's settings file (see the class comment). */
    public static UserSettings load() {
        return at(defaultFile());
    }

    static Path defaultFile() {
        String explicit = System.getProperty("attune.settings");
        if (explicit != null) return Path.of(explicit);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("attune").resolve("settings.properties");
    }

    public Path file() {
        return file;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public boolean getBoolean(String key, boolean otherwise) {
        return get(key).map(Boolean::parseBoolean).orElse(otherwise);
    }

    /** Sets a value ({@code null} removes it) and writes the file. */
    public void put(String key, String value) {
        if (value == null) values.remove(key);
        else values.setProperty(key, value);
        save();
    }

    /** Every key starting with {@code prefix}, without the prefix, with its value. */
    public java.util.Map<String, String> withPrefix(String prefix) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String k : values.stringPropertyNames()) if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), values.getProperty(k));
        return out;
    }

    /** Removes every key starting with {@code prefix} and writes the file. */
    public void clearPrefix(String prefix) {
        values.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(values::remove);
        save();
    }

    /**
     * Set while the study opened last is a lab study (its address): the next start offers it again in File ▸ Open lab
     * study…, asking before connecting; opening a study file clears it.
     */
    public static final String LAB_STUDY_LAST = "lab.last";

    /** Studies opened most recently first. */
    public List<Path> recentStudies() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) get("study.recent." + i).map(Path::of).ifPresent(out::add);
        return out;
    }

    public void rememberStudy(Path study) {
        values.remove(LAB_STUDY_LAST);
        Path abs = study.toAbsolutePath().normalize();
        List<Path> recent = new ArrayList<>(recentStudies());
        recent.remove(abs);
        recent.add(0, abs);
        for (int i = 0; i < RECENT; i++) {
            if (i < recent.size()) values.setProperty("study.recent." + i, recent.get(i).toString());
            else values.remove("study.recent." + i);
        }
        save();
    }

    private void save() {
        if (file == null) return;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Attune user settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Settings could not be saved to " + file, e);
        }
    }
}
