package org.attune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attune.exchange.OutputFile;
import org.attune.media.CodingCopy;
import org.attune.media.FrameServer;
import org.attune.media.VideoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attune media …}: what a video is, as a lab's camera wrote it. */
@Command(name = "media", mixinStandardHelpOptions = true, description = "Look at videos as cameras wrote them.")
public final class MediaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"Codec, size, frames, frame rate (or that it varies), keyframe interval and audio of a video,",
                    "and whether the app's player plays it as it is (and what to do when it cannot). The file is only read."})
    static final class Info implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A video file (MP4, MOV, AVI, MTS, MKV, …).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println(file + ": no such file.");
                return 1;
            }
            try (FrameServer s = FrameServer.open(file, 0)) {
                VideoReport.of(file, s).lines().forEach(out::println);
                return 0;
            } catch (IOException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = {"Make a coding copy of a video the app's player cannot show or steps slowly in (AVI, MTS, MKV, MJPEG, long",
                    "keyframe intervals): H.264 MP4, a keyframe every 15 frames, every frame at the original's time, its sound as AAC.",
                    "The original is only read; the copy is never written over a study or the original."})
    static final class Prepare implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The original video.")
        Path file;

        @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "COPY.mp4", required = true, description = "The coding copy to write.")
        Path output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println(file + ": no such file.");
                return 1;
            }
            try {
                CodingCopy.Result r = OutputFile.write(output, List.of(file), tmp -> CodingCopy.write(file, tmp, n -> true));
                out.println(String.format(Locale.ROOT, "wrote %s: %d frames, %.3f s, H.264 with a keyframe every 15 frames, %s; "
                        + "times are the original's", output, r.frames(), r.durationMicros() / 1e6, soundOf(r)));
                return 0;
            } catch (OutputFile.Refused e) {
                err.println(e.getCause() instanceof org.attune.media.UnreadableVideo u ? u.getMessage() + " Nothing was written." : e.getMessage());
                return 1;
            }
        }
    }

    /** What the copy has of the original's sound, in words. */
    static String soundOf(org.attune.media.CodingCopy.Result r) {
        if (r.sound()) return "its sound as AAC";
        return r.soundLeftOut().isEmpty() ? "no sound (the original has none)" : "without its sound (" + r.soundLeftOut() + ")";
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check that each video of a study (or a coder package) is the one its sessions were coded on: the size and",
                    "SHA-256 recorded when a package was sent, against the file found now. The files are only read."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "A study, a coder package, or a lab study's address postgresql://…?study=NAME"
                + " (its videos looked for from the current folder).")
        StudyArg study;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (org.attune.store.Study s = study.openReadOnly()) {
                java.util.List<org.attune.store.VideoIdentity.Checked> checked = org.attune.store.VideoIdentity.checkAll(s, (done, total, session, position, path) -> true)
                        .orElseThrow();
                if (checked.isEmpty()) {
                    out.println(study.shortName() + " records no video sizes or checksums (they are recorded when passes are sent as a package): nothing to check.");
                    return 0;
                }
                int wrong = 0;
                for (org.attune.store.VideoIdentity.Checked c : checked) {
                    if (c.check() != org.attune.store.VideoIdentity.Check.SAME) wrong++;
                    out.println("  " + c.session() + " camera " + c.position() + " " + c.path() + ": " + switch (c.check()) {
                        case SAME -> "the same video";
                        case MISSING -> "not found (relink it in the Study tab)";
                        case OTHER_SIZE -> "ANOTHER FILE: its size differs";
                        case OTHER_CONTENT -> "ANOTHER FILE: same size, different content (SHA-256)";
                    });
                }
                if (wrong > 0) {
                    err.println(wrong + " video" + (wrong == 1 ? " is" : "s are") + " not the one" + (wrong == 1 ? "" : "s") + " the sessions were coded on (above).");
                    return 1;
                }
                return 0;
            } catch (org.attune.store.StudyException e) {
                err.println(e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("Cannot read a video: " + e.getMessage());
                return 1;
            }
        }
    }
}
