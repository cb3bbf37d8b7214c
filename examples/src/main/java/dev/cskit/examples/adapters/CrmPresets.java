package dev.cskit.examples.adapters;

import dev.cskit.core.CsKitException;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.imports.ImportMapping;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ready-made import mappings for common CRM exports, for {@link dev.cskit.core.imports.Importer}.
 *
 * <ul>
 *   <li>{@link #salesforceAccounts()}: a Salesforce Account export (API field names as
 *       headers) makes one customer per account;</li>
 *   <li>{@link #salesforceContacts()}: a Salesforce Contact export makes one
 *       {@code contact.added} event per contact, on its account's customer;</li>
 *   <li>{@link #hubspotCompanies()}: a HubSpot company export (property labels as headers)
 *       makes one customer per company;</li>
 *   <li>{@link #hubspotContacts()}: a HubSpot contact export makes one {@code contact.added}
 *       event per contact, on its associated company's customer.</li>
 * </ul>
 *
 * <p>Each preset is a mapping file on the class path, next to this class
 * ({@code salesforce-accounts.yaml}, ...), so an application can copy one and change it.
 * Each call reads and validates the file anew; the mappings are immutable and thread-safe.
 *
 * <p>Note: a contact export must only hold contacts with an account (Salesforce
 * {@code AccountId}) or an associated company (HubSpot {@code Associated Company ID}); a
 * contact without one is a bad row and stops the import. HubSpot date-times carry no zone:
 * the HubSpot presets read them as UTC.
 */
public final class CrmPresets {

    private static final Map<String, String> FILES = Map.of(
            "salesforce-accounts", "salesforce-accounts.yaml",
            "salesforce-contacts", "salesforce-contacts.yaml",
            "hubspot-companies", "hubspot-companies.yaml",
            "hubspot-contacts", "hubspot-contacts.yaml");

    private CrmPresets() {
    }

    /** @return the mapping of a Salesforce Account export */
    public static ImportMapping salesforceAccounts() {
        return load("salesforce-accounts");
    }

    /** @return the mapping of a Salesforce Contact export */
    public static ImportMapping salesforceContacts() {
        return load("salesforce-contacts");
    }

    /** @return the mapping of a HubSpot company export */
    public static ImportMapping hubspotCompanies() {
        return load("hubspot-companies");
    }

    /** @return the mapping of a HubSpot contact export */
    public static ImportMapping hubspotContacts() {
        return load("hubspot-contacts");
    }

    /** @return the preset names, such as {@code salesforce-accounts}, sorted */
    public static List<String> names() {
        return FILES.keySet().stream().sorted().toList();
    }

    /**
     * Returns a preset by name.
     *
     * @param name a name of {@link #names()}, case-insensitive
     * @return the mapping, or empty for an unknown name
     */
    public static Optional<ImportMapping> byName(String name) {
        if (name == null || !FILES.containsKey(name.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(load(name.toLowerCase(Locale.ROOT)));
    }

    private static ImportMapping load(String name) {
        String file = FILES.get(name);
        try (InputStream in = CrmPresets.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new CsKitException("the preset " + file + " is missing from the class path"
                        + " beside " + CrmPresets.class.getName());
            }
            return ImportMapping.read(in);
        } catch (IOException e) {
            throw new CsKitException("cannot read the preset " + file + ": " + e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new CsKitException("the preset " + file + " is invalid: " + e.getMessage(), e);
        }
    }
}
