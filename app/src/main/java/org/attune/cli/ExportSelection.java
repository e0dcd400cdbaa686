package org.attune.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** The sessions and coders an export is limited to ({@code --sessions}, {@code --coders}), shared by the events and ratings exports. */
final class ExportSelection {
    @Option(names = "--sessions", split = ",", paramLabel = "LABEL", description = "Only these sessions (comma-separated labels).")
    List<String> sessions = new ArrayList<>();

    @Option(names = "--coders", split = ",", paramLabel = "INITIALS", description = "Only these coders (comma-separated initials).")
    List<String> coders = new ArrayList<>();

    /** The passes these options select, for {@link org.attune.service.StudyExports}. */
    org.attune.service.StudyExports.Scope scope() {
        return new org.attune.service.StudyExports.Scope(java.util.Set.copyOf(sessions), java.util.Set.copyOf(coders), java.util.Set.of());
    }

    boolean includesSession(String label) {
        return sessions.isEmpty() || sessions.contains(label);
    }

    boolean includesCoder(String initials) {
        return coders.isEmpty() || coders.contains(initials);
    }

    /** The message for a session asked for that the study does not have, naming those it has; empty when all are there. */
    Optional<String> unknownSession(Collection<String> labels, Path study) {
        TreeSet<String> sorted = new TreeSet<>(labels);
        return sessions.stream().filter(wanted -> !sorted.contains(wanted)).findFirst()
                .map(wanted -> "There is no session \"" + wanted + "\" in " + study.getFileName() + " (sessions: " + String.join(", ", sorted) + ").");
    }
}
