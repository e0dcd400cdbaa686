package org.attune.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A video file opened for decoding — its container, its first video stream and that stream's decoder
 * (threads as many as cores) — as {@link FrameServer} and {@link CodingCopy} both start. Close frees both.
 */
final class VideoInput implements AutoCloseable {

    static {
        av_log_set_level(AV_LOG_QUIET); // FFmpeg's own console chatter; failures come back as return codes
    }

    final AVFormatContext format;
    final int stream;
    final AVStream videoStream;
    final AVCodecContext decoder;
    final String codecName;
    final boolean hasAudio;

    private VideoInput(AVFormatContext format, int stream, AVCodecContext decoder, String codecName, boolean hasAudio) {
        this.format = format;
        this.stream = stream;
        this.videoStream = format.streams(stream);
        this.decoder = decoder;
        this.codecName = codecName;
        this.hasAudio = hasAudio;
    }

    static VideoInput open(Path file) throws UnreadableVideo {
        String name = file.getFileName().toString();
        AVFormatContext format = new AVFormatContext(null);
        if (avformat_open_input(format, file.toString(), null, null) < 0) throw new UnreadableVideo(name + " cannot be read as a video.");
        AVCodecContext decoder = null;
        try {
            if (avformat_find_stream_info(format, (PointerPointer<?>) null) < 0) throw new UnreadableVideo(name + ": its streams cannot be read.");
            int found = -1;
            boolean audio = false;
            for (int i = 0; i < format.nb_streams(); i++) {
                int type = format.streams(i).codecpar().codec_type();
                if (type == AVMEDIA_TYPE_VIDEO && found < 0) found = i;
                if (type == AVMEDIA_TYPE_AUDIO) audio = true;
            }
            if (found < 0) throw new UnreadableVideo(name + " has no video track.");
            AVCodec codec = avcodec_find_decoder(format.streams(found).codecpar().codec_id());
            if (codec == null) throw new UnreadableVideo(name + ": no decoder for its video codec.");
            String codecName = codec.name().getString();
            decoder = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(decoder, format.streams(found).codecpar());
            decoder.thread_count(0); // as many threads as cores: a long GOP decodes in parallel slices/frames
            if (avcodec_open2(decoder, codec, (AVDictionary) null) < 0) throw new UnreadableVideo(name + ": its video codec (" + codecName + ") cannot be opened.");
            return new VideoInput(format, found, decoder, codecName, audio);
        } catch (UnreadableVideo e) {
            if (decoder != null) avcodec_free_context(decoder);
            avformat_close_input(format);
            throw e;
        }
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        avformat_close_input(format);
    }
}
