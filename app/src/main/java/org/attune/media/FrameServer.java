package org.attune.media;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BYTE;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Exact frames of any video FFmpeg reads, by frame number, fast enough to step: the file's frames
 * are indexed once by their presentation timestamps (no frame rate is assumed, so variable-frame-rate
 * phone video is exact too); a frame is decoded from the keyframe before it, and the last few frames
 * decoded on the way are kept as the decoder gave them (YUV, its own buffers), up to {@code cacheBytes};
 * frames before those that nothing refers to are not decoded at all; stepping forward decodes on
 * without seeking, and {@link #prefetchBefore} decodes up to 48 frames back while the coder looks, so
 * stepping back needs no decoding. Frames are handed out as BGRA pixels, converted when asked for.
 *
 * <p>Not thread-safe: one owner (the player's frame thread). Close it to free FFmpeg's memory.
 */
public final class FrameServer implements AutoCloseable {

    /** One decoded frame: its number, its start on the file's clock in microseconds, and its pixels (BGRA, row after row). */
    public record Frame(int index, long ptsMicros, int width, int height, byte[] bgra) {
    }

    private final Path file;
    private final VideoInput input;
    private final AVFormatContext format;
    private final AVCodecContext decoder;
    private final int stream;
    private final AVStream videoStream;
    private final int width;
    private final int height;
    private final FrameIndex index;
    private final boolean hasAudio;
    private final String codecName;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame converted = av_frame_alloc();
    private final BytePointer convertedBuffer;
    private SwsContext scaler;
    private final long cacheBytes;
    /**
     * A decoded frame as the decoder gave it (YUV: a third of BGRA's bytes), converted when shown: a
     * reference to the decoder's own buffer, not a copy (copying 48 frames of 1080p cost a jump ~40 ms).
     */
    private record Raw(int index, AVFrame frame, long bytes) {
        void free() {
            av_frame_free(frame);
        }
    }

    /** Decoded frames by number, least recently used first. */
    private final LinkedHashMap<Integer, Raw> cache = new LinkedHashMap<>(64, 0.75f, true);
    /** The frame converted last (asked for again, it costs nothing). */
    private Frame lastShown;
    private long cached;
    /** The frame the decoder produced last (decoding on from it is cheaper than seeking), or -1. */
    private int decodedUpTo = -1;
    private long framesDecoded;

    private FrameServer(Path file, long cacheBytes, boolean fromSampleTables) throws IOException {
        this.file = file;
        this.cacheBytes = cacheBytes;
        input = VideoInput.open(file);
        format = input.format;
        stream = input.stream;
        videoStream = input.videoStream;
        decoder = input.decoder;
        codecName = input.codecName;
        hasAudio = input.hasAudio;
        width = decoder.width();
        height = decoder.height();
        convertedBuffer = new BytePointer((long) width * height * 4);
        // an MP4/MOV says where its frames lie in its sample tables; other containers are read packet by packet
        Optional<FrameIndex> fromTables = fromSampleTables ? Mp4Info.frameIndex(file).filter(i -> i.frames() == videoStream.nb_frames()) : Optional.empty();
        if (fromTables.isPresent()) {
            startPts = videoStream.start_time() != AV_NOPTS_VALUE ? videoStream.start_time() : 0;
            index = fromTables.get();
        } else {
            index = buildIndex();
        }
        if (index.frames() == 0) {
            close();
            throw new IOException(file.getFileName() + " has no video frames.");
        }
    }

    /**
     * Opens a video and indexes its frames: from an MP4/MOV's sample tables (a few hundred KB for an hour),
     * else by reading every packet once (decoding none).
     */
    public static FrameServer open(Path file, long cacheBytes) throws IOException {
        return new FrameServer(file, cacheBytes, true);
    }

    /** As {@link #open}, always reading every packet (tests compare the two indexes). */
    static FrameServer openReadingPackets(Path file, long cacheBytes) throws IOException {
        return new FrameServer(file, cacheBytes, false);
    }

    public FrameIndex index() {
        return index;
    }

    /**
     * The frames' clock as FFmpeg read them: at a constant rate the stream's own rate (e.g. 30000/1001)
     * where the timestamps agree with it, else their mean; at a variable rate each frame's timestamp.
     * For files whose container states no timing JavaFX reads (AVI, MTS, MKV …).
     */
    public FrameTimes clock() {
        long[] pts = index.ptsMicros();
        if (!index.constantRate() || pts.length < 2) return new TimestampClock(pts, durationMicros());
        double mean = (pts[pts.length - 1] - pts[0]) / 1e6 / (pts.length - 1);
        var rate = videoStream.r_frame_rate();
        double stated = rate.den() > 0 ? (double) rate.num() / rate.den() : 0;
        return new FrameClock(stated > 0 && Math.abs(1 / stated - mean) < 0.0001 ? stated : 1 / mean);
    }

    /** From the first frame's start to the end of the last (which lasts as long as the one before it). */
    public long durationMicros() {
        long[] pts = index.ptsMicros();
        long last = pts.length > 1 ? pts[pts.length - 1] - pts[pts.length - 2] : 40_000;
        return pts[pts.length - 1] + last;
    }

    public int frames() {
        return index.frames();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean hasAudio() {
        return hasAudio;
    }

    public String codec() {
        return codecName;
    }

    /** The container as FFmpeg names it ("mov,mp4,m4a,3gp,3g2,mj2", "avi", "mpegts", "matroska,webm" …). */
    public String container() {
        return format.iformat().name().getString();
    }

    /** Frames decoded since opening (a cached frame costs none): what stepping cost. */
    public long framesDecoded() {
        return framesDecoded;
    }

    /** Bytes the frame cache holds now (never more than the limit given when opened, plus one frame). */
    public long cachedBytes() {
        return cached;
    }

    private long toMicros(long pts) {
        return pts * 1_000_000L * videoStream.time_base().num() / videoStream.time_base().den();
    }

    private FrameIndex buildIndex() throws IOException {
        List<long[]> seen = new ArrayList<>(); // pts, key
        while (av_read_frame(format, packet) >= 0) {
            try {
                if (packet.stream_index() != stream) continue;
                long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                if (pts == AV_NOPTS_VALUE) continue;
                seen.add(new long[] {pts, (packet.flags() & AV_PKT_FLAG_KEY) != 0 ? 1 : 0});
            } finally {
                av_packet_unref(packet);
            }
        }
        seen.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] pts = new long[seen.size()];
        boolean[] key = new boolean[seen.size()];
        long start = seen.isEmpty() ? 0 : seen.get(0)[0];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = toMicros(seen.get(i)[0] - start);
            key[i] = seen.get(i)[1] == 1;
        }
        if (key.length > 0) key[0] = true;
        startPts = start;
        seekTo(0);
        return new FrameIndex(pts, key);
    }

    /** The first frame's timestamp in the stream's time base: frame times count from it. */
    private long startPts;

    private void seekTo(long streamPts) throws IOException {
        if (av_seek_frame(format, stream, streamPts, AVSEEK_FLAG_BACKWARD) < 0) throw new IOException(file.getFileName() + ": cannot seek.");
        avcodec_flush_buffers(decoder);
        decodedUpTo = -1;
    }

    private int previousKeyframe(int key) {
        int k = key - 1;
        while (k > 0 && !index.keyframe()[k]) k--;
        return Math.max(0, k);
    }

    private void seekToKeyframe(int key) throws IOException {
        if (key == 0) {
            seekToStart();
            return;
        }
        seekTo(startPts + index.ptsMicros()[key] * videoStream.time_base().den() / (1_000_000L * videoStream.time_base().num()));
    }

    /** Back to the file's first byte: the one seek every container gets right. */
    private void seekToStart() throws IOException {
        if (av_seek_frame(format, -1, 0, AVSEEK_FLAG_BYTE) < 0 && av_seek_frame(format, stream, startPts, AVSEEK_FLAG_BACKWARD) < 0) {
            throw new IOException(file.getFileName() + ": cannot go back to its start.");
        }
        avcodec_flush_buffers(decoder);
        decodedUpTo = -1;
    }

    /** The number of the frame shown at {@code micros} on the file's clock (the last that starts at or before it). */
    public int frameAt(long micros) {
        int i = Arrays.binarySearch(index.ptsMicros(), micros);
        if (i >= 0) return i;
        return Math.max(0, -i - 2);
    }

    /** Whether frame {@code n} is in the cache (showing it costs no decoding). */
    public boolean isCached(int n) {
        return cache.containsKey(n);
    }

    /**
     * Makes the frames just before {@code n} ready while the coder looks at {@code n}: when any of the next
     * few steps back is not in the cache (after a jump, which keeps only a few; at a GOP's start, where the
     * step back needs the whole previous group of pictures), up to 48 frames before {@code n} are decoded.
     * {@code stop} is asked between packets; a newer request should stop it (it returns).
     */
    public void prefetchBefore(int n, BooleanSupplier stop) throws IOException {
        if (n <= 0 || n > index.frames()) return;
        int m = n - 1;
        // the next few steps back are ready: nothing to do (checking the whole stretch would re-decode at every step)
        int from = Math.max(keyframeOf(m), m - SHOWN_WITH + 1);
        boolean ready = true;
        for (int i = from; i <= m && ready; i++) ready = cache.containsKey(i);
        if (ready) return;
        try {
            decode(m, keptBefore(), stop, false);
        } catch (CancellationException e) {
            // a newer request came first: it is served instead
        }
    }

    private int keyframeOf(int n) {
        int key = n;
        while (key > 0 && !index.keyframe()[key]) key--;
        return key;
    }

    /** Frame {@code n} (0 = the first), decoded or from the cache. */
    public Frame frame(int n) throws IOException {
        return frame(n, () -> false);
    }

    /** As {@link #frame(int)}; {@code stop} is asked between packets and stops the decoding with a {@link CancellationException}. */
    public Frame frame(int n, BooleanSupplier stop) throws IOException {
        if (n < 0 || n >= index.frames()) throw new IllegalArgumentException("frame " + n + " of " + index.frames());
        if (lastShown != null && lastShown.index() == n) return lastShown;
        Raw hit = cache.get(n);
        if (hit != null) return lastShown = toFrame(hit);
        // a step back that is not in the cache keeps the stretch before it too: the next steps back are free
        boolean stepBack = lastShown != null && n < lastShown.index() && n >= lastShown.index() - 2;
        return decode(n, stepBack ? keptBefore() : SHOWN_WITH, stop, true);
    }

    /**
     * How many frames up to the one asked for are kept when it must be decoded after a jump: few, so it
     * shows soon (each kept frame is decoded in full); stepping back from there, {@link #prefetchBefore}
     * fills the stretch before while the coder looks.
     */
    private static final int SHOWN_WITH = 8;

    /**
     * Decodes up to frame {@code n}, keeping the last {@code keep} frames of the way in the cache; returns
     * frame {@code n} in pixels when {@code show}, else null.
     */
    private Frame decode(int n, int keep, BooleanSupplier stop, boolean show) throws IOException {
        // decoding on from the frame decoded last is cheaper than a seek when n is a little ahead in the same GOP
        int key = keyframeOf(n);
        if (decodedUpTo < key || decodedUpTo >= n) seekToKeyframe(key);
        Frame wanted = null;
        boolean done = false;
        boolean first = true;
        int reseeks = 0;
        int kept = Math.min(keep, framesThatFit());
        while (!done) {
            if (stop.getAsBoolean()) throw new CancellationException("frame " + n);
            int r = av_read_frame(format, packet);
            try {
                if (r < 0) {
                    avcodec_send_packet(decoder, null); // drain what the decoder still holds
                } else if (packet.stream_index() != stream) {
                    continue;
                } else if (sendSkippingFarFrames(packet, n, kept) < 0) {
                    throw new IOException(file.getFileName() + ": a damaged frame near frame " + n + ".");
                }
                while (avcodec_receive_frame(decoder, decoded) >= 0) {
                    framesDecoded++;
                    long pts = decoded.best_effort_timestamp();
                    int i = pts == AV_NOPTS_VALUE ? decodedUpTo + 1 : frameAt(toMicros(pts - startPts));
                    if (first && i > n) {
                        // the demuxer's seek landed past the frame (transport streams seek by bytes, roughly):
                        // go back one more keyframe, and at the start to the file's first byte
                        av_frame_unref(decoded);
                        if (++reseeks > 4) throw new IOException(file.getFileName() + ": frame " + n + " cannot be reached by seeking.");
                        key = previousKeyframe(key);
                        seekToKeyframe(key);
                        break;
                    }
                    first = false;
                    decodedUpTo = i;
                    // only the frames the cache can keep are converted to pixels: converting a whole long GOP costs more than decoding it
                    if (i >= Math.max(key, n - kept + 1) && i <= n) {
                        remember(keep(i));
                        if (i == n) {
                            done = true;
                            if (show) wanted = lastShown = convert(i);
                        }
                    }
                    av_frame_unref(decoded);
                }
                if (r < 0 && !done) {
                    // the end came before the frame: the seek landed past it with nothing decodable after (a transport
                    // stream's rough seek near its end); go back a keyframe, as when it lands past a decoded frame
                    if (!first || ++reseeks > 4) throw new IOException(file.getFileName() + ": frame " + n + " could not be decoded.");
                    key = previousKeyframe(key);
                    seekToKeyframe(key);
                }
            } finally {
                if (r >= 0) av_packet_unref(packet);
            }
        }
        return wanted;
    }

    /**
     * Sends a packet to the decoder. Frames nobody refers to that lie before what the cache will keep of
     * the way to frame {@code n} are not decoded at all (they are not shown and no other frame needs them):
     * a jump into a long group of pictures decodes about half as many frames.
     */
    private int sendSkippingFarFrames(AVPacket p, int n, int kept) {
        long pts = p.pts() != AV_NOPTS_VALUE ? p.pts() : p.dts();
        boolean far = pts != AV_NOPTS_VALUE && n - kept > 0
                && toMicros(pts - startPts) < index.ptsMicros()[Math.max(0, n - kept)];
        int wanted = far ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
        if (decoder.skip_frame() != wanted) decoder.skip_frame(wanted);
        return avcodec_send_packet(decoder, p);
    }

    /** How many frames the cache holds (at least one), at the decoder's bytes per frame (YUV 4:2:0: 1.5 a pixel). */
    private int framesThatFit() {
        long perFrame = rawBytesPerFrame > 0 ? rawBytesPerFrame : (long) width * height * 3 / 2;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, cacheBytes / perFrame));
    }

    private long rawBytesPerFrame;

    /**
     * How many frames before the one asked for are kept on the way to it: enough to step back two seconds
     * without decoding; frames before those that nobody refers to are not decoded at all (a jump stays quick).
     */
    private int keptBefore() {
        return Math.min(framesThatFit(), 48);
    }

    /** The decoded frame kept as it is: a new reference to the decoder's buffer (nothing is copied). */
    private Raw keep(int i) {
        rawBytesPerFrame = av_image_get_buffer_size(decoded.format(), width, height, 1);
        return new Raw(i, av_frame_clone(decoded), rawBytesPerFrame);
    }

    /** A kept frame converted to BGRA pixels. */
    private Frame toFrame(Raw r) {
        return toBgra(r.frame(), r.index());
    }

    private Frame convert(int i) {
        return toBgra(decoded, i);
    }

    private Frame toBgra(AVFrame f, int i) {
        scaler = sws_getCachedContext(scaler, width, height, f.format(), width, height, AV_PIX_FMT_BGRA, SWS_BILINEAR, null, null, (DoublePointer) null);
        converted.data(0, convertedBuffer);
        converted.linesize(0, width * 4);
        sws_scale(scaler, f.data(), f.linesize(), 0, height, converted.data(), converted.linesize());
        byte[] pixels = new byte[width * height * 4];
        convertedBuffer.position(0).get(pixels);
        return new Frame(i, index.ptsMicros()[i], width, height, pixels);
    }

    private void remember(Raw f) {
        Raw before = cache.put(f.index(), f);
        cached += f.bytes();
        if (before != null) {
            cached -= before.bytes();
            before.free();
        }
        var it = cache.entrySet().iterator();
        while (cached > cacheBytes && cache.size() > 1 && it.hasNext()) {
            Map.Entry<Integer, Raw> oldest = it.next();
            if (oldest.getKey() == f.index()) continue;
            cached -= oldest.getValue().bytes();
            oldest.getValue().free();
            it.remove();
        }
    }

    @Override
    public void close() {
        cache.values().forEach(Raw::free);
        cache.clear();
        cached = 0;
        lastShown = null;
        if (scaler != null) sws_freeContext(scaler);
        scaler = null;
        av_frame_free(decoded);
        av_frame_free(converted);
        av_packet_free(packet);
        input.close();
    }
}
