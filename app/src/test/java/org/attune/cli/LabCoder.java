package org.attune.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.attune.coding.CodedEvent;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.Session;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.store.pg.ServerUrl;

/**
 * One coder's Attune in a process of its own, for the lab-server tests (issue 18): opens a lab study, codes into
 * the coder's pass of a session and prints each event the server acknowledged ({@code acked ID}), then waits for a
 * line on its input before closing. Modes: {@code code N} codes N events from the shared script (the coder's offset
 * in ms added to every onset, so that coders disagree by as much as wanted); {@code forever} codes until killed;
 * {@code try} makes one edit and prints how it was refused, if it was.
 */
public final class LabCoder {

    /** The script every coder follows: a bid every 2 s, answered or not. */
    static EventDraft scripted(int i, long shiftMs) {
        long at = 1_000L + i * 2_000L + shiftMs;
        return EventDraft.point(i % 3 == 0 ? "P_RESP" : "C_BID", at);
    }

    public static void main(String[] args) throws Exception {
        ServerUrl url = ServerUrl.parse(args[0]);
        String coder = args[1];
        String session = args[2];
        String mode = args[3];
        try (Study s = Study.open(url, Path.of("").toAbsolutePath(), Optional.empty(), false);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            Session sess = s.session(session).orElseThrow();
            Coder k = s.coders().stream().filter(c -> c.initials().equals(coder)).findFirst().orElseThrow();
            long pass = s.pass(sess.id(), k.id()).id();
            switch (mode) {
                case "code" -> {
                    int n = Integer.parseInt(args[4]);
                    long shift = Long.parseLong(args[5]);
                    for (int i = 0; i < n; i++) {
                        CodedEvent e = s.events().add(pass, scripted(i, shift));
                        System.out.println("acked " + e.id());
                    }
                }
                case "forever" -> {
                    for (int i = 0; ; i++) {
                        CodedEvent e = s.events().add(pass, scripted(i, 0));
                        System.out.println("acked " + e.id());
                    }
                }
                case "try" -> {
                    try {
                        s.events().add(pass, scripted(0, 0));
                        System.out.println("saved");
                    } catch (StudyException e) {
                        System.out.println("refused " + e.getMessage());
                    }
                }
                default -> throw new IllegalArgumentException(mode);
            }
            System.out.println("ready");
            System.out.flush();
            in.readLine();
        }
        System.out.println("closed");
    }
}
