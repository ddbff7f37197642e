package credit.platform.sanctions.travel.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A decision's claims as compact JSON bytes (insertion order kept) — the exact bytes a receipt's
 * hash tree covers. Strings, numbers, booleans, lists and maps only.
 */
final class ClaimsJson {

    private ClaimsJson() {
    }

    static byte[] bytes(Map<String, Object> claims) {
        StringBuilder s = new StringBuilder(512);
        write(s, claims);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void write(StringBuilder s, Object v) {
        switch (v) {
            case null -> s.append("null");
            case String str -> string(s, str);
            case Number n -> s.append(n);
            case Boolean b -> s.append(b);
            case Map<?, ?> m -> {
                s.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        s.append(',');
                    }
                    first = false;
                    string(s, String.valueOf(e.getKey()));
                    s.append(':');
                    write(s, e.getValue());
                }
                s.append('}');
            }
            case List<?> l -> {
                s.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        s.append(',');
                    }
                    write(s, l.get(i));
                }
                s.append(']');
            }
            default -> string(s, v.toString());
        }
    }

    private static boolean plain(String str) {
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static void string(StringBuilder s, String str) {
        s.append('"');
        if (plain(str)) {
            s.append(str).append('"');
            return;
        }
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
