package org.attune.ui;

/** A view that calls FFmpeg itself: ArchitectureTest's canary for the rule that only org.attune.media does. Never used. */
public final class FfmpegCanary {
    org.bytedeco.ffmpeg.avutil.AVFrame frame;
}
