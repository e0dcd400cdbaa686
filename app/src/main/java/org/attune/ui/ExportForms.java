package org.attune.ui;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.attune.coding.PassStatus;

/**
 * The questions File ▸ Export asks before it writes: which sessions, coders and passes, and how the
 * file is written. Behind an interface so tests answer them instead of a person.
 */
public interface ExportForms {

    /**
     * What the user chose: sessions by label and coders by initials (empty: all), pass statuses (empty:
     * all; events only), Excel's variant of CSV, and for ratings one row per session × coder ({@code wide}).
     */
    record Choice(Set<String> sessions, Set<String> coders, Set<PassStatus> statuses, boolean excel, boolean wide) {
        public Choice {
            sessions = Set.copyOf(sessions);
            coders = Set.copyOf(coders);
            statuses = Set.copyOf(statuses);
        }

        public static final Choice ALL = new Choice(Set.of(), Set.of(), Set.of(), false, false);
    }

    /**
     * Asks which passes to export and how; empty if the user cancels.
     *
     * @param ratings a ratings export (offers long or wide) rather than an events export (offers pass statuses)
     */
    Optional<Choice> exportOptions(String title, List<String> sessions, List<String> coders, boolean ratings);
}
