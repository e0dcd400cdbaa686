package org.attune.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.ModifierSet;

/**
 * The columns of an events CSV, in order. The fixed ones are listed here with their meaning (the
 * column dictionary in docs/events-csv.md is checked against this list by a test); then one
 * {@code modifier_<set>} column per modifier set of the scheme, and one {@code meta_<key>} column
 * per free session-metadata key.
 */
public enum EventColumns {
    STUDY("study", "Study name"),
    SESSION("session", "Session label (unique in the study)"),
    DYAD("dyad", "Dyad or participant id of the session"),
    CODER("coder", "Coder initials"),
    PASS_STATUS("pass_status", "Status of this coder's pass on this session: not_started, in_progress or done"),
    CODE("code", "Code id from the scheme, e.g. C_BID"),
    FAMILY("family", "Family label of the code, e.g. Reciprocity"),
    SUBJECT("subject", "Whose behaviour: parent, child or dyad"),
    KIND("kind", "point or state"),
    ONSET_S("onset_s", "Onset in seconds from the start of the session, three decimals"),
    OFFSET_S("offset_s", "Offset in seconds; equals onset_s for point events; empty for a state still running"),
    DURATION_S("duration_s", "offset_s − onset_s in seconds; 0 for point events; empty for a state still running"),
    COMMENT("comment", "The coder's comment on the event"),
    SESSION_DATE("session_date", "Date of the session as entered"),
    CHILD_AGE_MONTHS("child_age_months", "Child's age in months at the session; empty if unknown"),
    CONTEXT("context", "Condition or context of the session, e.g. free play");

    public static final String MODIFIER_PREFIX = "modifier_";
    public static final String META_PREFIX = "meta_";

    private final String header;
    private final String meaning;

    EventColumns(String header, String meaning) {
        this.header = header;
        this.meaning = meaning;
    }

    public String header() {
        return header;
    }

    public String meaning() {
        return meaning;
    }

    /** Modifier-set ids of the scheme's timed codes, in scheme order, each once. */
    public static List<String> modifierSets(CodingScheme scheme) {
        Set<String> ids = new LinkedHashSet<>();
        for (Code c : scheme.timedCodes()) {
            for (ModifierSet m : c.modifiers()) ids.add(m.id());
        }
        return new ArrayList<>(ids);
    }

    /** The full header: fixed columns up to comment, then modifiers, then session columns and metadata. */
    public static List<String> header(List<String> modifierSets, List<String> metadataKeys) {
        List<String> h = new ArrayList<>();
        for (EventColumns c : values()) {
            if (c == COMMENT) {
                for (String m : modifierSets) h.add(MODIFIER_PREFIX + m);
            }
            h.add(c.header);
        }
        for (String k : metadataKeys) h.add(META_PREFIX + k);
        return h;
    }
}
