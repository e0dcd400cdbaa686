package org.attune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.attune.media.FrameServer;
import org.attune.media.VideoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code attune media …}: what a video is, as a lab's camera wrote it. */
@Command(name = "media", mixinStandardHelpOptions = true, description = "Look at videos as cameras wrote them.",
        subcommands = {MediaCommand.Info.class})
public final class MediaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"Codec, size, frames, frame rate (or that it varies), keyframe interval and audio of a video,",
                    "and whether the app's player can show it as it is (and what to do when it cannot). The file is only read."})
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
}
