package credit.platform.sanctions.enforcement.domain;

import java.util.Arrays;

/**
 * Open-addressing long → int map (linear probing, no boxing): 12 bytes per slot, load factor at
 * most 0.7. Keys are exact identifier encodings ({@link SubjectKey#exact()}), compared in full, so
 * a hit is a hit for that identifier and no other. Values are non-negative. {@link #remove} uses
 * backward-shift deletion (no tombstones), so probes stay as short as before.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values; // value + 1; 0 marks an empty slot
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1L << 30, (long) (expected / 0.7) + 1)) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int get(long key) {
        int i = index(key);
        while (true) {
            int v = values[i];
            if (v == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return v - 1;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, int value) {
        if ((size + 1) > (long) keys.length * 7 / 10) {
            grow();
        }
        int i = index(key);
        while (values[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == 0) {
            size++;
        }
        keys[i] = key;
        values[i] = value + 1;
    }

    /** Removes the key, if present. */
    void remove(long key) {
        int i = index(key);
        while (true) {
            if (values[i] == 0) {
                return;
            }
            if (keys[i] == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == 0) {
                break;
            }
            int home = index(keys[j]);
            boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                keys[i] = keys[j];
                values[i] = values[j];
                i = j;
            }
        }
        values[i] = 0;
        size--;
    }

    int size() {
        return size;
    }

    long bytes() {
        return (long) keys.length * 12;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        return (int) h & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                put(oldKeys[i], oldValues[i] - 1);
            }
        }
        Arrays.fill(oldValues, 0);
    }
}
