package org.attune.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_drain;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;

/**
 * The sound track of a coding copy: the original's first sound stream decoded, resampled (mono or stereo,
 * its own rate where AAC has it, else 48 kHz) and encoded as AAC with FFmpeg's own encoder, on the copy's
 * clock — sound before the video's first frame is cut, so the copy's time 0 is that frame for picture and
 * sound alike. Sound packets read before the first frame is decoded wait until its time is known.
 */
final class CopySound implements AutoCloseable {

    private static final Set<Integer> AAC_RATES = Set.of(96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000);

    /** The original's sound stream this reads. */
    final int inStream;
    private final AVStream ist;
    private final AVFormatContext oc;
    private final AVCodecContext dec;
    private final AVCodecContext enc;
    private final AVStream ost;
    private final int rate;
    private final AVAudioFifo fifo;
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame resampled = av_frame_alloc();
    private final AVFrame toEncode = av_frame_alloc();
    private final AVPacket out = av_packet_alloc();
    private final List<AVPacket> waiting = new ArrayList<>();
    private SwrContext swr;
    /** The video's first frame on the original's clock (µs), or null while not known. */
    private Long startMicros;
    /** The next sample's time on the copy's clock, in samples (negative: before the video starts, cut). */
    private long nextSample = Long.MIN_VALUE;

    private CopySound(int inStream, AVStream ist, AVFormatContext oc, AVCodecContext dec, AVCodecContext enc, AVStream ost, int rate, int channels) {
        this.inStream = inStream;
        this.ist = ist;
        this.oc = oc;
        this.dec = dec;
        this.enc = enc;
        this.ost = ost;
        this.rate = rate;
        this.fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, 4096);
    }

    /**
     * The sound track for a copy being written to {@code oc} (call before its header is written), or null
     * when the original has no sound. Throws when its sound cannot be decoded or encoded.
     */
    static CopySound open(AVFormatContext ic, AVFormatContext oc, boolean globalHeader) throws IOException {
        int found = -1;
        for (int i = 0; i < ic.nb_streams() && found < 0; i++) {
            if (ic.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) found = i;
        }
        if (found < 0) return null;
        AVStream ist = ic.streams(found);
        AVCodec decoder = avcodec_find_decoder(ist.codecpar().codec_id());
        if (decoder == null) throw new IOException("there is no decoder for its sound");
        AVCodecContext dec = avcodec_alloc_context3(decoder);
        AVCodecContext enc = null;
        try {
            avcodec_parameters_to_context(dec, ist.codecpar());
            dec.pkt_timebase(ist.time_base());
            if (avcodec_open2(dec, decoder, (AVDictionary) null) < 0) throw new IOException("its sound (" + decoder.name().getString() + ") cannot be decoded");
            AVCodec aac = avcodec_find_encoder_by_name("aac");
            if (aac == null) throw new IOException("this build of Attune has no AAC encoder");
            int channels = Math.max(1, Math.min(2, dec.ch_layout().nb_channels()));
            int rate = AAC_RATES.contains(dec.sample_rate()) ? dec.sample_rate() : 48000;
            enc = avcodec_alloc_context3(aac);
            av_channel_layout_default(enc.ch_layout(), channels);
            enc.sample_rate(rate);
            enc.sample_fmt(AV_SAMPLE_FMT_FLTP);
            enc.bit_rate(channels * 96_000L);
            enc.time_base(av_make_q(1, rate));
            if (globalHeader) enc.flags(enc.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            if (avcodec_open2(enc, aac, (AVDictionary) null) < 0) throw new IOException("the AAC encoder cannot be opened for its sound");
            AVStream ost = avformat_new_stream(oc, null);
            avcodec_parameters_from_context(ost.codecpar(), enc);
            ost.time_base(enc.time_base());
            return new CopySound(found, ist, oc, dec, enc, ost, rate, channels);
        } catch (IOException e) {
            avcodec_free_context(dec);
            if (enc != null) avcodec_free_context(enc);
            throw e;
        }
    }

    /** A packet of the sound stream (the caller still owns it). */
    void add(AVPacket p) throws IOException {
        if (startMicros == null) {
            waiting.add(av_packet_clone(p));
            return;
        }
        decode(p);
    }

    /** The video's first frame is at {@code micros} on the original's clock: the copy's 0 for the sound too. */
    void start(long micros) throws IOException {
        startMicros = micros;
        for (AVPacket p : waiting) {
            decode(p);
            av_packet_free(p);
        }
        waiting.clear();
    }

    /** The original ended: what the decoder, resampler and encoder still hold is written. */
    void finish() throws IOException {
        if (startMicros == null) start(0);
        decode(null);
        if (swr != null) {
            resampled.nb_samples(0);
            if (swr_convert_frame(swr, resampled, null) >= 0 && resampled.nb_samples() > 0) toFifo();
            av_frame_unref(resampled);
        }
        while (av_audio_fifo_size(fifo) > 0) encode(Math.min(av_audio_fifo_size(fifo), enc.frame_size()));
        avcodec_send_frame(enc, null);
        write();
    }

    private void decode(AVPacket p) throws IOException {
        if (avcodec_send_packet(dec, p) < 0 && p != null) return; // a damaged sound packet: its moment is silent in the copy
        while (avcodec_receive_frame(dec, decoded) >= 0) {
            try {
                if (nextSample == Long.MIN_VALUE) {
                    long ts = decoded.best_effort_timestamp();
                    long micros = ts == AV_NOPTS_VALUE ? startMicros : ts * 1_000_000L * ist.time_base().num() / ist.time_base().den();
                    nextSample = Math.round((micros - startMicros) * (double) rate / 1e6);
                }
                if (decoded.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
                    av_channel_layout_default(decoded.ch_layout(), decoded.ch_layout().nb_channels()); // PCM in AVI says only how many
                }
                if (swr == null) openResampler();
                av_channel_layout_copy(resampled.ch_layout(), enc.ch_layout());
                resampled.sample_rate(rate);
                resampled.format(AV_SAMPLE_FMT_FLTP);
                if (swr_convert_frame(swr, resampled, decoded) < 0) throw new IOException("its sound cannot be resampled");
                toFifo();
                av_frame_unref(resampled);
            } finally {
                av_frame_unref(decoded);
            }
            while (av_audio_fifo_size(fifo) >= enc.frame_size()) encode(enc.frame_size());
        }
    }

    /** Resampling from what the decoder gives (known once it has given a frame) to the encoder's format. */
    private void openResampler() throws IOException {
        swr = new SwrContext(null);
        if (swr_alloc_set_opts2(swr, enc.ch_layout(), AV_SAMPLE_FMT_FLTP, rate, decoded.ch_layout(), decoded.format(), decoded.sample_rate(), 0, null) < 0
                || swr_init(swr) < 0) {
            throw new IOException("its sound cannot be resampled");
        }
    }

    /** Resampled sound into the queue; what lies before the video's first frame is dropped. */
    private void toFifo() {
        av_audio_fifo_write(fifo, resampled.data(), resampled.nb_samples());
        if (nextSample < 0) {
            int drop = (int) Math.min(-nextSample, av_audio_fifo_size(fifo));
            av_audio_fifo_drain(fifo, drop);
            nextSample += drop;
        }
    }

    private void encode(int samples) throws IOException {
        toEncode.nb_samples(samples);
        toEncode.format(AV_SAMPLE_FMT_FLTP);
        av_channel_layout_copy(toEncode.ch_layout(), enc.ch_layout());
        toEncode.sample_rate(rate);
        if (av_frame_get_buffer(toEncode, 0) < 0) throw new IOException("out of memory for its sound");
        av_audio_fifo_read(fifo, toEncode.data(), samples);
        toEncode.pts(nextSample);
        nextSample += samples;
        int r = avcodec_send_frame(enc, toEncode);
        av_frame_unref(toEncode);
        if (r < 0) throw new IOException("the AAC encoder refused its sound");
        write();
    }

    private void write() throws IOException {
        while (avcodec_receive_packet(enc, out) >= 0) {
            av_packet_rescale_ts(out, enc.time_base(), ost.time_base());
            out.stream_index(ost.index());
            if (av_interleaved_write_frame(oc, out) < 0) throw new IOException("cannot write the copy's sound.");
            av_packet_unref(out);
        }
    }

    @Override
    public void close() {
        for (AVPacket p : waiting) av_packet_free(p);
        waiting.clear();
        if (swr != null) swr_free(swr);
        av_audio_fifo_free(fifo);
        av_frame_free(decoded);
        av_frame_free(resampled);
        av_frame_free(toEncode);
        av_packet_free(out);
        avcodec_free_context(dec);
        avcodec_free_context(enc);
    }
}
