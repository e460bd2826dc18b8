package com.fielddesk.desktop.testing;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;

/**
 * Prints every thread of this JVM (the console and, in these tests, the local-backend serving it)
 * when a wait times out: a flake then says where the work stood, not only that it did not finish.
 * In-process on purpose: an external jstack sends SIGQUIT, which can end a surefire fork.
 */
final class ThreadDump {
    private ThreadDump() {
    }

    static void print(String why) {
        StringBuilder dump = new StringBuilder("=== thread dump: ").append(why).append(" ===\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) {
                dump.append(" on ").append(thread.getLockName());
            }
            if (thread.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            StackTraceElement[] stack = thread.getStackTrace();
            for (int depth = 0; depth < stack.length; depth++) {
                dump.append("\tat ").append(stack[depth]).append('\n');
                for (MonitorInfo monitor : thread.getLockedMonitors()) {
                    if (monitor.getLockedStackDepth() == depth) {
                        dump.append("\t- locked ").append(monitor).append('\n');
                    }
                }
            }
            for (LockInfo lock : thread.getLockedSynchronizers()) {
                dump.append("\t- holds ").append(lock).append('\n');
            }
        }
        System.err.println(dump.append("=== end of thread dump ==="));
    }
}
