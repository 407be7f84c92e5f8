package jp.mynahealth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jp.mynahealth.ca.CaApplication;
import jp.mynahealth.idp.IdpApplication;
import jp.mynahealth.portal.PortalApplication;
import jp.mynahealth.signer.SignerApplication;
import jp.mynahealth.taxapp.TaxAppApplication;

/** The parts of the system that one jar can run; see docs on the architecture in README.md. */
public enum Role {
    // Order matters: the issuer and the identity provider are up before the portal sends anyone to them.
    CA("ca", CaApplication.class, true),
    IDP("idp", IdpApplication.class, true),
    SIGNER("signer", SignerApplication.class, false),
    PORTAL("portal", PortalApplication.class, true),
    // The demo tax return software: a third party's app, reaching the others only over HTTP.
    TAXAPP("taxapp", TaxAppApplication.class, false);

    private final String configName;
    private final Class<?> configuration;
    private final boolean usesDatabase;

    Role(String configName, Class<?> configuration, boolean usesDatabase) {
        this.configName = configName;
        this.configuration = configuration;
        this.usesDatabase = usesDatabase;
    }

    public String configName() {
        return configName;
    }

    public Class<?> configuration() {
        return configuration;
    }

    /** The signer runs on citizens' computers and kiosks, the demo tax software is someone else's app: no database at all. */
    public boolean usesDatabase() {
        return usesDatabase;
    }

    /** Reads {@code --roles=a,b}; all roles when absent. Unknown names are refused with the list of known ones. */
    static List<Role> parse(String... args) {
        String value = Arrays.stream(args)
                .filter(arg -> arg.startsWith("--roles="))
                .map(arg -> arg.substring("--roles=".length()))
                .reduce((first, last) -> last)
                .orElse("");
        if (value.isBlank()) {
            return List.of(values());
        }
        List<String> asked = Arrays.stream(value.split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList();
        List<Role> roles = new ArrayList<>();
        for (Role role : values()) {
            if (asked.contains(role.configName)) {
                roles.add(role);
            }
        }
        List<String> unknown = asked.stream()
                .filter(name -> Arrays.stream(values()).noneMatch(role -> role.configName.equals(name)))
                .toList();
        if (!unknown.isEmpty() || roles.isEmpty()) {
            throw new IllegalArgumentException("Unknown role(s) " + unknown
                    + "; choose from portal, idp, signer, ca, taxapp (for example --roles=portal,idp)");
        }
        return roles;
    }
}
