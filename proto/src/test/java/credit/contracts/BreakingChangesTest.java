package credit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The contracts stay compatible with the last release: the descriptors compiled from today's
 * {@code .proto} files are compared with the released ones kept in
 * {@code src/test/resources/contracts/released-descriptors.txtpb}. Then the check itself is shown to
 * catch each kind of break, on copies of today's descriptors changed one way at a time.
 */
class BreakingChangesTest {

    static final Path RELEASED = Path.of("src/test/resources/contracts/released-descriptors.txtpb");
    /** {@code -Dcredit.proto.write-baseline=true}: at a release, records today's contracts as the released ones. */
    static final String WRITE_BASELINE = "credit.proto.write-baseline";

    static FileDescriptorSet current() {
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        for (FileDescriptor file : ContractRulesTest.FILES) {
            set.addFile(file.toProto());
        }
        return set.build();
    }

    static FileDescriptorSet released() throws IOException {
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        com.google.protobuf.ExtensionRegistry options = com.google.protobuf.ExtensionRegistry.newInstance();
        credit.common.v1.CommonProto.registerAllExtensions(options); // required_scope on the RPCs
        TextFormat.merge(Files.readString(RELEASED, StandardCharsets.UTF_8), options, set);
        return set.build();
    }

    @Test
    void todaysContractsBreakNothingThatWasReleased() throws IOException {
        if (Boolean.getBoolean(WRITE_BASELINE)) {
            Files.writeString(RELEASED, "# The released contracts (FileDescriptorSet, text format): the baseline of\n"
                    + "# BreakingChangesTest. Rewritten only at a release: ./mvnw -pl proto test -D" + WRITE_BASELINE + "=true\n"
                    + TextFormat.printer().printToString(current()), StandardCharsets.UTF_8);
        }
        assertThat(BreakingChanges.between(released(), current()))
                .as("breaking changes against the released contracts (" + RELEASED + "). Keep released fields, "
                        + "values and RPCs (reserve a removed number); a real break is a new package version "
                        + "(credit.<domain>.v2) beside v1")
                .isEmpty();
    }

    @Test
    void theReleasedBaselineCoversEveryContractFile() throws IOException {
        assertThat(released().getFileList()).extracting(FileDescriptorProto::getName).contains(
                "credit/common/v1/common.proto", "credit/registry/v1/registry.proto", "credit/lists/v1/lists.proto",
                "credit/scoring/v1/scoring.proto", "credit/sanctions/v1/sanctions.proto");
    }

    @Test
    void addingAFieldAMessageAValueAndAnRpcIsNotBreaking() {
        FileDescriptorSet changed = sanctions(f -> {
            FileDescriptorProto.Builder b = f.toBuilder();
            DescriptorProto.Builder m = b.getMessageTypeBuilder(index(f, "CheckTravelRequest"));
            m.addField(FieldDescriptorProto.newBuilder().setName("new_field").setNumber(999)
                    .setType(FieldDescriptorProto.Type.TYPE_STRING).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
            b.addMessageType(DescriptorProto.newBuilder().setName("BrandNew"));
            b.getEnumTypeBuilder(0).addValue(com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto.newBuilder()
                    .setName("TRAVEL_MODE_SPACE").setNumber(99));
            b.getServiceBuilder(0).addMethod(b.getService(0).getMethod(0).toBuilder().setName("CheckTravelAgain"));
            return b.build();
        });
        assertThat(BreakingChanges.between(current(), changed)).isEmpty();
    }

    @Test
    void removingAFieldIsBreakingUnlessItsNumberIsReserved() {
        FileDescriptorProto f = sanctionsFile();
        DescriptorProto request = f.getMessageType(index(f, "CheckTravelRequest"));
        FieldDescriptorProto first = request.getField(0);
        UnaryOperator<DescriptorProto.Builder> drop = m -> m.removeField(0);
        assertThat(BreakingChanges.between(current(), withMessage("CheckTravelRequest", drop)))
                .containsExactly("credit.sanctions.v1.CheckTravelRequest field " + first.getNumber() + " ("
                        + first.getName() + "): removed without reserving its number");
        assertThat(BreakingChanges.between(current(), withMessage("CheckTravelRequest", m -> drop.apply(m)
                .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(first.getNumber())
                        .setEnd(first.getNumber() + 1))))).isEmpty();
    }

    @Test
    void renumberingRetypingRenamingOrRepeatingAFieldIsBreaking() {
        FieldDescriptorProto first = sanctionsFile().getMessageType(index(sanctionsFile(), "CheckTravelRequest")).getField(0);
        assertThat(BreakingChanges.between(current(), withMessage("CheckTravelRequest",
                m -> m.setField(0, first.toBuilder().setNumber(777)))))
                .anyMatch(s -> s.contains("field " + first.getNumber()) && s.contains("removed"));
        assertThat(BreakingChanges.between(current(), withMessage("CheckTravelRequest",
                m -> m.setField(0, first.toBuilder().setType(FieldDescriptorProto.Type.TYPE_BYTES).clearTypeName()))))
                .anyMatch(s -> s.contains("type changed"));
        assertThat(BreakingChanges.between(current(), withMessage("CheckTravelRequest",
                m -> m.setField(0, first.toBuilder().setName("renamed")))))
                .anyMatch(s -> s.contains("renamed to renamed"));
        assertThat(BreakingChanges.between(current(), withMessage("CheckTravelRequest",
                m -> m.setField(0, first.toBuilder().setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)))))
                .anyMatch(s -> s.contains("cardinality changed"));
    }

    @Test
    void removingAnRpcOrChangingItsTypesOrStreamingIsBreaking() {
        assertThat(BreakingChanges.between(current(), sanctions(f -> f.toBuilder()
                .setService(0, f.getService(0).toBuilder().removeMethod(0)).build())))
                .containsExactly("credit.sanctions.v1.TravelCheckService/CheckTravel: RPC removed");
        assertThat(BreakingChanges.between(current(), sanctions(f -> f.toBuilder()
                .setService(0, f.getService(0).toBuilder().setMethod(0, f.getService(0).getMethod(0).toBuilder()
                        .setServerStreaming(true))).build())))
                .containsExactly("credit.sanctions.v1.TravelCheckService/CheckTravel: server streaming changed from false to true");
        assertThat(BreakingChanges.between(current(), sanctions(f -> f.toBuilder()
                .setService(0, f.getService(0).toBuilder().setMethod(0, f.getService(0).getMethod(0).toBuilder()
                        .setOutputType(".credit.sanctions.v1.BatchCheckTravelResponse"))).build())))
                .anyMatch(s -> s.contains("response type changed"));
        assertThat(BreakingChanges.between(current(), sanctions(f -> f.toBuilder().removeService(0).build())))
                .containsExactly("credit.sanctions.v1.TravelCheckService: service removed");
    }

    @Test
    void removingAMessageAnEnumValueOrAFileIsBreaking() {
        FileDescriptorProto f = sanctionsFile();
        assertThat(BreakingChanges.between(current(), sanctions(x -> x.toBuilder()
                .removeMessageType(index(x, "CheckTravelRequest")).build())))
                .contains("credit.sanctions.v1.CheckTravelRequest: message removed");
        EnumDescriptorProto modes = f.getEnumType(0);
        assertThat(BreakingChanges.between(current(), sanctions(x -> x.toBuilder()
                .setEnumType(0, modes.toBuilder().removeValue(modes.getValueCount() - 1)).build())))
                .containsExactly("credit.sanctions.v1." + modes.getName() + " value "
                        + modes.getValue(modes.getValueCount() - 1).getNumber() + " ("
                        + modes.getValue(modes.getValueCount() - 1).getName() + "): removed without reserving its number");
        FileDescriptorSet withoutSanctions = FileDescriptorSet.newBuilder().addAllFile(current().getFileList().stream()
                .filter(x -> !x.getName().equals(f.getName())).toList()).build();
        assertThat(BreakingChanges.between(current(), withoutSanctions)).containsExactly(f.getName() + ": file removed");
    }

    private static FileDescriptorProto sanctionsFile() {
        return current().getFileList().stream().filter(x -> x.getName().equals("credit/sanctions/v1/sanctions.proto"))
                .findFirst().orElseThrow();
    }

    private static FileDescriptorSet sanctions(UnaryOperator<FileDescriptorProto> change) {
        List<FileDescriptorProto> files = current().getFileList().stream()
                .map(x -> x.getName().equals("credit/sanctions/v1/sanctions.proto") ? change.apply(x) : x).toList();
        return FileDescriptorSet.newBuilder().addAllFile(files).build();
    }

    private static FileDescriptorSet withMessage(String message, UnaryOperator<DescriptorProto.Builder> change) {
        return sanctions(f -> {
            FileDescriptorProto.Builder b = f.toBuilder();
            int i = index(f, message);
            b.setMessageType(i, change.apply(f.getMessageType(i).toBuilder()));
            return b.build();
        });
    }

    private static int index(FileDescriptorProto f, String message) {
        for (int i = 0; i < f.getMessageTypeCount(); i++) {
            if (f.getMessageType(i).getName().equals(message)) {
                return i;
            }
        }
        throw new IllegalArgumentException(message);
    }
}
