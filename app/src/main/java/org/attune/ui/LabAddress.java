package org.attune.ui;

import java.nio.file.Path;

/**
 * What File ▸ Open lab study… asks (issue 18): the lab study's address ({@code postgresql://…?study=NAME}), the
 * password if one is typed (empty: PGPASSWORD or ~/.pgpass; kept in memory only, never saved), and the folder on this
 * computer that holds the study's videos.
 */
public record LabAddress(String address, char[] password, Path videos) {

    /** The password typed, if one was (empty: PGPASSWORD or ~/.pgpass). */
    public java.util.Optional<char[]> typedPassword() {
        return password.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(password);
    }
}
