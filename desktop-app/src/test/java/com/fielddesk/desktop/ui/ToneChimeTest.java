package com.fielddesk.desktop.ui;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.LineUnavailableException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ToneChimeTest {

    @Test
    void theChimeIsTwoShortNotesThatStartAndEndSilentSoTheyDoNotClick() {
        byte[] pcm = new ToneChime(Runnable::run, () -> {
            throw new LineUnavailableException("not played here");
        }).pcm();
        int samples = pcm.length / 2;
        assertThat(samples).isEqualTo((int) (ToneChime.SAMPLE_RATE * 0.110) + (int) (ToneChime.SAMPLE_RATE * 0.160));
        assertThat(sample(pcm, 0)).isZero();
        assertThat(Math.abs(sample(pcm, samples - 1))).isLessThan(200);
        int loudest = 0;
        for (int i = 0; i < samples; i++) {
            loudest = Math.max(loudest, Math.abs(sample(pcm, i)));
        }
        assertThat(loudest).as("audible, but well below full scale").isBetween(8_000, 16_000);
        assertThat(ToneChime.tone(880, Duration.ofMillis(100))).hasSize((int) (ToneChime.SAMPLE_RATE * 0.1) * 2);
    }

    @Test
    void withoutAnAudioDeviceTheChimeStaysSilentInsteadOfFailing() {
        ToneChime noLine = new ToneChime(Runnable::run, () -> {
            throw new LineUnavailableException("no audio device");
        });
        noLine.play();
        noLine.play();
        assertThat(noLine.silenced()).isTrue();

        // What a headless JDK says when no mixer offers a Clip.
        ToneChime noMixer = new ToneChime(Runnable::run, () -> {
            throw new IllegalArgumentException("No line matching interface Clip is supported.");
        });
        noMixer.play();
        assertThat(noMixer.silenced()).isTrue();
    }

    private static int sample(byte[] pcm, int index) {
        return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
    }
}
