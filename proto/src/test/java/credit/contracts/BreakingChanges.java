package credit.contracts;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a client built against the released contracts would feel: the wire-and-JSON breaking changes
 * between two descriptor sets (the spirit of {@code buf breaking}'s FILE/WIRE_JSON rules, in plain
 * Java because {@code buf} cannot be had on this build's machines).
 *
 * <p>Breaking: a file, message, enum, service or RPC removed; a field or enum value removed without
 * reserving its number; a field's or enum value's name changed; a field's type, message/enum type,
 * cardinality (repeated / optional) or oneof changed; an RPC's request or response type or streaming
 * changed; a file's package changed. Adding anything is not breaking.
 */
final class BreakingChanges {

    private BreakingChanges() {
    }

    /** Every breaking change from {@code released} to {@code current}, one readable line each; empty when compatible. */
    static List<String> between(FileDescriptorSet released, FileDescriptorSet current) {
        List<String> out = new ArrayList<>();
        Map<String, FileDescriptorProto> now = byName(current.getFileList(), FileDescriptorProto::getName);
        for (FileDescriptorProto old : released.getFileList()) {
            FileDescriptorProto file = now.get(old.getName());
            if (file == null) {
                out.add(old.getName() + ": file removed");
                continue;
            }
            if (!old.getPackage().equals(file.getPackage())) {
                out.add(old.getName() + ": package changed from " + old.getPackage() + " to " + file.getPackage());
            }
            String prefix = old.getPackage().isEmpty() ? "" : old.getPackage() + ".";
            messages(prefix, old.getMessageTypeList(), file.getMessageTypeList(), out);
            enums(prefix, old.getEnumTypeList(), file.getEnumTypeList(), out);
            services(prefix, old.getServiceList(), file.getServiceList(), out);
        }
        return out;
    }

    private static void messages(String prefix, List<DescriptorProto> olds, List<DescriptorProto> news, List<String> out) {
        Map<String, DescriptorProto> now = byName(news, DescriptorProto::getName);
        for (DescriptorProto old : olds) {
            String name = prefix + old.getName();
            DescriptorProto message = now.get(old.getName());
            if (message == null) {
                out.add(name + ": message removed");
                continue;
            }
            fields(name, old, message, out);
            messages(name + ".", old.getNestedTypeList(), message.getNestedTypeList(), out);
            enums(name + ".", old.getEnumTypeList(), message.getEnumTypeList(), out);
        }
    }

    private static void fields(String message, DescriptorProto old, DescriptorProto current, List<String> out) {
        Map<Integer, FieldDescriptorProto> now = byName(current.getFieldList(), FieldDescriptorProto::getNumber);
        for (FieldDescriptorProto was : old.getFieldList()) {
            String where = message + " field " + was.getNumber() + " (" + was.getName() + ")";
            FieldDescriptorProto is = now.get(was.getNumber());
            if (is == null) {
                boolean reserved = current.getReservedRangeList().stream()
                        .anyMatch(r -> r.getStart() <= was.getNumber() && was.getNumber() < r.getEnd());
                if (!reserved) {
                    out.add(where + ": removed without reserving its number");
                }
                continue;
            }
            if (!is.getName().equals(was.getName())) {
                out.add(where + ": renamed to " + is.getName() + " (breaks JSON and generated code)");
            }
            if (is.getType() != was.getType() || !is.getTypeName().equals(was.getTypeName())) {
                out.add(where + ": type changed from " + type(was) + " to " + type(is));
            }
            if (is.getLabel() != was.getLabel() || is.getProto3Optional() != was.getProto3Optional()) {
                out.add(where + ": cardinality changed from " + cardinality(was) + " to " + cardinality(is));
            }
            if (oneof(old, was) != null || oneof(current, is) != null) {
                String a = oneof(old, was);
                String b = oneof(current, is);
                if (!was.getProto3Optional() && !is.getProto3Optional() && (a == null ? b != null : !a.equals(b))) {
                    out.add(where + ": moved from oneof " + a + " to oneof " + b);
                }
            }
        }
    }

    private static void enums(String prefix, List<EnumDescriptorProto> olds, List<EnumDescriptorProto> news, List<String> out) {
        Map<String, EnumDescriptorProto> now = byName(news, EnumDescriptorProto::getName);
        for (EnumDescriptorProto old : olds) {
            String name = prefix + old.getName();
            EnumDescriptorProto e = now.get(old.getName());
            if (e == null) {
                out.add(name + ": enum removed");
                continue;
            }
            Map<Integer, EnumValueDescriptorProto> values = byName(e.getValueList(), EnumValueDescriptorProto::getNumber);
            for (EnumValueDescriptorProto was : old.getValueList()) {
                EnumValueDescriptorProto is = values.get(was.getNumber());
                String where = name + " value " + was.getNumber() + " (" + was.getName() + ")";
                if (is == null) {
                    boolean reserved = e.getReservedRangeList().stream()
                            .anyMatch(r -> r.getStart() <= was.getNumber() && was.getNumber() <= r.getEnd());
                    if (!reserved) {
                        out.add(where + ": removed without reserving its number");
                    }
                } else if (!is.getName().equals(was.getName())) {
                    out.add(where + ": renamed to " + is.getName() + " (breaks JSON and generated code)");
                }
            }
        }
    }

    private static void services(String prefix, List<ServiceDescriptorProto> olds, List<ServiceDescriptorProto> news,
            List<String> out) {
        Map<String, ServiceDescriptorProto> now = byName(news, ServiceDescriptorProto::getName);
        for (ServiceDescriptorProto old : olds) {
            String name = prefix + old.getName();
            ServiceDescriptorProto service = now.get(old.getName());
            if (service == null) {
                out.add(name + ": service removed");
                continue;
            }
            Map<String, MethodDescriptorProto> methods = byName(service.getMethodList(), MethodDescriptorProto::getName);
            for (MethodDescriptorProto was : old.getMethodList()) {
                String where = name + "/" + was.getName();
                MethodDescriptorProto is = methods.get(was.getName());
                if (is == null) {
                    out.add(where + ": RPC removed");
                    continue;
                }
                if (!is.getInputType().equals(was.getInputType())) {
                    out.add(where + ": request type changed from " + was.getInputType() + " to " + is.getInputType());
                }
                if (!is.getOutputType().equals(was.getOutputType())) {
                    out.add(where + ": response type changed from " + was.getOutputType() + " to " + is.getOutputType());
                }
                if (is.getClientStreaming() != was.getClientStreaming()) {
                    out.add(where + ": client streaming changed from " + was.getClientStreaming() + " to " + is.getClientStreaming());
                }
                if (is.getServerStreaming() != was.getServerStreaming()) {
                    out.add(where + ": server streaming changed from " + was.getServerStreaming() + " to " + is.getServerStreaming());
                }
            }
        }
    }

    private static String oneof(DescriptorProto message, FieldDescriptorProto field) {
        return field.hasOneofIndex() ? message.getOneofDecl(field.getOneofIndex()).getName() : null;
    }

    private static String type(FieldDescriptorProto f) {
        return f.getTypeName().isEmpty() ? f.getType().name() : f.getType().name() + " " + f.getTypeName();
    }

    private static String cardinality(FieldDescriptorProto f) {
        return f.getProto3Optional() ? "optional" : f.getLabel().name();
    }

    private static <K, T> Map<K, T> byName(List<T> items, Function<T, K> key) {
        Map<K, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }
}
