package org.attune.exchange.sdis;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.attune.coding.EventDraft;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.ModifierSet;

/**
 * Passes as a GSEQ data file in SDIS's timed-event form — only the subset GSEQ demonstrably accepts (the
 * form BORIS writes; shared/reference/interchange-formats.md §1d): a {@code Timed} declaration, one labelled
 * session per pass, its events as {@code code,onset-offset} in seconds, {@code /} ending each session. A
 * point event lasts one millisecond (as BORIS writes it); a running state is left out (its end is not
 * known). Where a code keeps its subject in a {@code subject} modifier set (a scheme from BORIS), the code
 * is written {@code subject_code}. Not written, until their syntax is checked against GSEQ 5.1: sets of
 * mutually exclusive codes, session start and end times, factors.
 */
public final class SdisWriter {

    /** One pass as an SDIS session. */
    public record Pass(String label, List<EventDraft> events) {
    }

    /** What was written, and the running states left out. */
    public record Written(int sessions, int events, int runningLeftOut) {
    }

    private SdisWriter() {
    }

    public static Written write(CodingScheme scheme, String createdBy, List<Pass> passes, Writer out) throws IOException {
        out.write("% SDIS file created by " + createdBy + "\n");
        out.write("Timed <seconds>;\n");
        int events = 0;
        int running = 0;
        for (Pass p : passes) {
            out.write("\n<" + p.label().replace('>', ')').replace('<', '(') + ">\n");
            List<EventDraft> sorted = new ArrayList<>(p.events());
            sorted.sort(Comparator.comparingLong(EventDraft::onsetMs).thenComparing(EventDraft::code));
            List<String> items = new ArrayList<>();
            for (EventDraft e : sorted) {
                Code c = scheme.code(e.code()).orElse(null);
                if (c == null || !c.kind().isTimed()) continue;
                if (c.kind() == CodeKind.STATE && e.offsetMs() == null) {
                    running++;
                    continue;
                }
                long end = c.kind() == CodeKind.POINT || e.offsetMs() <= e.onsetMs() ? e.onsetMs() + 1 : e.offsetMs();
                items.add(name(c, e) + "," + seconds(e.onsetMs()) + "-" + seconds(end));
                events++;
            }
            out.write(String.join(" ", items));
            out.write(" /\n");
        }
        return new Written(passes.size(), events, running);
    }

    /** A code as SDIS names it: letters, digits and underscores (anything else becomes "_"), its subject first where an event has one. */
    static String name(Code c, EventDraft e) {
        String subject = "";
        for (ModifierSet m : c.modifiers()) {
            if (!m.id().equals("subject")) continue;
            List<String> v = e.modifiers().valuesOf(m.id());
            if (!v.isEmpty()) subject = m.value(v.get(0)).map(ModifierSet.Value::label).orElse(v.get(0)) + "_";
        }
        return (subject + c.id()).replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String seconds(long ms) {
        return BigDecimal.valueOf(ms, 3).toPlainString();
    }
}
