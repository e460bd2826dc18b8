package com.fielddesk.desktop.ui;

import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A read-only observable list that takes each new result in place, matched by key: rows that
 * left are removed, new rows inserted where they belong, changed rows replaced, all in one change
 * (plus one permutation when the order of kept rows changed). A table over it keeps its selection
 * and scroll position through a reload, which {@code setAll} would reset.
 */
final class KeyedItems<T> extends ObservableListBase<T> {

    private final Function<? super T, ?> key;
    private List<T> rows = new ArrayList<>();

    KeyedItems(Function<? super T, ?> key) {
        this.key = Objects.requireNonNull(key);
    }

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Makes the list equal to {@code fresh} (whose keys must be unique) with as few changes as it takes. */
    void update(List<? extends T> fresh) {
        Map<Object, Integer> freshIndex = new HashMap<>(fresh.size() * 2);
        for (int i = 0; i < fresh.size(); i++) {
            if (freshIndex.put(key.apply(fresh.get(i)), i) != null) {
                throw new IllegalArgumentException("Two rows share the key " + key.apply(fresh.get(i)));
            }
        }
        reorderKeptRows(freshIndex);
        List<T> old = rows;
        List<T> next = new ArrayList<>(fresh);
        beginChange();
        try {
            // One pass, reporting each change at its position in the list as it is at that moment.
            int position = 0;
            int o = 0;
            int f = 0;
            while (o < old.size() || f < next.size()) {
                if (o < old.size() && !freshIndex.containsKey(key.apply(old.get(o)))) {
                    nextRemove(position, old.get(o++));
                } else if (o >= old.size() || !key.apply(old.get(o)).equals(key.apply(next.get(f)))) {
                    // Kept rows are already in the new relative order, so a mismatch is a new row.
                    nextAdd(position, ++position);
                    f++;
                } else {
                    if (!old.get(o).equals(next.get(f))) {
                        nextSet(position, old.get(o));
                    }
                    position++;
                    o++;
                    f++;
                }
            }
            rows = next;
        } finally {
            endChange();
        }
    }

    /** Puts the rows that stay into their new relative order first, as one permutation (a table keeps its selection through it). */
    private void reorderKeptRows(Map<Object, Integer> freshIndex) {
        List<Integer> keptAt = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (freshIndex.containsKey(key.apply(rows.get(i)))) {
                keptAt.add(i);
            }
        }
        boolean inOrder = true;
        for (int i = 1; i < keptAt.size() && inOrder; i++) {
            inOrder = freshIndex.get(key.apply(rows.get(keptAt.get(i - 1)))) < freshIndex.get(key.apply(rows.get(keptAt.get(i))));
        }
        if (inOrder) {
            return;
        }
        List<Integer> slots = new ArrayList<>(keptAt);
        List<Integer> byNewOrder = new ArrayList<>(keptAt);
        byNewOrder.sort((a, b) -> Integer.compare(freshIndex.get(key.apply(rows.get(a))), freshIndex.get(key.apply(rows.get(b)))));
        // The kept rows trade places among their own slots; rows about to leave stay where they are.
        int[] permutation = new int[rows.size()];
        List<T> reordered = new ArrayList<>(rows);
        Set<Integer> kept = new HashSet<>(keptAt);
        for (int i = 0; i < rows.size(); i++) {
            if (!kept.contains(i)) {
                permutation[i] = i;
            }
        }
        for (int slot = 0; slot < slots.size(); slot++) {
            int from = byNewOrder.get(slot);
            int to = slots.get(slot);
            permutation[from] = to;
            reordered.set(to, rows.get(from));
        }
        beginChange();
        try {
            rows = reordered;
            nextPermutation(0, permutation.length, permutation);
        } finally {
            endChange();
        }
    }
}
