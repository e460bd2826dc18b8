package com.fielddesk.desktop.bench;

import com.fielddesk.desktop.testing.Fx;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Frame times while something moves a step per frame (a scroll, a zoom): {@code step} (1, 2, …) runs
 * once per pulse after the frame's layout, and each frame is timed from the start of its pulse to the
 * start of the next — at 60 Hz a frame that keeps up takes 16.7 ms, one that misses the renderer's
 * turn 33 ms — together with the FX thread's CPU in it, which tells the section's own work from
 * waiting for the renderer or the shared cores. The same frames timed after their layout are kept
 * too: that point moves with how long each layout took (a frame laying out five new rows ends 1–2 ms
 * later than one moving a label), so those intervals swing around 16.7 ms although no pulse is late.
 */
final class PulseFrames {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Both lists sorted, one entry per frame; and the renderer thread's CPU per frame, on average
     * (it paints a frame while the FX thread prepares the next, so its time is not split per frame).
     */
    record Frames(List<Double> millis, List<Double> afterLayoutMillis, List<Double> fxCpuMillis,
                  double renderCpuMillisPerFrame) {

        /** Frames that missed at least one 60 Hz turn (longer than one and a half turns). */
        long late() {
            return millis.stream().filter(frame -> frame > 1.5 * 1000 / 60).count();
        }
    }

    private PulseFrames() {
    }

    static Frames measure(Scene scene, int steps, IntConsumer step) throws Exception {
        List<Double> frames = new ArrayList<>();
        List<Double> afterLayout = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long[] pulseStart = new long[2];
        Runnable onPulseStart = () -> {
            pulseStart[1] = pulseStart[0];
            pulseStart[0] = System.nanoTime();
        };
        CompletableFuture<Void> done = new CompletableFuture<>();
        long[] last = new long[2];
        int[] count = new int[1];
        Runnable[] onPulse = new Runnable[1];
        onPulse[0] = () -> {
            long now = System.nanoTime();
            long cpuNow = THREADS.getCurrentThreadCpuTime();
            if (last[0] != 0) {
                frames.add((pulseStart[0] - pulseStart[1]) / 1e6);
                afterLayout.add((now - last[0]) / 1e6);
                cpu.add((cpuNow - last[1]) / 1e6);
            }
            last[0] = now;
            last[1] = cpuNow;
            if (++count[0] > steps) {
                scene.removePostLayoutPulseListener(onPulse[0]);
                scene.removePreLayoutPulseListener(onPulseStart);
                done.complete(null);
                return;
            }
            step.accept(count[0]);
            Platform.requestNextPulse();
        };
        long renderCpuBefore = rendererCpuNanos();
        Fx.run(() -> {
            scene.addPreLayoutPulseListener(onPulseStart);
            scene.addPostLayoutPulseListener(onPulse[0]);
            Platform.requestNextPulse();
        });
        done.get(2, TimeUnit.MINUTES);
        double renderCpu = (rendererCpuNanos() - renderCpuBefore) / 1e6 / Math.max(1, frames.size());
        frames.sort(null);
        afterLayout.sort(null);
        cpu.sort(null);
        return new Frames(frames, afterLayout, cpu, renderCpu);
    }

    /**
     * The same window's pulses with nothing changing: the floor under every frame time above, set by
     * JavaFX's 60 Hz pulse timer alone (its wake-ups on a shared machine are a few tenths of a
     * millisecond late or early). A screen whose frames equal this did no work a frame could miss.
     */
    static Frames idle(Scene scene, int steps) throws Exception {
        return measure(scene, steps, step -> { });
    }

    /**
     * The same window repainted in every pulse and nothing else done: no CSS, no layout, only the
     * scene's fill (hidden under the root) changed, so Prism paints the whole window again — the
     * floor under the frame times of any screen that moves here. On this machine (software
     * rendering into Xvfb, JavaFX's Linux pulse timer a GLib timeout counted in whole
     * milliseconds, 2 shared cores) a painted frame starts a few tenths of a millisecond later
     * than an idle one. A screen whose frames equal this floor lost no time to its own work.
     */
    static Frames repainted(Scene scene, int steps) throws Exception {
        javafx.scene.paint.Paint fill = scene.getFill();
        try {
            return measure(scene, steps, step -> scene.setFill(step % 2 == 0 ? javafx.scene.paint.Color.WHITE
                    : javafx.scene.paint.Color.gray(0.99)));
        } finally {
            Fx.run(() -> scene.setFill(fill));
        }
    }

    /** The CPU time of JavaFX's render thread(s) so far (Prism paints there; the pulse waits for it). */
    private static long rendererCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("QuantumRenderer"))
                .mapToLong(thread -> Math.max(0, THREADS.getThreadCpuTime(thread.getId()))).sum();
    }
}
