package jp.mynahealth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** A role's package never imports another role's: shared code lives in records, importer or common. */
class ArchitectureTest {

    private static final List<String> ROLES = List.of("portal", "idp", "signer", "ca", "taxapp");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.mynahealth");

    @Test
    void rolesDoNotDependOnEachOther() {
        for (String role : ROLES) {
            for (String other : ROLES) {
                if (!role.equals(other)) {
                    noClasses().that().resideInAPackage("jp.mynahealth." + role + "..")
                            .should().dependOnClassesThat().resideInAPackage("jp.mynahealth." + other + "..")
                            .check(CLASSES);
                }
            }
        }
    }

    @Test
    void sharedCodeDoesNotDependOnAnyRole() {
        for (String role : ROLES) {
            noClasses().that().resideInAnyPackage("jp.mynahealth.common..", "jp.mynahealth.records..",
                            "jp.mynahealth.importer..")
                    .should().dependOnClassesThat().resideInAPackage("jp.mynahealth." + role + "..")
                    .check(CLASSES);
        }
    }
}
