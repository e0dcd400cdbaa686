package org.attune.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.attune.coding.CodedEvent;
import org.attune.coding.EventDraft;

/**
 * Run in a separate JVM by {@link StudyCrashTest}. {@code write}: adds events as fast as it can and
 * prints each id only after the add has returned (= committed). {@code hold}: opens the study and
 * waits, to be the "other process" holding it. {@code create}: creates studies {@code 0.attune},
 * {@code 1.attune}, … in the folder given as the study, printing each name once created.
 */
public final class CrashWriter {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path study = Path.of(args[0]);
        if (args[2].equals("create")) {
            for (int i = 0; ; i++) {
                try (Study s = Study.create(study.resolve(i + ".attune"), org.attune.scheme.json.BundledSchemes.defaultScheme(), "study " + i)) {
                    out.println(i);
                }
            }
        }
        long passId = Long.parseLong(args[1]);
        try (Study s = Study.open(study)) {
            if (s.isReadOnly()) {
                out.println("READONLY " + s.readOnlyReason().orElse(""));
                System.exit(3);
            }
            if (args[2].equals("hold")) {
                out.println("READY");
                Thread.sleep(120_000);
                return;
            }
            long base = s.events().count(passId) * 40;
            for (long i = 0; ; i++) {
                CodedEvent e = (i % 3 == 0)
                        ? s.events().startState(passId, EventDraft.state(i % 2 == 0 ? "C_POS" : "C_DIST", base + i * 40, null))
                        : s.events().add(passId, EventDraft.point("C_BID", base + i * 40).withComment("event " + i));
                out.println(e.id());
            }
        }
    }
}
