package org.attune.scheme.boris;

import java.util.List;
import org.attune.scheme.CodingScheme;

/** The scheme made from a BORIS ethogram, and a line per thing that was mapped with a change or not mapped at all. */
public record BorisImport(CodingScheme scheme, List<String> report) {
    public BorisImport {
        report = List.copyOf(report);
    }
}
