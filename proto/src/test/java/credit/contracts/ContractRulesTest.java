package credit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import credit.common.v1.CommonProto;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract rules of docs/architecture.md ("House shape"), checked over every .proto of the platform. */
class ContractRulesTest {

    static final List<FileDescriptor> FILES = List.of(
            CommonProto.getDescriptor(),
            credit.registry.v1.RegistryProto.getDescriptor(),
            credit.lists.v1.ListsProto.getDescriptor(),
            credit.scoring.v1.ScoringProto.getDescriptor(),
            credit.sanctions.v1.SanctionsProto.getDescriptor());

    @Test
    void everyRpcDeclaresTheScopeItNeeds() {
        List<String> missing = new ArrayList<>();
        for (FileDescriptor file : FILES) {
            for (ServiceDescriptor service : file.getServices()) {
                for (MethodDescriptor method : service.getMethods()) {
                    if (method.getOptions().getExtension(CommonProto.requiredScope).isBlank()) {
                        missing.add(method.getFullName());
                    }
                }
            }
        }
        assertThat(missing).as("RPCs without (credit.common.v1.required_scope)").isEmpty();
    }

    /**
     * Only the sanctions contract is reached from outside (through the gateway's front door); every
     * other RPC is called by the platform's own services and is reserved to them.
     */
    @Test
    void everyRpcBehindTheFrontDoorIsReservedToTheServiceIdentity() {
        List<String> open = new ArrayList<>();
        List<String> wronglyReserved = new ArrayList<>();
        for (FileDescriptor file : FILES) {
            for (ServiceDescriptor service : file.getServices()) {
                boolean external = file.getPackage().equals("credit.sanctions.v1");
                for (MethodDescriptor method : service.getMethods()) {
                    boolean serviceOnly = method.getOptions().getExtension(CommonProto.serviceOnly);
                    if (!external && !serviceOnly) {
                        open.add(method.getFullName());
                    }
                    if (external && serviceOnly) {
                        wronglyReserved.add(method.getFullName());
                    }
                }
            }
        }
        assertThat(open).as("internal RPCs without (credit.common.v1.service_only) = true").isEmpty();
        assertThat(wronglyReserved).as("front-door RPCs reserved to the services").isEmpty();
    }

    @Test
    void everyEnumStartsWithUnspecifiedZero() {
        List<String> wrong = new ArrayList<>();
        for (FileDescriptor file : FILES) {
            List<EnumDescriptor> enums = new ArrayList<>(file.getEnumTypes());
            file.getMessageTypes().forEach(m -> enums.addAll(m.getEnumTypes()));
            for (EnumDescriptor e : enums) {
                if (!e.getValues().getFirst().getName().endsWith("_UNSPECIFIED") || e.getValues().getFirst().getNumber() != 0) {
                    wrong.add(e.getFullName());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyFileIsInItsVersionedCreditPackageWithMultipleJavaFiles() {
        for (FileDescriptor file : FILES) {
            assertThat(file.getPackage()).matches("credit\\.[a-z]+\\.v1");
            assertThat(file.getName()).startsWith(file.getPackage().replace('.', '/') + "/");
            assertThat(file.getOptions().getJavaMultipleFiles()).as(file.getName()).isTrue();
        }
    }
}
