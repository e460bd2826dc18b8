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
 * once per pulse after the frame's layout, and each frame is timed pulse to pulse — at 60 Hz a frame
 * that keeps up takes 16.7 ms — together with the FX thread's CPU in it, which tells the section's own
 * work from waiting for the renderer or the shared cores.
 */
final class PulseFrames {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Both lists sorted, one entry per frame; and the renderer thread's CPU per frame, on average
     * (it paints a frame while the FX thread prepares the next, so its time is not split per frame).
     */
    record Frames(List<Double> millis, List<Double> fxCpuMillis, double renderCpuMillisPerFrame) {
    }

    private PulseFrames() {
    }

    static Frames measure(Scene scene, int steps, IntConsumer step) throws Exception {
        List<Double> frames = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long[] last = new long[2];
        int[] count = new int[1];
        Runnable[] onPulse = new Runnable[1];
        onPulse[0] = () -> {
            long now = System.nanoTime();
            long cpuNow = THREADS.getCurrentThreadCpuTime();
            if (last[0] != 0) {
                frames.add((now - last[0]) / 1e6);
                cpu.add((cpuNow - last[1]) / 1e6);
            }
            last[0] = now;
            last[1] = cpuNow;
            if (++count[0] > steps) {
                scene.removePostLayoutPulseListener(onPulse[0]);
                done.complete(null);
                return;
            }
            step.accept(count[0]);
            Platform.requestNextPulse();
        };
        long renderCpuBefore = rendererCpuNanos();
        Fx.run(() -> {
            scene.addPostLayoutPulseListener(onPulse[0]);
            Platform.requestNextPulse();
        });
        done.get(2, TimeUnit.MINUTES);
        double renderCpu = (rendererCpuNanos() - renderCpuBefore) / 1e6 / Math.max(1, frames.size());
        frames.sort(null);
        cpu.sort(null);
        return new Frames(frames, cpu, renderCpu);
    }

    /** The CPU time of JavaFX's render thread(s) so far (Prism paints there; the pulse waits for it). */
    private static long rendererCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("QuantumRenderer"))
                .mapToLong(thread -> Math.max(0, THREADS.getThreadCpuTime(thread.getId()))).sum();
    }
}
