package org.attune.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A video's frame rate, frame count and duration, read from its MP4/MOV boxes — JavaFX does not
 * report the frame rate, and frame-exact coding needs it. Reads only the {@code moov} box (a few KB):
 * the video track's {@code mdhd} (timescale, duration) and {@code stts} (frame durations) boxes
 * (ISO/IEC 14496-12 §8.4.2, §8.6.1.2). The media data are skipped, never read.
 */
public final class Mp4Info {

    /**
     * The video track's timing.
     *
     * @param fps        frames per second: timescale ÷ the most common frame duration
     * @param frames     number of video frames
     * @param durationMs the track's duration in ms
     * @param constant   whether every frame has the same duration (variable-frame-rate phone videos do not)
     */
    public record VideoTiming(double fps, long frames, long durationMs, boolean constant, long[] startsMicros) {

        /** Where the frames lie: at one rate, or (variable rate) at their own timestamps. */
        public FrameTimes clock() {
            return constant || startsMicros.length == 0 ? new FrameClock(fps) : new TimestampClock(startsMicros, durationMs * 1000);
        }
    }

    private Mp4Info() {
    }

    /** The first video track's timing, or empty when the file has no video track or is not MP4/MOV. */
    public static Optional<VideoTiming> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Box trak : tracks(ch)) {
                if (!handler(ch, trak).equals("vide")) continue;
                Optional<VideoTiming> t = videoTrack(ch, trak);
                if (t.isPresent()) return t;
            }
        }
        return Optional.empty();
    }

    /** Whether the file has a sound track (a {@code trak} whose handler is {@code soun}); false when it cannot tell. */
    public static boolean hasSound(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Box trak : tracks(ch)) {
                if (handler(ch, trak).equals("soun")) return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** The {@code trak} boxes of the file's {@code moov}. */
    private static List<Box> tracks(FileChannel ch) throws IOException {
        List<Box> out = new ArrayList<>();
        for (Box moov : children(ch, 0, ch.size())) {
            if (!moov.type.equals("moov")) continue;
            for (Box trak : children(ch, moov.bodyStart, moov.end)) if (trak.type.equals("trak")) out.add(trak);
        }
        return out;
    }

    /** A track's handler type ({@code vide}, {@code soun} …), or "" when it has none. */
    private static String handler(FileChannel ch, Box trak) throws IOException {
        Box mdia = child(ch, trak, "mdia");
        Box hdlr = mdia == null ? null : child(ch, mdia, "hdlr");
        if (hdlr == null) return "";
        ByteBuffer h = read(ch, hdlr.bodyStart, 12);
        return h.limit() < 12 ? "" : new String(new byte[] {h.get(8), h.get(9), h.get(10), h.get(11)}, StandardCharsets.ISO_8859_1);
    }

    private static Optional<VideoTiming> videoTrack(FileChannel ch, Box trak) throws IOException {
        Box mdia = child(ch, trak, "mdia");
        Box mdhd = mdia == null ? null : child(ch, mdia, "mdhd");
        if (mdhd == null) return Optional.empty();
        ByteBuffer m = read(ch, mdhd.bodyStart, 32);
        int version = m.get(0);
        long timescale = version == 1 ? Integer.toUnsignedLong(m.getInt(20)) : Integer.toUnsignedLong(m.getInt(12));
        long duration = version == 1 ? m.getLong(24) : Integer.toUnsignedLong(m.getInt(16));
        Box minf = child(ch, mdia, "minf");
        Box stbl = minf == null ? null : child(ch, minf, "stbl");
        Box stts = stbl == null ? null : child(ch, stbl, "stts");
        if (stts == null || timescale == 0) return Optional.empty();
        ByteBuffer s = read(ch, stts.bodyStart, (int) Math.min(stts.end - stts.bodyStart, 1 << 24));
        long entries = Integer.toUnsignedLong(s.getInt(4));
        long frames = 0;
        long commonDelta = 0;
        long commonCount = -1;
        for (int i = 0; i < entries && 8 + i * 8 + 8 <= s.limit(); i++) {
            long count = Integer.toUnsignedLong(s.getInt(8 + i * 8));
            long delta = Integer.toUnsignedLong(s.getInt(12 + i * 8));
            frames += count;
            if (count > commonCount) {
                commonCount = count;
                commonDelta = delta;
            }
        }
        if (commonDelta == 0) return Optional.empty();
        // a final frame of another length (common after editing) does not make the rate variable
        boolean constant = entries == 1 || entries == 2 && commonCount == frames - 1;
        long[] starts = constant ? new long[0] : presentationStarts(ch, stbl, s, entries, frames, timescale);
        return Optional.of(new VideoTiming((double) timescale / commonDelta, frames, Math.round(duration * 1000.0 / timescale), constant, starts));
    }

    /**
     * Every frame's presentation time and whether it is a keyframe, from the video track's sample tables
     * ({@code stts}, {@code ctts}, {@code stss}) — what {@link FrameServer} would otherwise find by reading
     * every packet of the file (seconds for an hour of footage; this reads a few hundred KB). Empty when the
     * file is not MP4/MOV or its tables disagree.
     */
    static Optional<FrameIndex> frameIndex(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Box trak : tracks(ch)) {
                if (!handler(ch, trak).equals("vide")) continue;
                Box mdia = child(ch, trak, "mdia");
                Box mdhd = mdia == null ? null : child(ch, mdia, "mdhd");
                Box minf = mdia == null ? null : child(ch, mdia, "minf");
                Box stbl = minf == null ? null : child(ch, minf, "stbl");
                Box stts = stbl == null ? null : child(ch, stbl, "stts");
                if (mdhd == null || stts == null) return Optional.empty();
                ByteBuffer m = read(ch, mdhd.bodyStart, 32);
                long timescale = m.get(0) == 1 ? Integer.toUnsignedLong(m.getInt(20)) : Integer.toUnsignedLong(m.getInt(12));
                ByteBuffer s = read(ch, stts.bodyStart, (int) Math.min(stts.end - stts.bodyStart, 1 << 24));
                long entries = Integer.toUnsignedLong(s.getInt(4));
                long frames = 0;
                for (int i = 0; i < entries && 8 + i * 8 + 8 <= s.limit(); i++) frames += Integer.toUnsignedLong(s.getInt(8 + i * 8));
                long[] t = decodeOrderTimes(ch, stbl, s, entries, frames);
                if (t.length == 0 || timescale == 0) return Optional.empty();
                boolean[] sync = syncSamples(ch, stbl, t.length);
                if (sync == null) return Optional.empty();
                Integer[] order = new Integer[t.length];
                for (int i = 0; i < order.length; i++) order[i] = i;
                Arrays.sort(order, (a, b) -> Long.compare(t[a], t[b]));
                long first = t[order[0]];
                long[] us = new long[t.length];
                boolean[] key = new boolean[t.length];
                for (int i = 0; i < t.length; i++) {
                    us[i] = (t[order[i]] - first) * 1_000_000L / timescale;
                    key[i] = sync[order[i]];
                    if (i > 0 && us[i] <= us[i - 1]) return Optional.empty();
                }
                key[0] = true;
                return Optional.of(new FrameIndex(us, key));
            }
        }
        return Optional.empty();
    }

    /** Which samples (decode order) are keyframes: {@code stss} lists them from 1; without it, every sample is. Null when damaged. */
    private static boolean[] syncSamples(FileChannel ch, Box stbl, int samples) throws IOException {
        boolean[] sync = new boolean[samples];
        Box stss = child(ch, stbl, "stss");
        if (stss == null) {
            Arrays.fill(sync, true);
            return sync;
        }
        ByteBuffer b = read(ch, stss.bodyStart, (int) Math.min(stss.end - stss.bodyStart, 1 << 24));
        long n = Integer.toUnsignedLong(b.getInt(4));
        for (int i = 0; i < n; i++) {
            if (8 + i * 4 + 4 > b.limit()) return null;
            long sample = Integer.toUnsignedLong(b.getInt(8 + i * 4));
            if (sample < 1 || sample > samples) return null;
            sync[(int) sample - 1] = true;
        }
        return sync;
    }

    /**
     * Each frame's presentation start in µs from the first frame: decoding times from {@code stts}, plus the
     * composition offsets of {@code ctts} where B-frames reorder them, sorted. Empty when the tables disagree.
     */
    private static long[] presentationStarts(FileChannel ch, Box stbl, ByteBuffer stts, long entries, long frames, long timescale) throws IOException {
        long[] t = decodeOrderTimes(ch, stbl, stts, entries, frames);
        if (t.length == 0) return t;
        Arrays.sort(t);
        long first = t[0];
        long[] us = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            us[i] = (t[i] - first) * 1_000_000L / timescale;
            if (i > 0 && us[i] <= us[i - 1]) return new long[0]; // two frames at one time: not a table to trust
        }
        return us;
    }

    /** Each sample's presentation time in the track's timescale, in decoding order ({@code stts} plus {@code ctts}); empty when the tables disagree. */
    private static long[] decodeOrderTimes(FileChannel ch, Box stbl, ByteBuffer stts, long entries, long frames) throws IOException {
        if (frames <= 0 || frames > 50_000_000) return new long[0];
        long[] t = new long[(int) frames];
        int k = 0;
        long dts = 0;
        for (int i = 0; i < entries && 8 + i * 8 + 8 <= stts.limit(); i++) {
            long count = Integer.toUnsignedLong(stts.getInt(8 + i * 8));
            long delta = Integer.toUnsignedLong(stts.getInt(12 + i * 8));
            for (long c = 0; c < count && k < t.length; c++) {
                t[k++] = dts;
                dts += delta;
            }
        }
        if (k != t.length) return new long[0];
        Box ctts = child(ch, stbl, "ctts");
        if (ctts != null) {
            ByteBuffer c = read(ch, ctts.bodyStart, (int) Math.min(ctts.end - ctts.bodyStart, 1 << 26));
            boolean signed = c.get(0) == 1;
            long n = Integer.toUnsignedLong(c.getInt(4));
            int at = 0;
            for (int i = 0; i < n && 8 + i * 8 + 8 <= c.limit(); i++) {
                long count = Integer.toUnsignedLong(c.getInt(8 + i * 8));
                long offset = signed ? c.getInt(12 + i * 8) : Integer.toUnsignedLong(c.getInt(12 + i * 8));
                for (long j = 0; j < count && at < t.length; j++) t[at++] += offset;
            }
        }
        return t;
    }

    private record Box(String type, long bodyStart, long end) {
    }

    private static Box child(FileChannel ch, Box parent, String type) throws IOException {
        for (Box b : children(ch, parent.bodyStart, parent.end)) if (b.type.equals(type)) return b;
        return null;
    }

    private static List<Box> children(FileChannel ch, long from, long to) throws IOException {
        List<Box> out = new ArrayList<>();
        long at = from;
        while (at + 8 <= to) {
            ByteBuffer head = read(ch, at, 16);
            if (head.limit() < 8) break;
            long size = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(new byte[] {head.get(4), head.get(5), head.get(6), head.get(7)}, StandardCharsets.ISO_8859_1);
            long body = at + 8;
            if (size == 1) {
                if (head.limit() < 16) break;
                size = head.getLong(8);
                body = at + 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < body - at || at + size > to) break; // damaged: stop rather than guess
            out.add(new Box(type, body, at + size));
            at += size;
        }
        return out;
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            int r = ch.read(b, at + b.position());
            if (r < 0) break;
        }
        return b.flip();
    }
}
