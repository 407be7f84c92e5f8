package jp.mynahealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void allRolesWhenNoneAreAsked() {
        assertThat(Role.parse()).containsExactly(Role.CA, Role.IDP, Role.SIGNER, Role.PORTAL, Role.TAXAPP);
        assertThat(Role.parse("--roles=")).containsExactly(Role.CA, Role.IDP, Role.SIGNER, Role.PORTAL, Role.TAXAPP);
    }

    @Test
    void theAskedRolesInStartOrder() {
        assertThat(Role.parse("--roles=portal, IDP")).containsExactly(Role.IDP, Role.PORTAL);
        assertThat(Role.parse("--other", "--roles=signer")).containsExactly(Role.SIGNER);
        assertThat(Role.parse("--roles=taxapp,signer")).containsExactly(Role.SIGNER, Role.TAXAPP);
    }

    @Test
    void anUnknownRoleIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Role.parse("--roles=portal,kiosk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[kiosk]").hasMessageContaining("portal, idp, signer, ca, taxapp");
    }
}
