package org.attune.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;

/**
 * A coding copy of a video the app's player cannot show (AVI, MTS, MKV, MJPEG, long GOPs): H.264 in MP4
 * through the bundled FFmpeg's OpenH264 encoder, a keyframe every 15 frames, no B-frames, every frame kept
 * at its original time (measured from the first frame), so events coded on the copy are on the original's
 * clock; the original's sound as AAC on the same clock ({@link CopySound}; where it cannot be decoded, the
 * copy is made without it and says why). The original is only read.
 */
public final class CodingCopy {

    /**
     * How the copy went: frames written, how long the video runs, whether the copy has the original's
     * sound, and why not where the original has sound that could not be kept (else empty).
     */
    public record Result(long frames, long durationMicros, boolean sound, String soundLeftOut) {
    }

    /** Something that is told the frames written so far and may stop the copy. */
    public interface Watch {
        /** False stops the copy (it throws {@link IOException} "cancelled"). */
        boolean framesWritten(long frames);
    }

    private CodingCopy() {
    }

    /** Where the coding copy of {@code original} goes by default: beside it, {@code NAME-coding.mp4}. */
    public static Path besideOriginal(Path original) {
        return original.resolveSibling(VideoReport.stem(original.getFileName().toString()) + "-coding.mp4");
    }

    /** Writes the coding copy of {@code in} to {@code out} (an MP4 file; the caller writes it beside the target and moves it into place). */
    public static Result write(Path in, Path out, Watch watch) throws IOException {
        VideoInput input = VideoInput.open(in);
        AVFormatContext ic = input.format;
        AVCodecContext dec = input.decoder;
        AVCodecContext enc = null;
        AVFormatContext oc = null;
        AVPacket pkt = av_packet_alloc();
        AVPacket outPkt = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        AVFrame yuv = av_frame_alloc();
        SwsContext sws = null;
        CopySound sound = null;
        try {
            int vs = input.stream;
            AVStream ist = input.videoStream;
            int w = dec.width();
            int h = dec.height();

            oc = new AVFormatContext(null);
            if (avformat_alloc_output_context2(oc, null, "mp4", out.toString()) < 0) throw new IOException("cannot make an MP4 file at " + out);
            AVCodec encoder = avcodec_find_encoder_by_name("libopenh264");
            if (encoder == null) throw new IOException("this build of Attune has no H.264 encoder.");
            AVStream ost = avformat_new_stream(oc, null);
            enc = avcodec_alloc_context3(encoder);
            enc.width(w);
            enc.height(h);
            enc.pix_fmt(AV_PIX_FMT_YUV420P);
            enc.time_base(ist.time_base());
            enc.gop_size(15);
            enc.max_b_frames(0);
            enc.bit_rate(Math.max(1_000_000L, (long) w * h * 6)); // ~ 12 Mbit/s at 1080p: sharp enough to see a glance
            if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) enc.flags(enc.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            if (avcodec_open2(enc, encoder, (AVDictionary) null) < 0) throw new IOException("the H.264 encoder cannot be opened for " + w + "×" + h + ".");
            avcodec_parameters_from_context(ost.codecpar(), enc);
            ost.time_base(enc.time_base());
            String soundLeftOut = "";
            try {
                sound = CopySound.open(ic, oc, (oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0);
            } catch (IOException e) {
                soundLeftOut = e.getMessage(); // the picture is what is coded: the copy is made without the sound
            }
            AVIOContext pb = new AVIOContext(null);
            if (avio_open(pb, out.toString(), AVIO_FLAG_WRITE) < 0) throw new IOException("cannot write " + out);
            oc.pb(pb);
            if (avformat_write_header(oc, (AVDictionary) null) < 0) throw new IOException("cannot write the MP4 header of " + out);

            yuv.format(AV_PIX_FMT_YUV420P);
            yuv.width(w);
            yuv.height(h);
            av_frame_get_buffer(yuv, 0);
            long first = AV_NOPTS_VALUE;
            long last = AV_NOPTS_VALUE;
            long written = 0;
            long lastDuration = 0;
            Map<Long, Long> durations = new HashMap<>(); // each frame's duration by its time: the encoder does not pass it on
            boolean eof = false;
            while (!eof) {
                int r = av_read_frame(ic, pkt);
                if (r < 0) {
                    eof = true;
                    avcodec_send_packet(dec, null);
                } else if (pkt.stream_index() != vs) {
                    if (sound != null && pkt.stream_index() == sound.inStream) sound.add(pkt);
                    av_packet_unref(pkt);
                    continue;
                } else {
                    avcodec_send_packet(dec, pkt); // a damaged packet is skipped; its frame is missing from the copy
                    av_packet_unref(pkt);
                }
                while (avcodec_receive_frame(dec, frame) >= 0) {
                    long pts = frame.best_effort_timestamp();
                    if (pts == AV_NOPTS_VALUE) pts = last == AV_NOPTS_VALUE ? 0 : last + 1;
                    if (first == AV_NOPTS_VALUE) {
                        first = pts;
                        if (sound != null) sound.start(pts * 1_000_000L * ist.time_base().num() / ist.time_base().den());
                    }
                    if (last != AV_NOPTS_VALUE && pts <= last) {
                        av_frame_unref(frame); // a repeated time: one frame per time
                        continue;
                    }
                    last = pts;
                    sws = sws_getCachedContext(sws, w, h, frame.format(), w, h, AV_PIX_FMT_YUV420P, SWS_BICUBIC, null, null, (DoublePointer) null);
                    sws_scale(sws, frame.data(), frame.linesize(), 0, h, yuv.data(), yuv.linesize());
                    yuv.pts(pts - first);
                    yuv.duration(frame.duration() > 0 ? frame.duration() : Math.max(1, lastDuration));
                    lastDuration = yuv.duration();
                    durations.put(yuv.pts(), yuv.duration());
                    av_frame_unref(frame);
                    if (avcodec_send_frame(enc, yuv) < 0) throw new IOException("the H.264 encoder refused a frame of " + in.getFileName() + ".");
                    drain(enc, oc, ost, outPkt, durations);
                    written++;
                    if (!watch.framesWritten(written)) throw new IOException("cancelled");
                }
            }
            avcodec_send_frame(enc, null);
            drain(enc, oc, ost, outPkt, durations);
            if (sound != null) sound.finish();
            if (av_write_trailer(oc) < 0) throw new IOException("cannot finish " + out);
            long duration = last == AV_NOPTS_VALUE ? 0 : (last - first) * 1_000_000L * ist.time_base().num() / ist.time_base().den();
            return new Result(written, duration, sound != null, soundLeftOut);
        } finally {
            if (sound != null) sound.close();
            if (sws != null) sws_freeContext(sws);
            av_frame_free(frame);
            av_frame_free(yuv);
            av_packet_free(pkt);
            av_packet_free(outPkt);
            if (enc != null) avcodec_free_context(enc);
            if (oc != null) {
                if (oc.pb() != null) avio_closep(oc.pb());
                avformat_free_context(oc);
            }
            input.close();
        }
    }

    /** Writes the packets the encoder has ready, each with its frame's duration (the MP4 muxer drops a last sample that has none). */
    private static void drain(AVCodecContext enc, AVFormatContext oc, AVStream ost, AVPacket p, Map<Long, Long> durations) throws IOException {
        while (avcodec_receive_packet(enc, p) >= 0) {
            Long d = durations.remove(p.pts());
            if (p.duration() <= 0 && d != null) p.duration(d);
            av_packet_rescale_ts(p, enc.time_base(), ost.time_base());
            p.stream_index(ost.index());
            if (av_interleaved_write_frame(oc, p) < 0) throw new IOException("cannot write a frame of the copy.");
            av_packet_unref(p);
        }
    }
}
