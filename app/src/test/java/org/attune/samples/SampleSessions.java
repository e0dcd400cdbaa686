package org.attune.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.attune.cli.AttuneCommand;
import org.attune.coding.Coder;
import org.attune.coding.EventDraft;
import org.attune.coding.MediaFile;
import org.attune.coding.Modifiers;
import org.attune.coding.PassStatus;
import org.attune.coding.Session;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.BundledSchemes;
import org.attune.store.EventRepository;
import org.attune.store.Study;
import picocli.CommandLine;

/**
 * Builds {@code sample-sessions/}: two synthetic 60-s parent–child videos whose scripted behaviours
 * are visible and codable with the default scheme, the script as ground truth, three coders' codings
 * with realistic disagreement, and the sample study the app opens first.
 *
 * <p>The videos are drawn with Java2D, one frame at a time from the script, and piped to Debian's
 * {@code ffmpeg} (H.264, yuv420p, video only — JavaFX halts on an audio track with no audio device —
 * keyframe every 15 frames for quick seeks, no B-frames: with them JavaFX cannot seek to a video's last two
 * frames). Every frame carries the session, time and frame number.
 * Script times are multiples of the 40-ms frame, so the truth lies on frame boundaries. A 12-bit frame code
 * (top right) lets tests read which frame the player shows ({@link #decodeFrame}).
 *
 * <p>Run: {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.attune.samples.SampleSessions -Dexec.args=sample-sessions} (from the repository root;
 * needs {@code apt-get install ffmpeg}). The output is deterministic apart from ffmpeg's encoder version.
 */
public final class SampleSessions {

    static final int FPS = 25;
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final long LENGTH_MS = 60_000;

    /** One scripted behaviour: a state from onset to offset, or a point at onset; mod is the modifier value or "". */
    record Beat(String code, long onMs, long offMs, String mod, String modSet) {
        boolean point() {
            return onMs == offMs;
        }
    }

    static Beat state(String code, double on, double off) {
        return new Beat(code, ms(on), ms(off), "", "");
    }

    static Beat point(String code, double at) {
        return new Beat(code, ms(at), ms(at), "", "");
    }

    static Beat point(String code, double at, String set, String value) {
        return new Beat(code, ms(at), ms(at), value, set);
    }

    private static long ms(double seconds) {
        long m = Math.round(seconds * 1000);
        if (m % 40 != 0) throw new IllegalArgumentException(seconds + " s is not on a 40-ms frame boundary");
        return m;
    }

    /** S01, free play with a responsive parent: mutual gaze, shared smiles, bids answered, distress soothed. */
    static final List<Beat> RESPONSIVE = List.of(
            state("P_GAZE", 0, 8), state("P_GAZE", 10, 22), state("P_GAZE", 25, 40), state("P_GAZE", 43, 58),
            state("C_GAZE", 2, 6), state("C_GAZE", 12, 16), state("C_GAZE", 19, 21), state("C_GAZE", 30, 34), state("C_GAZE", 46, 52),
            state("P_POS", 3, 7), state("P_POS", 13, 18), state("P_POS", 31, 36), state("P_POS", 47, 55),
            state("C_POS", 4, 7), state("C_POS", 14, 17), state("C_POS", 32, 35), state("C_POS", 48, 53),
            state("C_EXPLORE", 6, 12), state("C_EXPLORE", 22, 30), state("C_EXPLORE", 36, 40.4), state("C_EXPLORE", 43.4, 46), state("C_EXPLORE", 53, 60),
            point("C_BID", 1.2, "type", "social"), point("C_BID", 11, "type", "share"), point("C_BID", 23.4, "type", "help"),
            point("C_BID", 37, "type", "social"), point("C_BID", 44.2, "type", "share"), point("C_BID", 54, "type", "social"),
            point("P_RESP", 2, "form", "verbal"), point("P_RESP", 12.2, "form", "affective"), point("P_RESP", 25, "form", "instrumental"),
            point("P_RESP", 38, "form", "mirror"), point("P_RESP", 45, "form", "verbal"),
            point("P_BID", 18, "type", "offer"), point("C_RESP", 19.4),
            point("P_BID", 27, "type", "directive"), point("C_COMPLY", 29),
            point("C_CHECK", 40), point("C_CHECK", 57),
            state("C_DIST", 40.6, 43), point("C_SEEK", 41), point("P_SOOTHE", 41.8));

    /** S02, free play with a parent on the phone, then intrusive and withdrawn: bids unanswered, distress not soothed. */
    static final List<Beat> INTRUSIVE = List.of(
            state("P_DISENG", 0, 14), state("P_WITHDRAW", 40, 52),
            state("P_GAZE", 14, 24), state("P_GAZE", 30, 38),
            state("C_GAZE", 3, 5), state("C_GAZE", 9, 11), state("C_GAZE", 16, 19), state("C_GAZE", 33, 35), state("C_GAZE", 45, 47),
            state("C_EXPLORE", 0, 8.6), state("C_EXPLORE", 20, 23), state("C_EXPLORE", 52, 60), state("C_WITHDRAW", 40, 50),
            state("UNCODE", 12, 14),
            point("C_BID", 2, "type", "social"), point("C_BID", 8, "type", "share"), point("C_BID", 17, "type", "social"),
            point("C_BID", 34, "type", "need"), point("C_BID", 46, "type", "social"),
            point("P_RESP", 18.2, "form", "verbal"), state("C_POS", 17, 18.6),
            point("P_INTRUDE", 22), point("P_INTRUDE", 25.6),
            state("C_DIST", 23, 29),
            point("P_BID", 30, "type", "directive"), point("P_HOSTILE", 31.6), point("C_AVOID", 36));

    private SampleSessions() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-sessions");
        Files.createDirectories(out);
        if (args.length > 1 && args[1].equals("camcorder")) { // only the camcorder-like file, from the S01 already there
            camcorder(out);
            return;
        }
        CodingScheme scheme = BundledSchemes.defaultScheme();
        Map<String, List<Beat>> scripts = Map.of("S01", RESPONSIVE, "S02", INTRUSIVE);
        for (String session : List.of("S01", "S02")) {
            Path video = out.resolve("free-play-" + session.toLowerCase() + ".mp4");
            render(session, scripts.get(session), video);
            System.out.println("wrote " + video + " (" + Files.size(video) / 1024 + " KB)");
        }
        camcorder(out);

        // the script as ground truth: a study of its own, exported as an events CSV
        Path truthStudy = Files.createTempFile("truth", ".attune");
        Files.delete(truthStudy);
        try (Study s = Study.create(truthStudy, scheme, "Sample sessions — scripted ground truth")) {
            build(s, scheme, scripts, out, Map.of("script", 0.0), new Random(1), false);
        }
        export(truthStudy, out.resolve("ground-truth.csv"));
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(truthStudy + suffix));

        Path study = out.resolve("sample-study.attune");
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(study + suffix));
        try (Study s = Study.create(study, scheme, "Sample sessions (synthetic free play)")) {
            // AL careful, BK a little slower and looser, CM misses more
            build(s, scheme, scripts, out, Map.of("AL", 0.04, "BK", 0.07, "CM", 0.12), new Random(7), true);
        }
        export(study, out.resolve("codings.csv"));
        for (String suffix : List.of("-wal", "-shm", ".lock")) Files.deleteIfExists(Path.of(study + suffix));
        System.out.println("wrote " + study + ", ground-truth.csv and codings.csv");
    }

    private static void export(Path study, Path csv) {
        int rc = new CommandLine(new AttuneCommand()).execute("events", "export", study.toString(), "-o", csv.toString());
        if (rc != 0) throw new IllegalStateException("export of " + study + " failed");
    }

    /** Adds the two sessions with their videos, and for each coder a coding derived from the script. */
    private static void build(Study s, CodingScheme scheme, Map<String, List<Beat>> scripts, Path dir, Map<String, Double> coders, Random random,
            boolean perturb) throws Exception {
        String[][] meta = {{"S01", "D01", "2026-03-02", "15"}, {"S02", "D02", "2026-03-03", "22"}};
        List<EventRepository.ImportRow> rows = new ArrayList<>();
        List<String> initials = coders.keySet().stream().sorted().toList();
        List<Coder> added = new ArrayList<>();
        for (String i : initials) added.add(s.addCoder(i.equals("script") ? "Script" : "Coder " + i, i));
        for (String[] m : meta) {
            Session session = s.addSession(new Session(0, m[0], m[1], m[2], Double.valueOf(m[3]), "free play", "synthetic sample", Map.of()));
            MediaFile media = s.addMedia(session.id(), dir.resolve("free-play-" + m[0].toLowerCase() + ".mp4").toAbsolutePath(), 1, 0);
            s.setMediaInfo(media.id(), FPS, LENGTH_MS);
            for (Coder c : added) {
                long pass = s.pass(session.id(), c.id()).id();
                List<Beat> coded = perturb ? perturb(scheme, scripts.get(m[0]), coders.get(c.initials()), random) : scripts.get(m[0]);
                for (Beat b : coded) rows.add(new EventRepository.ImportRow(m[0], c.initials(), draft(b)));
                if (perturb) {
                    boolean responsive = m[0].equals("S01");
                    s.events().setRating(pass, "R_SENS", clamp((responsive ? 4 : 2) + random.nextInt(3) - 1));
                    s.events().setRating(pass, "R_INTRUS", clamp((responsive ? 1 : 4) + random.nextInt(2)));
                    s.events().setRating(pass, "R_RECIP", clamp((responsive ? 4 : 2) + random.nextInt(2)));
                    s.events().setRating(pass, "R_INVOLVE", clamp((responsive ? 4 : 3) + random.nextInt(3) - 1));
                    s.setPassStatus(pass, c.initials().equals("CM") && !responsive ? PassStatus.IN_PROGRESS : PassStatus.DONE);
                }
            }
        }
        s.events().importAll(rows);
    }

    private static int clamp(int v) {
        return Math.max(1, Math.min(5, v));
    }

    private static EventDraft draft(Beat b) {
        EventDraft d = b.point() ? EventDraft.point(b.code(), b.onMs()) : EventDraft.state(b.code(), b.onMs(), b.offMs());
        return b.mod().isEmpty() ? d : d.withModifiers(Modifiers.single(b.modSet(), b.mod()));
    }

    /**
     * A human coder's version of the script: key presses 120–480 ms late (reaction time), snapped to
     * frames; a share of events missed; some bid types and response/soothe confused; states of one
     * exclusive group never overlapping.
     */
    static List<Beat> perturb(CodingScheme scheme, List<Beat> script, double missRate, Random random) {
        List<Beat> out = new ArrayList<>();
        for (Beat b : script) {
            if (!b.code().equals("UNCODE") && random.nextDouble() < missRate) continue;
            String code = b.code();
            String mod = b.mod();
            String set = b.modSet();
            if (random.nextDouble() < 0.05) {
                switch (code) {
                    case "C_BID" -> mod = List.of("social", "need", "help", "share").get(random.nextInt(4));
                    case "P_RESP" -> { code = "P_SOOTHE"; mod = ""; set = ""; }
                    case "P_SOOTHE" -> { code = "P_RESP"; mod = "affective"; set = "form"; }
                    default -> { }
                }
            }
            long on = frame(b.onMs() + 120 + random.nextInt(360));
            long off = b.point() ? on : Math.min(LENGTH_MS, frame(b.offMs() + 80 + random.nextInt(400)));
            if (!b.point() && off <= on) off = on + 40;
            out.add(new Beat(code, on, off, mod, set));
        }
        out.sort(Comparator.comparingLong(Beat::onMs));
        // a late press ending a state may pass the next state of its exclusive group: end it where the next begins
        for (int i = 0; i < out.size(); i++) {
            Beat a = out.get(i);
            if (a.point()) continue;
            String group = scheme.code(a.code()).flatMap(c -> java.util.Optional.ofNullable(c.group())).orElse(null);
            for (int j = i + 1; j < out.size(); j++) {
                Beat b = out.get(j);
                boolean sameLane = b.code().equals(a.code()) || group != null && group.equals(scheme.code(b.code()).flatMap(c -> java.util.Optional.ofNullable(c.group())).orElse(null));
                if (!b.point() && sameLane && b.onMs() < a.offMs()) {
                    out.set(i, new Beat(a.code(), a.onMs(), b.onMs(), a.mod(), a.modSet()));
                    break;
                }
            }
        }
        return out;
    }

    private static long frame(long ms) {
        return Math.round(ms / 40.0) * 40;
    }

    // ---- rendering ---------------------------------------------------------------------------

    /** The camcorder-like copy of S01: what lab footage is (issue 21), for tests, benchmarks and trying the player on. */
    static final String CAMCORDER = "free-play-s01-camcorder.mp4";

    /**
     * S01 as a camcorder, phone or IP camera records it: 1920×1080 (scaled smoothly), a keyframe every 250
     * frames, 3 B-frames, and a sound track — a 440-Hz tone with a higher beep at the start of every second,
     * so sound and picture can be checked against each other (AAC, 48 kHz, mono).
     */
    static void camcorder(Path out) throws IOException, InterruptedException {
        Path video = out.resolve(CAMCORDER);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-i", out.resolve("free-play-s01.mp4").toString(),
                "-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4:sample_rate=48000", "-map", "0:v", "-map", "1:a", "-shortest",
                "-vf", "scale=1920:1080:flags=bicubic", "-c:v", "libx264", "-preset", "medium", "-crf", "26", "-g", "250", "-keyint_min", "250",
                "-sc_threshold", "0", "-bf", "3", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart",
                "-metadata", "title=Attune sample S01 as a camcorder records it (synthetic)", video.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (ffmpeg.waitFor() != 0) throw new IOException("ffmpeg failed for " + video);
        System.out.println("wrote " + video + " (" + Files.size(video) / 1024 + " KB)");
    }

    static void render(String session, List<Beat> script, Path video) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", WIDTH + "x" + HEIGHT,
                "-r", Integer.toString(FPS), "-i", "-", "-an", "-c:v", "libx264", "-preset", "slow", "-crf", "30", "-g", "15", "-bf", "0", "-pix_fmt", "yuv420p",
                "-movflags", "+faststart", "-metadata", "title=Attune sample " + session + " (synthetic)", video.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        try (OutputStream pipe = ffmpeg.getOutputStream()) {
            for (int f = 0; f < LENGTH_MS * FPS / 1000; f++) {
                Graphics2D g = img.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                drawFrame(g, session, script, f * 1000L / FPS, f);
                g.dispose();
                pipe.write(pixels);
            }
        }
        if (ffmpeg.waitFor() != 0) throw new IOException("ffmpeg failed for " + video);
    }

    /** The scene at time t (the start of frame f). */
    static void drawFrame(Graphics2D g, String session, List<Beat> script, long t, int f) {
        Scene s = new Scene(script, t);
        g.setColor(new Color(0xEDE6DA));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0xC9B99B));
        g.fillRect(0, 250, WIDTH, HEIGHT - 250); // floor
        g.setColor(new Color(0x8C6A43));
        g.fillRect(300, 282, 70, 40); // the toy box
        g.setColor(new Color(0x6B4F2E));
        g.drawString("box", 323, 306);

        // parent (left, seated) and child (right, on the floor)
        double childShift = s.recent("C_SEEK", 1500) ? -60 : 0;
        double px = 170, py = 110, cx = 470 + childShift, cy = 205;
        boolean phone = s.active("P_DISENG");
        boolean withdrawn = s.active("P_WITHDRAW");
        boolean childWithdrawn = s.active("C_WITHDRAW");
        figure(g, px, py, 44, new Color(0x4477AA), withdrawn ? 12 : 0);
        figure(g, cx, cy, 30, new Color(0xEE7733), childWithdrawn ? 10 : 0);

        // toy ball: with the child while exploring, grabbed by the parent on an intrusion, in the box after compliance
        double bx = 545 + childShift / 2, by = 300;
        if (s.recent("P_INTRUDE", 1400)) {
            bx = 250;
            by = 215;
        } else if (s.active("C_EXPLORE")) {
            bx = cx + 55 + 10 * Math.sin(t / 300.0);
            by = 292;
        } else if (s.since("C_COMPLY") >= 0) {
            bx = 335;
            by = 280;
        }
        g.setColor(new Color(0xCC3311));
        g.fill(new Ellipse2D.Double(bx - 14, by - 14, 28, 28));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(bx - 6, by - 10, 8, 6));

        // arms: parent grabbing (intrusion) or stroking the child's head (soothing)
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x4477AA));
        if (s.recent("P_INTRUDE", 1400)) g.drawLine((int) px + 30, (int) py + 90, (int) bx - 10, (int) by);
        if (s.recent("P_SOOTHE", 1800)) g.drawLine((int) px + 30, (int) py + 90, (int) cx - 20, (int) cy - 28);
        if (phone) {
            g.drawLine((int) px + 20, (int) py + 95, (int) px + 5, (int) py + 60);
            g.setColor(new Color(0x222222));
            g.fillRoundRect((int) px - 6, (int) py + 40, 16, 26, 4, 4);
        }
        g.setStroke(new BasicStroke(1));

        // eyes: where each looks
        double[] parentLook = phone ? new double[] {px, py + 60} : withdrawn ? new double[] {px, py + 200}
                : s.active("P_GAZE") ? new double[] {cx, cy} : new double[] {bx, by};
        boolean childToParent = s.active("C_GAZE") || s.recent("C_CHECK", 700) || s.recent("C_SEEK", 1500);
        double[] childLook = s.recent("C_AVOID", 1500) ? new double[] {WIDTH + 200, cy} : childWithdrawn ? new double[] {cx, HEIGHT + 100}
                : childToParent ? new double[] {px, py} : new double[] {bx, by};
        eyes(g, px, py - (withdrawn ? -12 : 0), 44, parentLook);
        eyes(g, cx, cy - (childWithdrawn ? -10 : 0), 30, childLook);

        // mouths
        mouth(g, px, py + 18 + (withdrawn ? 12 : 0), 18, s.active("P_POS") ? 1 : s.recent("P_HOSTILE", 1500) ? -1 : 0);
        mouth(g, cx, cy + 12 + (childWithdrawn ? 10 : 0), 11, s.active("C_POS") ? 1 : s.active("C_DIST") ? -1 : 0);
        if (s.active("C_DIST")) {
            g.setColor(new Color(0x3399DD));
            double drop = (t % 600) / 600.0 * 18;
            g.fill(new Ellipse2D.Double(cx - 13, cy + 2 + drop, 5, 8));
            g.fill(new Ellipse2D.Double(cx + 8, cy + 4 + drop, 5, 8));
            bubble(g, cx + 20, cy - 80, "Waaah!", new Color(0xFDE2E2));
        }

        // speech
        String childSays = s.saying(Map.of("C_BID:social", "Look at me!", "C_BID:share", "See my ball?", "C_BID:help", "Help me!",
                "C_BID:need", "Mummy!", "C_RESP", "Yes!"), 1200);
        if (childSays != null) bubble(g, cx + 20, cy - 80, childSays, Color.WHITE);
        String parentSays = s.saying(Map.of("P_RESP:verbal", "Yes, I see it!", "P_RESP:affective", "Wow, lovely!", "P_RESP:instrumental", "Here you go.",
                "P_RESP:mirror", "Look at you!", "P_BID:offer", "Want to roll it?", "P_BID:directive", "Put the ball in the box.",
                "P_SOOTHE", "Shh, it's okay.", "P_HOSTILE", "No! Stop that!", "P_INTRUDE", "Give me that."), 1200);
        if (parentSays != null) bubble(g, px + 40, py - 95, parentSays, Color.WHITE);

        if (s.active("UNCODE")) { // someone walks in front of the camera
            g.setColor(new Color(40, 40, 48, 235));
            g.fillRect(90 + (int) ((t % 2000) / 10), 0, 420, HEIGHT);
            g.setColor(Color.WHITE);
            g.setFont(new Font("DejaVu Sans", Font.PLAIN, 16));
            g.drawString("(view blocked)", 250, 180);
        }

        frameCode(g, f);

        // burned-in session, timecode and frame number
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(0, HEIGHT - 26, 330, 26);
        g.setColor(Color.WHITE);
        g.setFont(new Font("DejaVu Sans Mono", Font.PLAIN, 15));
        g.drawString(String.format("%s  %02d:%02d:%02d.%03d  frame %04d", session, t / 3_600_000, t / 60_000 % 60, t / 1000 % 60, t % 1000, f), 8, HEIGHT - 8);
    }

    /** Frame code: bits of the frame number, MSB first, as black (1) or white (0) squares on a grey strip, top right. */
    static final int CODE_BITS = 12;
    static final int CODE_CELL = 14;
    static final int CODE_X = WIDTH - CODE_BITS * CODE_CELL - 10;
    static final int CODE_Y = 8;

    private static void frameCode(Graphics2D g, int f) {
        g.setColor(new Color(0x808080));
        g.fillRect(CODE_X - 4, CODE_Y - 4, CODE_BITS * CODE_CELL + 6, CODE_CELL + 6);
        for (int i = 0; i < CODE_BITS; i++) {
            boolean one = (f >> (CODE_BITS - 1 - i) & 1) == 1;
            g.setColor(one ? Color.BLACK : Color.WHITE);
            g.fillRect(CODE_X + i * CODE_CELL, CODE_Y, CODE_CELL - 2, CODE_CELL - 2);
        }
    }

    /** Reads the frame number back from a frame's pixels (luminance at each cell's centre); {@code argb} gives a pixel's colour. */
    public static int decodeFrame(java.util.function.IntBinaryOperator argb) {
        int f = 0;
        for (int i = 0; i < CODE_BITS; i++) {
            int c = argb.applyAsInt(CODE_X + i * CODE_CELL + (CODE_CELL - 2) / 2, CODE_Y + (CODE_CELL - 2) / 2);
            int luma = (((c >> 16) & 0xFF) * 299 + ((c >> 8) & 0xFF) * 587 + (c & 0xFF) * 114) / 1000;
            f = f << 1 | (luma < 128 ? 1 : 0);
        }
        return f;
    }

    private static void figure(Graphics2D g, double x, double y, double r, Color body, double slump) {
        g.setColor(body);
        g.fill(new RoundRectangle2D.Double(x - r * 0.9, y + r * 0.9 + slump, r * 1.8, r * 2.6, r * 0.8, r * 0.8));
        g.setColor(new Color(0xF2C7A5));
        g.fill(new Ellipse2D.Double(x - r, y - r + slump, 2 * r, 2 * r));
        g.setColor(new Color(0x5A3E2B));
        g.fill(new Arc2D.Double(x - r, y - r + slump, 2 * r, 2 * r, 20, 140, Arc2D.CHORD));
    }

    private static void eyes(Graphics2D g, double x, double y, double r, double[] look) {
        for (int side : new int[] {-1, 1}) {
            double ex = x + side * r * 0.38, ey = y - r * 0.1, er = r * 0.2;
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(ex - er, ey - er, 2 * er, 2 * er));
            double dx = look[0] - ex, dy = look[1] - ey, d = Math.max(1, Math.hypot(dx, dy));
            double pr = er * 0.6;
            g.setColor(new Color(0x222222));
            g.fill(new Ellipse2D.Double(ex + dx / d * er * 0.42 - pr, ey + dy / d * er * 0.42 - pr, 2 * pr, 2 * pr));
        }
    }

    /** mood 1 smile, 0 neutral, -1 frown. */
    private static void mouth(Graphics2D g, double x, double y, double w, int mood) {
        g.setColor(new Color(0x7A2E2E));
        g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (mood == 0) g.drawLine((int) (x - w / 2), (int) y, (int) (x + w / 2), (int) y);
        else if (mood > 0) g.draw(new Arc2D.Double(x - w / 2, y - w / 2, w, w, 200, 140, Arc2D.OPEN));
        else g.draw(new Arc2D.Double(x - w / 2, y, w, w, 20, 140, Arc2D.OPEN));
        g.setStroke(new BasicStroke(1));
    }

    private static void bubble(Graphics2D g, double x, double y, String text, Color fill) {
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 15));
        int w = g.getFontMetrics().stringWidth(text) + 20;
        double bx = Math.min(x, WIDTH - w - 6);
        g.setColor(fill);
        g.fill(new RoundRectangle2D.Double(bx, y, w, 30, 16, 16));
        g.setColor(new Color(0x333333));
        g.draw(new RoundRectangle2D.Double(bx, y, w, 30, 16, 16));
        g.drawString(text, (int) bx + 10, (int) y + 20);
    }

    /** What the script says is going on at time t. */
    private record Scene(List<Beat> script, long t) {
        boolean active(String code) {
            return script.stream().anyMatch(b -> b.code().equals(code) && !b.point() && b.onMs() <= t && t < b.offMs());
        }

        /** Whether a point code happened within the last {@code withinMs}. */
        boolean recent(String code, long withinMs) {
            return script.stream().anyMatch(b -> b.code().equals(code) && b.onMs() <= t && t < b.onMs() + withinMs);
        }

        /** Time since the latest occurrence of a code, or -1. */
        long since(String code) {
            return script.stream().filter(b -> b.code().equals(code) && b.onMs() <= t).mapToLong(b -> t - b.onMs()).min().orElse(-1);
        }

        /** The line of the most recent speaking point code (keyed "CODE:modifier" or "CODE") still shown. */
        String saying(Map<String, String> lines, long showMs) {
            return script.stream().filter(b -> b.onMs() <= t && t < b.onMs() + showMs)
                    .map(b -> lines.getOrDefault(b.code() + ":" + b.mod(), lines.get(b.code())))
                    .filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
        }
    }
}
