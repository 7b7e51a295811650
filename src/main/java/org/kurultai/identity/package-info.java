/**
 * Who is who: accounts of the Secretariat and of the participants' delegations, their roles, how
 * they sign in (Argon2id passwords, throttled), and the one rule every module asks about what a
 * person may do for a State on a given day ({@link org.kurultai.identity.ActingRights}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
@org.jspecify.annotations.NullMarked
package org.kurultai.identity;
