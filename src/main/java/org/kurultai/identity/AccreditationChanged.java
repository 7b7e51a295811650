package org.kurultai.identity;

import java.util.UUID;

/**
 * An accreditation was proposed, accredited or ended ({@code stage} is where it now stands; {@code by} is the account
 * that acted). Published synchronously inside the changing transaction.
 */
public record AccreditationChanged(UUID accreditation, UUID account, String participant, Accreditation.Stage stage, UUID by) {
}
