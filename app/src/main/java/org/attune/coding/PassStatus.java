package org.attune.coding;

import java.util.Optional;
import org.attune.scheme.JsonNamed;

/** Where a coder is with one session. */
public enum PassStatus implements JsonNamed {
    NOT_STARTED, IN_PROGRESS, DONE;

    public static Optional<PassStatus> fromJsonName(String name) {
        return JsonNamed.fromJsonName(PassStatus.class, name);
    }
}
