package com.fielddesk.desktop.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A two-note chime generated in code (no sound file to ship or license) and played through
 * javax.sound on a background thread. Machines without an audio device (CI, remote desktops)
 * stay silent: the first failure is logged once as a warning, later ones are not.
 */
public final class ToneChime implements Chime {

    /**
     * Looked up at the first message, not at class load: this class is loaded before the first
     * frame, and starting the logging system then costs cold-start time for nothing.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ToneChime.class);
    }
    static final float SAMPLE_RATE = 22_050f;

    /** Where clips come from; {@link AudioSystem#getClip()} on a desktop. */
    @FunctionalInterface
    public interface ClipSource {
        Clip get() throws LineUnavailableException;
    }

    private final Executor background;
    private final ClipSource clips;
    private final AtomicBoolean silenced = new AtomicBoolean();
    /** Made on the first play, on the background thread: nothing of javax.sound loads at startup. */
    private byte[] pcm;

    public ToneChime(Executor background) {
        this(background, AudioSystem::getClip);
    }

    public ToneChime(Executor background, ClipSource clips) {
        this.background = background;
        this.clips = clips;
    }

    @Override
    public void play() {
        background.execute(this::playNow);
    }

    /** Whether a play failed for lack of an audio device (the chime then stays silent). */
    public boolean silenced() {
        return silenced.get();
    }

    void playNow() {
        Clip clip = null;
        try {
            byte[] sound = pcm();
            clip = clips.get();
            clip.open(new AudioFormat(SAMPLE_RATE, 16, 1, true, false), sound, 0, sound.length);
            Clip playing = clip;
            clip.addLineListener(event -> {
                if (event.getType() == LineEvent.Type.STOP) {
                    playing.close();
                }
            });
            clip.start();
        } catch (LineUnavailableException | RuntimeException noAudio) {
            // IllegalArgumentException is what "no mixer supports a Clip" looks like on a headless machine.
            if (clip != null) {
                clip.close();
            }
            if (silenced.compareAndSet(false, true)) {
                log().warn("No audio output for the new-lead sound ({}); the console stays silent", noAudio.toString());
            }
        }
    }

    /** 16-bit little-endian mono sine at {@code hertz}, with 8 ms fades so it does not click. */
    static byte[] tone(double hertz, Duration length) {
        int samples = (int) (SAMPLE_RATE * length.toMillis() / 1000);
        int fade = (int) (SAMPLE_RATE * 0.008);
        byte[] out = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double envelope = Math.min(1.0, Math.min(i, samples - 1 - i) / (double) fade);
            short value = (short) (Math.sin(2 * Math.PI * hertz * i / SAMPLE_RATE) * envelope * 0.35 * Short.MAX_VALUE);
            out[2 * i] = (byte) value;
            out[2 * i + 1] = (byte) (value >> 8);
        }
        return out;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** The chime's samples (16-bit little-endian mono), made once. */
    synchronized byte[] pcm() {
        if (pcm == null) {
            pcm = concat(tone(880, Duration.ofMillis(110)), tone(1320, Duration.ofMillis(160)));
        }
        return pcm;
    }
}
