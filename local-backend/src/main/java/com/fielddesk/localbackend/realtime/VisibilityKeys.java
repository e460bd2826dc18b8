package com.fielddesk.localbackend.realtime;

import java.util.Locale;
import com.fielddesk.localbackend.db.RequestIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which subscribers are guaranteed to see exactly the same rows, so one re-read can serve
 * them all.
 *
 * <p>What a re-read returns depends only on the database role (column grants, which policies
 * apply) and on what the policies — and the functions they call — read from the request's JWT.
 * FieldDesk's policies read the claims only through {@code auth.uid()} (claim {@code sub}) and
 * {@code auth.role()} (claim {@code role}, equal to the database role). That is checked, not
 * assumed: at start every policy expression and every function body in the database (bar the
 * four {@code auth} helpers themselves) is searched for any other way to read the claims —
 * {@code current_setting} (which is how {@code request.jwt.claim*} is read), {@code jwt(} and
 * {@code email(}. If nothing is found, subscribers with the same role and subject share a
 * re-read (different tokens of one user — other {@code exp}, {@code iat}, {@code session_id} —
 * included). If anything is found, the whole claims JSON becomes part of the key, which is exact
 * whatever those readers do, and only subscribers presenting identical claims share.
 */
final class VisibilityKeys {

    private static final Logger LOG = LoggerFactory.getLogger(VisibilityKeys.class);
    private static final String OTHER_CLAIM_READERS = "(current_setting|request\\.jwt|\\mjwt\\s*\\(|\\memail\\s*\\()";
    /**
     * A {@code current_setting} of a named setting outside {@code request.*} reads no claim (e.g.
     * Storage's {@code storage.allow_delete_query} guard); it is removed before the search.
     */
    private static final String NON_CLAIM_SETTING = "current_setting\\s*\\(\\s*''(?!request\\.)[a-z0-9_.]+''";

    /**
     * Subscribers with equal keys see the same rows with the same columns.
     *
     * @param claimsJson null when no policy can read claims beyond role and subject
     */
    record Key(String role, String subject, String claimsJson) {
    }

    private final List<String> otherClaimReaders;

    private VisibilityKeys(List<String> otherClaimReaders) {
        this.otherClaimReaders = List.copyOf(otherClaimReaders);
    }

    static VisibilityKeys inspect(Connection superuser) throws SQLException {
        List<String> readers = new ArrayList<>();
        try (Statement statement = superuser.createStatement();
             ResultSet rows = statement.executeQuery(String.format(Locale.ROOT, """
                     select format('function %%I.%%I', n.nspname, p.proname)
                       from pg_proc p
                       join pg_namespace n on n.oid = p.pronamespace
                       join pg_language l on l.oid = p.prolang
                      where n.nspname not in ('pg_catalog', 'information_schema')
                        and not (n.nspname = 'auth' and p.proname in ('uid', 'role', 'email', 'jwt'))
                        and l.lanname not in ('c', 'internal')
                        and regexp_replace(p.prosrc, '%2$s', '', 'gi') ~* '%1$s'
                     union all
                     select format('policy %%I on %%I.%%I', policyname, schemaname, tablename)
                       from pg_policies
                      where concat(qual, ' ', with_check) ~* '%1$s'
                     """, OTHER_CLAIM_READERS, NON_CLAIM_SETTING))) {
            while (rows.next()) {
                readers.add(rows.getString(1));
            }
        }
        if (!readers.isEmpty()) {
            LOG.info("Realtime shares re-reads only between identical JWT claims: {} may read claims beyond sub and role",
                    readers);
        }
        return new VisibilityKeys(readers);
    }

    /** Whether subscribers of one user share re-reads whatever else their tokens carry. */
    boolean keysBySubject() {
        return otherClaimReaders.isEmpty();
    }

    Key keyOf(RequestIdentity identity) {
        return new Key(identity.role(), identity.subject(), keysBySubject() ? null : identity.claimsJson());
    }
}
